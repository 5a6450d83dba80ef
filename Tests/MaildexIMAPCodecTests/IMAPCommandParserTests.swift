import Foundation
import MaildexCore
import MaildexIMAPCodec
import Testing

// Commands of the any, not-authenticated and authenticated states (RFC 3501 §6.1–6.3).
@Test(arguments: [
    ParseFixture.ok("a CAPABILITY", .capability),
    .ok("a capability", .capability),
    .ok("a NOOP", .noop),
    .ok("a NOOP  ", .noop),
    .bad("a NOOP x", "unexpected x"),
    .ok("a LOGOUT", .logout),
    .ok("a STARTTLS", .startTLS),
    .ok("a NAMESPACE", .namespace),
    .ok("a IDLE", .idle),
    .ok("a CHECK", .check),
    .ok("a CLOSE", .close),
    .ok("a UNSELECT", .unselect),
    .ok("a EXPUNGE", .expunge),
    .ok("a ID NIL", .id(nil)),
    .ok("a ID ()", .id([])),
    .ok(#"a ID ("name" "Thunderbird" "version" NIL)"#,
        .id([IDParameter(name: "name", value: "Thunderbird"), IDParameter(name: "version", value: nil)])),
    .ok("a ID ({4}\r\nname \"x\")", .id([IDParameter(name: "name", value: "x")])),
    .bad(#"a ID ("name")"#, "expected SP after field name"),
    .bad("a ID (name \"x\")", "expected field name"),
    .bad("a ID", "missing argument"),
    .ok("a AUTHENTICATE PLAIN", .authenticate(mechanism: "PLAIN", initialResponse: nil)),
    .ok("a authenticate plain AGFsaWNlAHNlY3JldA==", .authenticate(mechanism: "PLAIN", initialResponse: "AGFsaWNlAHNlY3JldA==")),
    .ok("a AUTHENTICATE PLAIN =", .authenticate(mechanism: "PLAIN", initialResponse: "=")),
    .bad("a AUTHENTICATE PLAIN AG=lz", "invalid initial response"),
    .bad("a AUTHENTICATE PLAIN ***", "invalid initial response"),
    .bad("a AUTHENTICATE", "missing argument"),
    .ok("a LOGIN alice secret", .login(username: "alice", password: "secret")),
    .ok(#"a LOGIN "alice@example.org" "se\"cr\\et""#, .login(username: "alice@example.org", password: #"se"cr\et"#)),
    .ok("a LOGIN alice {6}\r\nse cr\n", .login(username: "alice", password: "se cr\n")),
    .ok("a LOGIN alice {6+}\r\nsecret", .login(username: "alice", password: "secret")),
    .ok("a LOGIN alice {6}\nsecret", .login(username: "alice", password: "secret")),
    .ok("a LOGIN \"jörg\" \"pässwörd\"", .login(username: "jörg", password: "pässwörd")),
    .ok("a LOGIN alice ]x]", .login(username: "alice", password: "]x]")),
    .ok("a LOGIN alice {3}\r\nab ", .login(username: "alice", password: "ab ")),
    .ok("a LOGIN alice secret ", .login(username: "alice", password: "secret")),
    .bad("a LOGIN alice", "missing argument"),
    .bad("a LOGIN alice  secret", "expected password"),
    .bad("a LOGIN alice {7}\r\nsecret", "literal shorter than announced"),
    .bad("a LOGIN alice \"secret", "unterminated quoted string"),
    .bad("a LOGIN alice \"se\\cret\"", "invalid escape"),
    .bad("a LOGIN alice (secret)", "expected password"),
    .bad(bytes: Array("a LOGIN alice \"se\u{0}c\"".utf8), "invalid character in quoted string"),
    .bad(bytes: Array("a LOGIN alice \"s".utf8) + [0xFF, 0x22], "invalid UTF-8"),
    .bad(bytes: Array("a LOGIN alice {2}\r\n".utf8) + [0xC3, 0x28], "invalid UTF-8"),
    .bad(bytes: Array("a LOGIN alice {2}\r\na".utf8) + [0], "NUL in literal"),
    .ok("a ENABLE CONDSTORE", .enable(["CONDSTORE"])),
    .ok("a ENABLE QRESYNC utf8=accept", .enable(["QRESYNC", "utf8=accept"])),
    .bad("a ENABLE", "missing argument"),
])
func anyAndNotAuthenticatedState(_ fixture: ParseFixture) { fixture.check() }

@Test(arguments: [
    ParseFixture.ok("a SELECT INBOX", .select(mailbox: "INBOX", readOnly: false, parameters: SelectParameters())),
    .ok("a select inbox", .select(mailbox: "inbox", readOnly: false, parameters: SelectParameters())),
    .ok("a SELECT \"Sent Items\"", .select(mailbox: "Sent Items", readOnly: false, parameters: SelectParameters())),
    .ok("a EXAMINE Archive/2024", .examine("Archive/2024")),
    .ok("a EXAMINE &AMk-t&AOk-", .examine("&AMk-t&AOk-")),
    .bad("a SELECT", "SELECT: missing mailbox name"),
    .bad("a SELECT INBOX (CONDSTORE", "expected )"),
    .bad("a SELECT INBOX extra", "expected ("),
    .ok("a CREATE Lists/swift", .create(mailbox: "Lists/swift")),
    .ok("a DELETE {5}\r\nTrash", .delete(mailbox: "Trash")),
    .ok("a RENAME Old New", .rename(from: "Old", to: "New")),
    .bad("a RENAME Old", "RENAME: missing mailbox name"),
    .bad("a CREATE foo*", "unexpected *"),
    .ok("a SUBSCRIBE Lists", .subscribe(mailbox: "Lists")),
    .ok("a UNSUBSCRIBE Lists", .unsubscribe(mailbox: "Lists")),
    .ok("a LIST \"\" *", .list(ListCommand(reference: "", patterns: ["*"]))),
    .ok("a LIST \"\" \"*\"", .list(ListCommand(reference: "", patterns: ["*"]))),
    .ok("a LIST Lists/ %/a]*", .list(ListCommand(reference: "Lists/", patterns: ["%/a]*"]))),
    .ok("a LIST (SUBSCRIBED) \"\" \"*\"", .list(ListCommand(selectionOptions: ["SUBSCRIBED"], reference: "", patterns: ["*"]))),
    .ok("a LIST (subscribed recursivematch) \"\" %", .list(ListCommand(selectionOptions: ["SUBSCRIBED", "RECURSIVEMATCH"], reference: "", patterns: ["%"]))),
    .ok("a LIST () \"\" %", .list(ListCommand(reference: "", patterns: ["%"]))),
    .ok("a LIST \"\" (\"a\" \"b*\")", .list(ListCommand(reference: "", patterns: ["a", "b*"]))),
    .ok("a LIST \"\" \"*\" RETURN (SPECIAL-USE CHILDREN)", .list(ListCommand(reference: "", patterns: ["*"], returnOptions: ["SPECIAL-USE", "CHILDREN"]))),
    .ok("a LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))",
        .list(ListCommand(reference: "", patterns: ["%"], returnOptions: ["STATUS"], statusItems: [.messages, .unseen]))),
    .ok("a LIST \"\" \"\"", .list(ListCommand(reference: "", patterns: [""]))),
    .ok("a LIST \"\" * RETURN ()", .list(ListCommand(reference: "", patterns: ["*"]))),
    .bad("a LIST \"\"", "missing argument"),
    .bad("a LIST \"\" () ", "empty list"),
    .bad("a LIST \"\" * (CHILDREN)", "expected RETURN"),
    .bad("a LIST \"\" * RETURN CHILDREN", "expected ("),
    .ok("a LSUB \"\" *", .lsub(reference: "", pattern: "*")),
    .ok("a LSUB Lists %", .lsub(reference: "Lists", pattern: "%")),
    .ok("a STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY UNSEEN RECENT)",
        .status(mailbox: "INBOX", items: [.messages, .uidNext, .uidValidity, .unseen, .recent])),
    .ok("a STATUS Sent (highestmodseq size deleted)", .status(mailbox: "Sent", items: [.highestModSeq, .size, .deleted])),
    .bad("a STATUS INBOX (MESSAGES FOO)", "STATUS: unknown item FOO"),
    .bad("a STATUS INBOX ()", "empty list"),
    .bad("a STATUS INBOX MESSAGES", "expected ("),
])
func authenticatedState(_ fixture: ParseFixture) { fixture.check() }

extension IMAPCommandKind {
    static func examine(_ mailbox: String) -> Self { .select(mailbox: mailbox, readOnly: true, parameters: SelectParameters()) }
}

@Test(arguments: [
    ParseFixture.bad("", tag: nil, "empty command"),
    .bad("+a NOOP", tag: nil, "invalid tag"),
    .bad("a{1} NOOP", tag: nil, "invalid tag"),
    .bad("a(b NOOP", tag: nil, "invalid tag"),
    .bad(" NOOP", tag: nil, "invalid tag"),
    .bad("a", "expected SP after tag"),
    .bad("a  NOOP", "missing command name"),
    .bad("a FROB", "unknown command FROB"),
    .bad("a FROB x y", "unknown command FROB"),
    .bad("a UID", "missing argument"),
    .bad("a UID FROB 1", "unknown command UID FROB"),
    .bad("a UID NOOP", "unknown command UID NOOP"),
    .bad("a\tNOOP", tag: nil, "invalid tag"),
    .bad("a NOOP\r", "unexpected"),
])
func malformed(_ fixture: ParseFixture) { fixture.check() }

@Test func tagsAreKeptAsSent() throws {
    #expect(try IMAPCommandParser.parse(Array("A001.x] NOOP".utf8)) == IMAPCommand(tag: "A001.x]", kind: .noop))
    #expect(throws: IMAPParseError(tag: nil, message: "invalid tag")) { try IMAPCommandParser.parse(Array("* NOOP".utf8)) }
}
