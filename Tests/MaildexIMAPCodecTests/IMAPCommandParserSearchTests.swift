import MaildexCore
import MaildexIMAPCodec
import Testing

private func search(_ key: SearchKey, charset: String? = nil, uid: Bool = false) -> IMAPCommandKind {
    .search(SearchProgram(charset: charset, key: key), uid: uid)
}

// SEARCH (RFC 3501 §6.4.4), MODSEQ (RFC 7162) and UID SEARCH.
@Test(arguments: [
    ParseFixture.ok("a SEARCH ALL", search(.all)),
    .ok("a search unseen", search(.flag(.seen, false))),
    .ok("a SEARCH ANSWERED DELETED DRAFT FLAGGED SEEN",
        search(.and([.flag(.answered, true), .flag(.deleted, true), .flag(.draft, true), .flag(.flagged, true), .flag(.seen, true)]))),
    .ok("a SEARCH UNANSWERED UNDELETED UNDRAFT UNFLAGGED",
        search(.and([.flag(.answered, false), .flag(.deleted, false), .flag(.draft, false), .flag(.flagged, false)]))),
    .ok("a SEARCH NEW OLD RECENT", search(.and([.new, .old, .recent]))),
    .ok("a SEARCH KEYWORD $Junk UNKEYWORD NonJunk", search(.and([.flag(.keyword("$Junk"), true), .flag(.keyword("NonJunk"), false)]))),
    .ok("a SEARCH FROM alice", search(.header("FROM", "alice"))),
    .ok("a SEARCH bcc x cc y to z subject \"hello world\"",
        search(.and([.header("BCC", "x"), .header("CC", "y"), .header("TO", "z"), .header("SUBJECT", "hello world")]))),
    .ok("a SEARCH HEADER X-Mailer \"\"", search(.header("X-Mailer", ""))),
    .ok("a SEARCH BODY swift TEXT nio", search(.and([.body("swift"), .text("nio")]))),
    .ok("a SEARCH CHARSET utf-8 SUBJECT \"Grüße\"", search(.header("SUBJECT", "Grüße"), charset: "UTF-8")),
    .ok("a SEARCH CHARSET UTF-8 TEXT {7}\r\nGrüße", search(.text("Grüße"), charset: "UTF-8")),
    .ok("a SEARCH CHARSET UTF-8 TEXT {7+}\r\nGrüße", search(.text("Grüße"), charset: "UTF-8")),
    .ok("a SEARCH BEFORE 1-Feb-1994", search(.internalDate(.before, IMAPDay(year: 1994, month: 2, day: 1)))),
    .ok("a SEARCH ON 01-feb-1994", search(.internalDate(.on, IMAPDay(year: 1994, month: 2, day: 1)))),
    .ok("a SEARCH SINCE \"29-Feb-2024\"", search(.internalDate(.since, IMAPDay(year: 2024, month: 2, day: 29)))),
    .ok("a SEARCH SENTBEFORE 1-Jan-2000 SENTON 2-Jan-2000 SENTSINCE 31-Dec-1999",
        search(.and([.sentDate(.before, IMAPDay(year: 2000, month: 1, day: 1)), .sentDate(.on, IMAPDay(year: 2000, month: 1, day: 2)),
                     .sentDate(.since, IMAPDay(year: 1999, month: 12, day: 31))]))),
    .ok("a SEARCH LARGER 1024 SMALLER 4294967295", search(.and([.larger(1024), .smaller(4_294_967_295)]))),
    .ok("a SEARCH UID 1:100,200:*", search(.uid(set("1:100,200:*")))),
    .ok("a SEARCH 1:5", search(.sequenceSet(set("1:5")))),
    .ok("a SEARCH 2,4 SEEN", search(.and([.sequenceSet(set("2,4")), .flag(.seen, true)]))),
    .ok("a SEARCH NOT SEEN", search(.not(.flag(.seen, true)))),
    .ok("a SEARCH OR FROM a TO b", search(.or(.header("FROM", "a"), .header("TO", "b")))),
    .ok("a SEARCH OR (FROM a SEEN) NOT (TO b)", search(.or(.and([.header("FROM", "a"), .flag(.seen, true)]), .not(.header("TO", "b"))))),
    .ok("a SEARCH (DELETED)", search(.flag(.deleted, true))),
    .ok("a SEARCH ((SEEN FLAGGED) DRAFT)", search(.and([.and([.flag(.seen, true), .flag(.flagged, true)]), .flag(.draft, true)]))),
    .ok("a SEARCH MODSEQ 620162338", search(.modSeq(620_162_338))),
    .ok("a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338 SEEN", search(.and([.modSeq(620_162_338), .flag(.seen, true)]))),
    .ok("a SEARCH ALL  ", search(.all)),
    .ok("a UID SEARCH UID 5:*", search(.uid(set("5:*")), uid: true)),
    .bad("a SEARCH", "SEARCH: missing argument"),
    .bad("a SEARCH FROB", "SEARCH: unknown search key FROB"),
    .bad("a SEARCH FROM", "missing argument"),
    .bad("a SEARCH BEFORE 30-Feb-2024", "invalid date 30-Feb-2024"),
    .bad("a SEARCH BEFORE 1-Foo-2024", "invalid date 1-Foo-2024"),
    .bad("a SEARCH BEFORE 001-Feb-2024", "invalid date"),
    .bad("a SEARCH BEFORE 1-Feb-94", "invalid date"),
    .bad("a SEARCH LARGER x", "invalid size x"),
    .bad("a SEARCH LARGER 4294967296", "invalid size 4294967296"),
    .bad("a SEARCH KEYWORD \\Seen", "invalid keyword \\Seen"),
    .bad("a SEARCH OR SEEN", "missing argument"),
    .bad("a SEARCH NOT", "missing argument"),
    .bad("a SEARCH ()", "empty list"),
    .bad("a SEARCH (SEEN", "expected )"),
    .bad("a SEARCH SEEN  FLAGGED", "expected search key"),
    .bad("a SEARCH 0", "invalid sequence set 0"),
    .bad("a SEARCH MODSEQ \"/flags/x\" none 5", "invalid entry type none"),
    .bad("a SEARCH MODSEQ 9223372036854775808", "invalid mod-sequence"),
    .bad("a SEARCH CHARSET", "missing argument"),
    .bad("a SEARCH " + String(repeating: "NOT ", count: 100) + "SEEN", "too deeply nested"),
    .bad("a SEARCH " + String(repeating: "(", count: 100) + "SEEN" + String(repeating: ")", count: 100), "too deeply nested"),
])
func search(_ fixture: ParseFixture) { fixture.check() }

