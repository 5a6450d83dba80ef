import Foundation
import MaildexCore
import MaildexIMAPCodec
import Testing

// STORE, COPY, MOVE, UID EXPUNGE (RFC 3501 §6.4, RFC 6851, RFC 4315) and APPEND (RFC 3502).
@Test(arguments: [
    ParseFixture.ok("a STORE 1 FLAGS (\\Seen)", .store(seq("1"), StoreAction(mode: .replace, silent: false, flags: [.seen]), uid: false)),
    .ok("a STORE 1:* +FLAGS.SILENT (\\Deleted $Junk)",
        .store(seq("1:*"), StoreAction(mode: .add, silent: true, flags: [.deleted, .keyword("$Junk")]), uid: false)),
    .ok("a store 2 -flags \\answered \\flagged", .store(seq("2"), StoreAction(mode: .remove, silent: false, flags: [.answered, .flagged]), uid: false)),
    .ok("a STORE 2 FLAGS ()", .store(seq("2"), StoreAction(mode: .replace, silent: false, flags: []), uid: false)),
    .ok("a UID STORE 7 +FLAGS (\\Draft)", .store(seq("7"), StoreAction(mode: .add, silent: false, flags: [.draft]), uid: true)),
    .bad("a STORE 1 +FLAGS (\\Recent)", "STORE: invalid flag \\Recent"),
    .bad("a STORE 1 +FLAGS (\\Frob)", "invalid flag \\Frob"),
    .bad("a STORE 1 +FLAGS \\*", "invalid flag \\*"),
    .bad("a STORE 1 +FLAGS", "missing argument"),
    .bad("a STORE 1 FLAGS.LOUD (\\Seen)", "unknown data item FLAGS.LOUD"),
    .bad("a STORE 1 +FLAGS (\\Seen", "expected )"),
    .ok("a COPY 1:3 Archive", .copy(seq("1:3"), mailbox: "Archive", uid: false)),
    .ok("a UID COPY 5 \"Sent Items\"", .copy(seq("5"), mailbox: "Sent Items", uid: true)),
    .ok("a MOVE 1 Trash", .move(seq("1"), mailbox: "Trash", uid: false)),
    .ok("a uid move 1:* Trash", .move(seq("1:*"), mailbox: "Trash", uid: true)),
    .bad("a COPY 1:3", "COPY: missing mailbox name"),
    .bad("a MOVE Trash", "invalid sequence set Trash"),
    .ok("a UID EXPUNGE 3000:3002", .uidExpunge(seq("3000:3002"))),
    .bad("a UID EXPUNGE", "UID EXPUNGE: missing argument"),
])
func messageCommands(_ fixture: ParseFixture) { fixture.check() }

private let day17Jul1996 = Date(timeIntervalSince1970: 837_596_665) // 1996-07-17 09:44:25 UTC

@Test(arguments: [
    ParseFixture.ok("a APPEND INBOX {5}\r\nhello", .append(mailbox: "INBOX", messages: [AppendMessage(data: Array("hello".utf8))])),
    .ok("a APPEND INBOX {5+}\r\nhe\r\no", .append(mailbox: "INBOX", messages: [AppendMessage(data: Array("he\r\no".utf8))])),
    .ok("a APPEND INBOX {0}\r\n", .append(mailbox: "INBOX", messages: [AppendMessage(data: [])])),
    .ok("a APPEND Sent (\\Seen $Sent) {2}\r\nhi",
        .append(mailbox: "Sent", messages: [AppendMessage(flags: [.seen, .keyword("$Sent")], data: Array("hi".utf8))])),
    .ok("a APPEND Sent () \"17-Jul-1996 02:44:25 -0700\" {2}\r\nhi",
        .append(mailbox: "Sent", messages: [AppendMessage(internalDate: day17Jul1996, data: Array("hi".utf8))])),
    .ok("a APPEND Sent \" 7-Jul-1996 09:44:25 +0000\" {2}\r\nhi",
        .append(mailbox: "Sent", messages: [AppendMessage(internalDate: day17Jul1996.addingTimeInterval(-10 * 86_400), data: Array("hi".utf8))])),
    .ok("a APPEND Drafts (\\Draft) \"17-jul-1996 11:14:25 +0130\" ~{3}\r\na\u{0}b",
        .append(mailbox: "Drafts", messages: [AppendMessage(flags: [.draft], internalDate: day17Jul1996, data: [0x61, 0, 0x62])])),
    .ok("a APPEND INBOX {1}\r\nx (\\Seen) {1}\r\ny {1+}\r\nz",
        .append(mailbox: "INBOX", messages: [AppendMessage(data: [0x78]), AppendMessage(flags: [.seen], data: [0x79]), AppendMessage(data: [0x7A])])),
    .bad("a APPEND INBOX", "APPEND: missing argument"),
    .bad("a APPEND INBOX hello", "expected message literal"),
    .bad("a APPEND INBOX (\\Recent) {1}\r\nx", "invalid flag \\Recent"),
    .bad("a APPEND INBOX \"17-Jul-1996 02:44:25\" {1}\r\nx", "invalid date-time"),
    .bad("a APPEND INBOX \"31-Jun-1996 02:44:25 -0700\" {1}\r\nx", "invalid date-time"),
    .bad("a APPEND INBOX \"17-Jul-1996 24:00:00 -0700\" {1}\r\nx", "invalid date-time"),
    .bad("a APPEND INBOX \"7-Jul-1996 02:44:25 -0700\" {1}\r\nx", "invalid date-time"),
    .bad("a APPEND INBOX {1}\r\nx {1}", "expected CRLF"),
    .bad("a APPEND INBOX {1}\r\nxy", "unexpected y"),
    .bad("a APPEND INBOX {99999999999}\r\nx", "invalid literal size"),
    .bad("a APPEND INBOX {1}\r\n", "literal shorter than announced"),
])
func append(_ fixture: ParseFixture) { fixture.check() }
