import MaildexPOP3Codec
import Testing

/// One line and what it must parse to: a command, or an error with its keyword and reason.
struct CommandFixture: Sendable, CustomTestStringConvertible {
    let line: String
    let expected: Result<POP3Command, POP3CommandError>
    var testDescription: String { "\"\(line)\"" }

    static func ok(_ line: String, _ command: POP3Command) -> Self { .init(line: line, expected: .success(command)) }
    static func bad(_ line: String, _ command: String, _ reason: POP3CommandError.Reason) -> Self {
        .init(line: line, expected: .failure(POP3CommandError(command: command, reason: reason)))
    }
}

let long41 = String(repeating: "a", count: 41)
let long256 = String(repeating: "p", count: 256)

@Test(arguments: [
    CommandFixture.ok("USER alice", .user("alice")),
    .ok("user alice@example.org", .user("alice@example.org")),
    .bad("USER", "USER", .missingArgument),
    .bad("USER al ice", "USER", .unexpectedArgument("ice")),
    .ok("PASS secret", .pass("secret")),
    .ok("PASS open  sesame ", .pass("open  sesame ")),
    .ok("pass  lead", .pass(" lead")),
    .bad("PASS", "PASS", .missingArgument),
    .bad("PASS ", "PASS", .missingArgument),
    .ok("PASS " + String(repeating: "p", count: 255), .pass(String(repeating: "p", count: 255))),
    .bad("PASS " + long256, "PASS", .argumentTooLong(limit: 255)),
    .ok("STAT", .stat),
    .ok("stat ", .stat),
    .bad("STAT 1", "STAT", .unexpectedArgument("1")),
    .ok("LIST", .list(nil)),
    .ok("LiSt 2", .list(2)),
    .ok("LIST  7", .list(7)),
    .bad("LIST 0", "LIST", .invalidNumber("0")),
    .bad("LIST -1", "LIST", .invalidNumber("-1")),
    .bad("LIST +1", "LIST", .invalidNumber("+1")),
    .bad("LIST x", "LIST", .invalidNumber("x")),
    .bad("LIST 1 2", "LIST", .unexpectedArgument("2")),
    .bad("LIST 99999999999999999999999", "LIST", .invalidNumber("99999999999999999999999")),
    .bad("LIST " + String(repeating: "1", count: 41), "LIST", .argumentTooLong(limit: 40)),
    .ok("UIDL", .uidl(nil)),
    .ok("UIDL 3", .uidl(3)),
    .bad("UIDL three", "UIDL", .invalidNumber("three")),
    .ok("RETR 1", .retr(1)),
    .bad("RETR", "RETR", .missingArgument),
    .bad("RETR 0", "RETR", .invalidNumber("0")),
    .ok("TOP 1 0", .top(1, lines: 0)),
    .ok("top 2 10", .top(2, lines: 10)),
    .bad("TOP 1", "TOP", .missingArgument),
    .bad("TOP 0 1", "TOP", .invalidNumber("0")),
    .bad("TOP 1 -1", "TOP", .invalidNumber("-1")),
    .bad("TOP 1 2 3", "TOP", .unexpectedArgument("3")),
    .ok("DELE 4", .dele(4)),
    .bad("DELE", "DELE", .missingArgument),
    .ok("RSET", .rset),
    .ok("NOOP", .noop),
    .bad("NOOP now", "NOOP", .unexpectedArgument("now")),
    .ok("QUIT", .quit),
    .ok("quit", .quit),
    .ok("CAPA", .capa),
    .ok("STLS", .stls),
    .bad("STLS now", "STLS", .unexpectedArgument("now")),
    .ok("AUTH", .auth(mechanism: nil, initialResponse: nil)),
    .ok("AUTH plain", .auth(mechanism: "PLAIN", initialResponse: nil)),
    .ok("AUTH PLAIN AGFsaWNlAHNlY3JldA==", .auth(mechanism: "PLAIN", initialResponse: "AGFsaWNlAHNlY3JldA==")),
    .ok("AUTH PLAIN =", .auth(mechanism: "PLAIN", initialResponse: "=")),
    .bad("AUTH PLAIN a b", "AUTH", .unexpectedArgument("b")),
    .bad("AUTH " + long41, "AUTH", .argumentTooLong(limit: 40)),
    .bad("APOP alice c4c9334bac560ecc979e58001b3e22fb", "APOP", .unsupportedCommand),
    .bad("XTND XMIT", "XTND", .unknownCommand),
    .bad("LAST", "LAST", .unknownCommand),
    .bad("", "", .unknownCommand),
    .bad(" STAT", "", .unknownCommand),
])
func parse(_ fixture: CommandFixture) {
    let result = Result { () throws(POP3CommandError) in try POP3Command(parsing: Array(fixture.line.utf8)) }
    #expect(result == fixture.expected)
}

@Test func refusesNULAndInvalidUTF8() {
    #expect(throws: POP3CommandError(command: "PASS", reason: .invalidText)) {
        try POP3Command(parsing: Array("PASS a".utf8) + [0, 0x62])
    }
    #expect(throws: POP3CommandError(command: "USER", reason: .invalidText)) {
        try POP3Command(parsing: Array("USER ".utf8) + [0xFF, 0xFE])
    }
}

@Test func namesAreUpperCaseKeywords() throws {
    #expect(try POP3Command(parsing: Array("top 1 2".utf8)).name == "TOP")
    #expect(POP3Command.auth(mechanism: nil, initialResponse: nil).name == "AUTH")
    #expect(POP3CommandError(command: "XTND", reason: .unknownCommand).description == "unknown command 'XTND'")
}
