import MaildexLMTPCodec
import Testing

/// One command line and what it must parse to: a command, or the reply code and enhanced
/// status of the refusal.
struct CommandFixture: Sendable, CustomTestStringConvertible {
    enum Expected: Sendable {
        case success(LMTPCommand)
        case failure(code: Int, status: String)
    }
    var line: String
    var expected: Expected
    var testDescription: String { line.debugDescription }

    static func ok(_ line: String, _ command: LMTPCommand) -> Self { Self(line: line, expected: .success(command)) }
    static func bad(_ line: String, _ code: Int, _ status: String) -> Self { Self(line: line, expected: .failure(code: code, status: status)) }
}

func address(_ text: String, local: String, domain: String?) -> LMTPAddress {
    LMTPAddress(localPart: local, domain: domain, text: text)
}

let alice = address("alice@example.com", local: "alice", domain: "example.com")

@Test(arguments: [
    // LHLO, HELO, EHLO
    CommandFixture.ok("LHLO mx.example.org", .lhlo(domain: "mx.example.org")),
    .ok("lhlo mx.example.org   ", .lhlo(domain: "mx.example.org")),
    .ok("LHLO [127.0.0.1]", .lhlo(domain: "[127.0.0.1]")),
    .bad("LHLO", 501, "5.5.4"),
    .bad("LHLO a b", 501, "5.5.4"),
    .bad("HELO mx.example.org", 500, "5.5.1"),
    .bad("ehlo mx.example.org", 500, "5.5.1"),
    // MAIL FROM
    .ok("MAIL FROM:<bob@example.org>", .mail(from: address("bob@example.org", local: "bob", domain: "example.org"), parameters: .init())),
    .ok("mail from: <bob@example.org>", .mail(from: address("bob@example.org", local: "bob", domain: "example.org"), parameters: .init())),
    .ok("MAIL FROM:<>", .mail(from: nil, parameters: .init())),
    .ok("MAIL FROM:<bob@example.org> SIZE=1024 BODY=8BITMIME",
        .mail(from: address("bob@example.org", local: "bob", domain: "example.org"), parameters: .init(size: 1024, body: .eightBitMIME))),
    .ok("MAIL FROM:<> body=7bit", .mail(from: nil, parameters: .init(body: .sevenBit))),
    .ok("MAIL FROM:<@relay.example,@b.example:bob@example.org>",
        .mail(from: address("bob@example.org", local: "bob", domain: "example.org"), parameters: .init())),
    .bad("MAIL FROM:bob@example.org", 501, "5.5.4"),
    .bad("MAIL TO:<bob@example.org>", 501, "5.5.4"),
    .bad("MAIL FROM:<bob@example.org", 501, "5.5.4"),
    .bad("MAIL FROM:<bob@@example.org>", 501, "5.1.7"),
    .bad("MAIL FROM:<bob@exa_mple.org>", 501, "5.1.7"),
    .bad("MAIL FROM:<bob@example.org> SIZE=abc", 501, "5.5.4"),
    .bad("MAIL FROM:<bob@example.org> SIZE=1 SIZE=2", 501, "5.5.4"),
    .bad("MAIL FROM:<bob@example.org> BODY=BINARYMIME", 501, "5.5.4"),
    .bad("MAIL FROM:<bob@example.org> SMTPUTF8", 555, "5.5.4"),
    .bad("MAIL FROM:<bob@example.org>SIZE=1", 501, "5.5.4"),
    // RCPT TO
    .ok("RCPT TO:<alice@example.com>", .rcpt(to: alice)),
    .ok("rcpt to: <alice@example.com>  ", .rcpt(to: alice)),
    .ok("RCPT TO:<alice>", .rcpt(to: address("alice", local: "alice", domain: nil))),
    .ok("RCPT TO:<postmaster>", .rcpt(to: address("postmaster", local: "postmaster", domain: nil))),
    .ok("RCPT TO:<\"john smith\"@example.com>", .rcpt(to: address("\"john smith\"@example.com", local: "john smith", domain: "example.com"))),
    .ok("RCPT TO:<\"a\\\"b>c\"@example.com>", .rcpt(to: address("\"a\\\"b>c\"@example.com", local: "a\"b>c", domain: "example.com"))),
    .ok("RCPT TO:<alice+lists@Example.COM>", .rcpt(to: address("alice+lists@Example.COM", local: "alice+lists", domain: "Example.COM"))),
    .ok("RCPT TO:<alice@[192.0.2.1]>", .rcpt(to: address("alice@[192.0.2.1]", local: "alice", domain: "[192.0.2.1]"))),
    .bad("RCPT TO:<>", 501, "5.1.3"),
    .bad("RCPT TO:<a..b@example.com>", 501, "5.1.3"),
    .bad("RCPT TO:<\"unterminated@example.com>", 501, "5.5.4"),
    .bad("RCPT TO:<alice@example.com> NOTIFY=NEVER", 555, "5.5.4"),
    .bad("RCPT FROM:<alice@example.com>", 501, "5.5.4"),
    .bad("RCPT TO:alice@example.com", 501, "5.5.4"),
    // the rest
    .ok("DATA", .data), .ok("data  ", .data), .bad("DATA now", 501, "5.5.4"),
    .ok("RSET", .rset), .bad("RSET x", 501, "5.5.4"),
    .ok("NOOP", .noop), .ok("noop anything at all", .noop),
    .ok("QUIT", .quit), .bad("QUIT now", 501, "5.5.4"),
    .ok("VRFY alice", .vrfy("alice")), .bad("VRFY", 501, "5.5.4"),
    .ok("StartTLS", .startTLS),
    .bad("", 500, "5.5.2"), .bad("   ", 500, "5.5.2"),
    .bad("BDAT 10 LAST", 500, "5.5.1"), .bad("XYZZY", 500, "5.5.1"),
    .bad("NOOP \u{0}", 500, "5.5.2"),
])
func parseCommand(_ fixture: CommandFixture) {
    let result = Result { () throws(LMTPCommandError) in try LMTPCommand(parsing: Array(fixture.line.utf8)) }
    switch (fixture.expected, result) {
    case (.success(let expected), .success(let command)):
        #expect(command == expected)
    case (.failure(let code, let status), .failure(let error)):
        #expect(error.reply.code == code)
        #expect(error.reply.status?.description == status)
        #expect(!error.reason.isEmpty)
    case (_, .success(let command)):
        Issue.record("\(fixture.line.debugDescription) parsed as \(command), expected a refusal")
    case (_, .failure(let error)):
        Issue.record("\(fixture.line.debugDescription) refused: \(error)")
    }
}

@Test func commandLinesOverTheLimitAreRefused() {
    let longest = "NOOP " + String(repeating: "x", count: LMTPCommand.maximumLineLength - 5)
    #expect((try? LMTPCommand(parsing: Array(longest.utf8))) == .noop)
    #expect(throws: LMTPCommandError.self) { try LMTPCommand(parsing: Array((longest + "x").utf8)) }
    do {
        _ = try LMTPCommand(parsing: Array((longest + "x").utf8))
    } catch {
        #expect(error.reply.description == "500 5.5.2 Line too long")
    }
}

@Test func invalidUTF8IsASyntaxError() {
    do {
        _ = try LMTPCommand(parsing: Array("RCPT TO:<a".utf8) + [0xFF] + Array("@b>".utf8))
        Issue.record("accepted invalid UTF-8")
    } catch {
        #expect(error.reply.code == 500)
    }
}

@Test func heloAndEhloAreToldToUseLHLO() throws {
    do {
        _ = try LMTPCommand(parsing: Array("EHLO x".utf8))
        Issue.record("EHLO accepted")
    } catch {
        #expect(error.reply.description == "500 5.5.1 Use LHLO")
    }
}
