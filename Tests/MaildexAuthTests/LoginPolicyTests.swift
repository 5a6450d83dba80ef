import Foundation
import MaildexAuth
import MaildexCore
import Testing

@Suite struct IPNetworkTests {
    @Test(arguments: [
        ("10.0.0.0/8", "10.200.3.4", true), ("10.0.0.0/8", "11.0.0.1", false),
        ("192.168.1.0/24", "192.168.1.255", true), ("192.168.1.0/24", "192.168.2.1", false),
        ("192.168.1.7", "192.168.1.7", true), ("192.168.1.7", "192.168.1.8", false),
        ("2001:db8::/32", "2001:db8:1::5", true), ("2001:db8::/32", "2001:db9::1", false),
        ("::1", "::1", true), ("10.0.0.0/8", "::ffff:10.1.2.3", true), ("0.0.0.0/0", "203.0.113.9", true),
        ("10.0.0.0/8", "not-an-address", false), ("10.0.0.0/8", "2001:db8::1", false),
    ])
    func contains(_ network: String, _ address: String, _ expected: Bool) throws {
        let net = try #require(IPNetwork(network))
        #expect(net.contains(address) == expected)
    }

    @Test(arguments: ["", "10.0.0.0/33", "10.0.0/8", "::1/129", "host.example.com", "10.0.0.0/x"])
    func refuses(_ text: String) {
        #expect(IPNetwork(text) == nil)
    }
}

@Suite struct UsernameFormatTests {
    @Test(arguments: [
        ("%Lu", "Alice@Example.COM", "alice@example.com"), ("%u", "Alice", "Alice"),
        ("%n@%Ld", "Alice@Example.COM", "Alice@example.com"), ("%Ln", "Bob@x", "bob"),
        ("%Ud", "a@ex.org", "EX.ORG"), ("%n", "plain", "plain"), ("%%%u", "a", "%a"), ("%x%u", "a", "%xa"),
    ])
    func apply(_ template: String, _ input: String, _ expected: String) {
        #expect(UsernameFormat(template).apply(to: input) == expected)
    }
}

@Suite struct FailureDelayTests {
    @Test func growsPerAddressUpToTheMaximumAndResetsOnSuccess() {
        var delays = FailureDelay<ContinuousClock>()
        let t0 = ContinuousClock.now
        let seen = (0..<5).map { delays.failed(from: "192.0.2.1", at: t0 + .seconds($0)) }
        #expect(seen == [.seconds(2), .seconds(4), .seconds(8), .seconds(15), .seconds(15)])
        #expect(delays.failed(from: "192.0.2.2", at: t0) == .seconds(2), "another address starts afresh")
        delays.succeeded(from: "192.0.2.1")
        #expect(delays.failed(from: "192.0.2.1", at: t0 + .seconds(10)) == .seconds(2))
        #expect(delays.failed(from: "192.0.2.2", at: t0 + .seconds(601)) == .seconds(2), "forgotten after 10 minutes")
    }
}

/// A clock whose `sleep` returns at once and records what was asked, so that delays are
/// checked exactly, without timing anything.
final class RecordingClock: Clock, @unchecked Sendable {
    typealias Duration = Swift.Duration
    typealias Instant = ContinuousClock.Instant
    private let lock = NSLock()
    private var slept: [Duration] = []
    private var offset: Duration = .zero
    private let start = ContinuousClock.now

    var now: Instant { lock.withLock { start + offset } }
    var minimumResolution: Duration { .nanoseconds(1) }
    var sleeps: [Duration] { lock.withLock { slept } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        lock.withLock {
            slept.append(start.duration(to: deadline) - offset)
            offset = start.duration(to: deadline)
        }
    }
}

@Suite struct LoginServiceTests {
    static func service(clock: RecordingClock = RecordingClock(), _ configure: (inout LoginPolicy) -> Void = { _ in }) -> LoginService<RecordingClock> {
        var policy = LoginPolicy()
        configure(&policy)
        let passdb = SQLPassDB { name in name.rawValue == "alice@example.com" ? "{PLAIN}secret" : nil }
        return LoginService(authenticator: Authenticator(passdbs: [passdb], userdbs: []), policy: policy, clock: clock)
    }

    @Test func plaintextIsRefusedWithoutTLSExceptFromLoopbackAndTrustedNetworks() async throws {
        let logins = Self.service { $0.trustedNetworks = [IPNetwork("10.0.0.0/8")!] }
        let remote = await logins.login(user: "alice@example.com", password: "secret", from: "203.0.113.5", overTLS: false)
        guard case .refused(.plaintextDisallowed) = remote else { Issue.record("\(remote)"); return }
        for (address, tls) in [("203.0.113.5", true), ("127.0.0.1", false), ("::1", false), ("10.1.1.1", false)] {
            let result = await logins.login(user: "alice@example.com", password: "secret", from: address, overTLS: tls)
            guard case .success = result else { Issue.record("\(address): \(result)"); continue }
        }
    }

    @Test func namesAreNormalisedBeforeThePassdb() async {
        let result = await Self.service().login(user: "Alice@EXAMPLE.com", password: "secret", from: "127.0.0.1", overTLS: false)
        guard case .success(let user) = result else { Issue.record("\(result)"); return }
        #expect(user.fields.username == "alice@example.com")
    }

    @Test func failuresAreDelayedPerAddressButNotFromTrustedNetworks() async {
        let clock = RecordingClock()
        let logins = Self.service(clock: clock) { $0.trustedNetworks = [IPNetwork("10.0.0.0/8")!] }
        for _ in 0..<2 { _ = await logins.login(user: "alice@example.com", password: "wrong", from: "127.0.0.1", overTLS: true) }
        _ = await logins.login(user: "nobody@example.com", password: "x", from: "10.0.0.9", overTLS: true)
        _ = await logins.login(user: "alice@example.com", password: "secret", from: "127.0.0.2", overTLS: true)
        _ = await logins.login(user: "alice@example.com", password: "wrong", from: "127.0.0.2", overTLS: true)
        #expect(clock.sleeps == [.seconds(2), .seconds(4), .seconds(2)])
        // A success resets the address.
        _ = await logins.login(user: "alice@example.com", password: "secret", from: "127.0.0.1", overTLS: true)
        _ = await logins.login(user: "alice@example.com", password: "wrong", from: "127.0.0.1", overTLS: true)
        #expect(clock.sleeps.last == .seconds(2))
    }

    @Test func refusedPlaintextIsNotAFailedPassword() async {
        let clock = RecordingClock()
        let logins = Self.service(clock: clock)
        _ = await logins.login(user: "alice@example.com", password: "wrong", from: "203.0.113.5", overTLS: false)
        #expect(clock.sleeps.isEmpty)
    }
}