private func search(_ key: SearchKey, returning options: [SearchReturnOption]?, charset: String? = nil, uid: Bool = false) -> IMAPCommandKind {
    .search(SearchProgram(charset: charset, key: key, returnOptions: options), uid: uid)
}

private let flaggedSinceNotSmith: SearchKey = .and([
    .flag(.flagged, true), .internalDate(.since, IMAPDay(year: 1994, month: 2, day: 1)), .not(.header("FROM", "Smith")),
])

// SEARCH RETURN (RFC 4731 §3.1; the first lines are its examples) and OLDER/YOUNGER (RFC 5032 §3).
@Test(arguments: [
    ParseFixture.ok("a SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
                    search(flaggedSinceNotSmith, returning: [.min, .count])),
    .ok("a SEARCH RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"", search(flaggedSinceNotSmith, returning: [])),
    .ok("a SEARCH RETURN (MIN COUNT) FLAGGED", search(.flag(.flagged, true), returning: [.min, .count])),
    .ok("a UID SEARCH RETURN () ALL", search(.all, returning: [], uid: true)),
    .ok("a UID SEARCH RETURN (MIN MAX) 1:5000", search(.sequenceSet(set("1:5000")), returning: [.min, .max], uid: true)),
    .ok("a SEARCH RETURN (ALL) CHARSET UTF-8 TEXT x", search(.text("x"), returning: [.all], charset: "UTF-8")),
    .ok("a search return (count all max min) unseen", search(.flag(.seen, false), returning: [.count, .all, .max, .min])),
    .ok("a SEARCH RETURN (COUNT COUNT) ALL", search(.all, returning: [.count])),
    .ok("a SEARCH ALL", search(.all, returning: nil)),
    .bad("a SEARCH RETURN (MIN PARTIAL 1:10) ALL", "unknown return option PARTIAL"),
    .bad("a UID SEARCH RETURN (FROB) ALL", "UID SEARCH: unknown return option FROB"),
    .bad("a SEARCH RETURN MIN ALL", "expected ("),
    .bad("a SEARCH RETURN (MIN)", "missing argument"),
    .bad("a SEARCH RETURN", "expected SP after RETURN"),
    .bad("a SEARCH RETURN (MIN", "expected )"),
    .bad("a SEARCH CHARSET UTF-8 RETURN (MIN) ALL", "RETURN must come before CHARSET"),
    .bad("a SEARCH RETURN (MIN) RETURN (MAX) ALL", "RETURN given twice"),
    .ok("a SEARCH UNSEEN YOUNGER 259200", search(.and([.flag(.seen, false), .younger(259_200)]), returning: nil)),
    .ok("a SEARCH older 1 NOT YOUNGER 4294967295", search(.and([.older(1), .not(.younger(4_294_967_295))]), returning: nil)),
    .ok("a SEARCH RETURN (COUNT) OLDER 3600", search(.older(3_600), returning: [.count])),
    .bad("a SEARCH OLDER 0", "SEARCH: invalid interval 0"),
    .bad("a SEARCH YOUNGER 4294967296", "invalid interval 4294967296"),
    .bad("a SEARCH YOUNGER x", "invalid interval x"),
    .bad("a SEARCH OLDER", "missing argument"),
])
func searchReturnAndWithin(_ fixture: ParseFixture) { fixture.check() }
