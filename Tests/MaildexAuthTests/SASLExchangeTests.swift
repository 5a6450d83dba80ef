import Foundation
import MaildexAuth
import Testing

private func b64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
private func b64(bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

/// One exchange: mechanism, the initial response (nil: none), then client lines, and the
/// steps expected for start and each line.
struct SASLFixture: CustomTestStringConvertible, Sendable {
    var name: String
    var mechanism: SASLMechanism
    var initialResponse: String?
    var lines: [String]
    var expected: [SASLStep]
    var testDescription: String { name }
}

private let usernameChallenge = b64("Username:")
private let passwordChallenge = b64("Password:")

@Suite struct SASLExchangeTests {
    static let fixtures: [SASLFixture] = [
        // PLAIN, valid
        .init(name: "PLAIN without IR", mechanism: .plain, initialResponse: nil, lines: [b64("\0alice\0secret")],
              expected: [.challenge(""), .credentials(authorizationID: nil, user: "alice", password: "secret")]),
        .init(name: "PLAIN with IR", mechanism: .plain, initialResponse: b64("\0alice\0secret"), lines: [],
              expected: [.credentials(authorizationID: nil, user: "alice", password: "secret")]),
        .init(name: "PLAIN authzid equal to authcid", mechanism: .plain, initialResponse: b64("Alice\0alice\0pw"), lines: [],
              expected: [.credentials(authorizationID: "Alice", user: "alice", password: "pw")]),
        .init(name: "PLAIN UTF-8", mechanism: .plain, initialResponse: b64("\0jürgen@例え.jp\0pässwörd"), lines: [],
              expected: [.credentials(authorizationID: nil, user: "jürgen@例え.jp", password: "pässwörd")]),
        .init(name: "PLAIN password with spaces", mechanism: .plain, initialResponse: b64("\0bob\0a b c "), lines: [],
              expected: [.credentials(authorizationID: nil, user: "bob", password: "a b c ")]),
        // PLAIN, invalid
        .init(name: "PLAIN other authzid refused", mechanism: .plain, initialResponse: b64("admin\0alice\0secret"), lines: [],
              expected: [.failure(.malformedResponse("authorization identity differs from the user; proxy authorization is not allowed"))]),
        .init(name: "PLAIN one NUL", mechanism: .plain, initialResponse: b64("alice\0secret"), lines: [],
              expected: [.failure(.malformedResponse("expected [authzid] NUL authcid NUL passwd, found 1 NUL(s)"))]),
        .init(name: "PLAIN three NULs", mechanism: .plain, initialResponse: b64("\0alice\0sec\0ret"), lines: [],
              expected: [.failure(.malformedResponse("expected [authzid] NUL authcid NUL passwd, found 3 NUL(s)"))]),
        .init(name: "PLAIN empty authcid", mechanism: .plain, initialResponse: b64("\0\0secret"), lines: [],
              expected: [.failure(.malformedResponse("empty user name"))]),
        .init(name: "PLAIN empty password", mechanism: .plain, initialResponse: b64("\0alice\0"), lines: [],
              expected: [.failure(.malformedResponse("empty password"))]),
        .init(name: "PLAIN empty IR (=)", mechanism: .plain, initialResponse: "=", lines: [],
              expected: [.failure(.malformedResponse("expected [authzid] NUL authcid NUL passwd, found 0 NUL(s)"))]),
        .init(name: "PLAIN bad base64 IR", mechanism: .plain, initialResponse: "AGFsaWNl!AHNlY3JldA==", lines: [],
              expected: [.failure(.malformedBase64)]),
        .init(name: "PLAIN unpadded base64", mechanism: .plain, initialResponse: nil, lines: ["AGFsaWNlAHNlY3JldA"],
              expected: [.challenge(""), .failure(.malformedBase64)]),
        .init(name: "PLAIN invalid UTF-8", mechanism: .plain, initialResponse: b64(bytes: [0, 0x61, 0, 0xFF, 0xFE]), lines: [],
              expected: [.failure(.malformedResponse("password is not UTF-8"))]),
        .init(name: "PLAIN cancelled", mechanism: .plain, initialResponse: nil, lines: ["*"],
              expected: [.challenge(""), .failure(.cancelled)]),
        .init(name: "PLAIN line after the end", mechanism: .plain, initialResponse: b64("\0a\0b"), lines: [b64("\0a\0b")],
              expected: [.credentials(authorizationID: nil, user: "a", password: "b"), .failure(.malformedResponse("exchange already finished"))]),
        // LOGIN, valid
        .init(name: "LOGIN", mechanism: .login, initialResponse: nil, lines: [b64("alice"), b64("secret")],
              expected: [.challenge(usernameChallenge), .challenge(passwordChallenge), .credentials(authorizationID: nil, user: "alice", password: "secret")]),
        .init(name: "LOGIN with IR", mechanism: .login, initialResponse: b64("alice"), lines: [b64("pässwörd")],
              expected: [.challenge(passwordChallenge), .credentials(authorizationID: nil, user: "alice", password: "pässwörd")]),
        // LOGIN, invalid
        .init(name: "LOGIN cancelled at password", mechanism: .login, initialResponse: nil, lines: [b64("alice"), "*"],
              expected: [.challenge(usernameChallenge), .challenge(passwordChallenge), .failure(.cancelled)]),
        .init(name: "LOGIN cancelled at user", mechanism: .login, initialResponse: nil, lines: ["*", b64("x")],
              expected: [.challenge(usernameChallenge), .failure(.cancelled), .failure(.malformedResponse("exchange already finished"))]),
        .init(name: "LOGIN empty user (=)", mechanism: .login, initialResponse: "=", lines: [],
              expected: [.failure(.malformedResponse("empty user name"))]),
        .init(name: "LOGIN empty password line", mechanism: .login, initialResponse: nil, lines: [b64("alice"), ""],
              expected: [.challenge(usernameChallenge), .challenge(passwordChallenge), .failure(.malformedResponse("empty password"))]),
        .init(name: "LOGIN NUL in user", mechanism: .login, initialResponse: b64("al\0ice"), lines: [],
              expected: [.failure(.malformedResponse("user name contains NUL"))]),
        .init(name: "LOGIN bad base64", mechanism: .login, initialResponse: nil, lines: ["not base64"],
              expected: [.challenge(usernameChallenge), .failure(.malformedBase64)]),
    ]

    @Test(arguments: fixtures)
    func exchange(_ fixture: SASLFixture) {
        var exchange = SASLExchange(mechanism: fixture.mechanism)
        var steps = [exchange.start(initialResponse: fixture.initialResponse)]
        for line in fixture.lines { steps.append(exchange.receive(line)) }
        #expect(steps == fixture.expected)
    }

    @Test func proxyAuthorizationWhenAllowed() {
        var exchange = SASLExchange(mechanism: .plain, allowsAuthorizationID: true)
        #expect(exchange.start(initialResponse: b64("bob\0master\0pw")) == .credentials(authorizationID: "bob", user: "master", password: "pw"))
    }

    @Test func startTwiceIsRefused() {
        var exchange = SASLExchange(mechanism: .login)
        #expect(exchange.start(initialResponse: nil) == .challenge(usernameChallenge))
        #expect(exchange.start(initialResponse: nil) == .failure(.malformedResponse("exchange already started")))
    }

    @Test(arguments: [("plain", SASLMechanism.plain), ("LOGIN", .login), ("Login", .login)])
    func mechanismNamesAreCaseInsensitive(name: String, mechanism: SASLMechanism) {
        #expect(SASLMechanism(name: name) == mechanism)
    }

    @Test func unknownMechanismName() {
        #expect(SASLMechanism(name: "CRAM-MD5") == nil)
    }
}
