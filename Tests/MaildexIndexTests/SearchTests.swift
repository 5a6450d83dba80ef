import Foundation
import GRDB
import MaildexCore
@testable import MaildexIndex
import MaildexTesting
import Testing

/// The SEARCH compilation table: every criterion against a small corpus, with the header and body
/// FTS not yet built, partly built and fully built — results must be the same in all three.
@Suite struct SearchTests {
    enum Indexing: String, CaseIterable, Sendable { case none, partial, full }

    struct Case: Sendable, CustomTestStringConvertible {
        var query: SearchQuery
        var expected: [UInt32]
        var note: String
        init(_ note: String, _ query: SearchQuery, _ expected: [UInt32]) {
            self.note = note
            self.query = query
            self.expected = expected
        }
        var testDescription: String { note }
    }

    static func day(_ n: Double) -> Date { Date(timeIntervalSince1970: n * 86_400) }

    /// 1: German, seen. 2: reply with Japanese body. 3: Japanese subject, deleted+flagged, big.
    /// 4: FTS syntax in subject and body, tiny, later keyword change (MODSEQ 3).
    static func corpus(_ indexing: Indexing) throws -> IndexFixture {
        let f = try IndexFixture()
        try f.add(
            makeMessage(flags: [.seen], date: day(1), size: 100, subject: "Ärger im Büro", sentDate: day(1.5),
                        messageID: "<a1@x>", headerText: "From: Alice <alice@example.org>\r\nX-Mailer: Mutt 2.0\r\n",
                        bodyText: "Der Drucker ist kaputt"),
            makeMessage(flags: [.answered, .keyword("$Forwarded")], date: day(2), size: 2000,
                        from: "Björn <bjorn@example.se>", to: "alice@example.org", cc: "Carol <carol@example.org>",
                        subject: "Re: ärger", sentDate: day(2.5), inReplyTo: "<a1@x>", references: ["<a1@x>"],
                        headerText: "From: Björn <bjorn@example.se>\r\nX-Priority: 1\r\n", bodyText: "日本語のテキストです"),
            makeMessage(flags: [.deleted, .flagged], date: day(3), size: 50_000, from: "山田 <yamada@example.jp>",
                        bcc: "boss@example.org", subject: "会議の件",
                        headerText: "From: yamada@example.jp\r\nX-Mailer:\r\n Outlook\r\n",
                        bodyText: "quote \"weird\" * -minus OR upper: colon"),
            makeMessage(date: day(4), size: 10, from: "dan@example.com", subject: "a\"b*c-d OR e:f",
                        headerText: "From: dan@example.com\r\n", bodyText: "ab 50%_off\\x"))
        _ = try f.index.setFlags([.keyword("Later")], .add, uids: [UID(4)], in: f.inbox.id)
        switch indexing {
        case .none: break
        case .partial:
            #expect(try f.index.indexPendingHeaders(limit: 3) == 3)
            #expect(try f.index.indexPendingBodies(limit: 2) == 2)
        case .full:
            #expect(try f.index.indexPendingHeaders() == 4)
            #expect(try f.index.indexPendingHeaders() == 0)
            #expect(try f.index.indexPendingBodies() == 4)
            #expect(try f.index.indexPendingBodies() == 0)
        }
        return f
    }

    static let cases: [Case] = [
        Case("all", .all, [1, 2, 3, 4]),
        Case("uid range", .uids([2...3]), [2, 3]),
        Case("no uids", .uids([]), []),
        Case("many uid ranges (json_each)", .uids([1...1, 4...4] + (100..<300).map { $0...$0 }), [1, 4]),
        Case("seen", .flag(.seen, true), [1]),
        Case("unseen", .flag(.seen, false), [2, 3, 4]),
        Case("deleted", .flag(.deleted, true), [3]),
        Case("keyword any case", .flag(.keyword("$forwarded"), true), [2]),
        Case("unkeyword", .flag(.keyword("$Forwarded"), false), [1, 3, 4]),
        Case("keyword is not a substring", .flag(.keyword("Late"), true), []),
        Case("from", .header(.from, "alice"), [1]),
        Case("from upper case", .header(.from, "ALICE@EXAMPLE"), [1]),
        Case("to", .header(.to, "alice"), [2]),
        Case("cc", .header(.cc, "carol"), [2]),
        Case("bcc", .header(.bcc, "boss"), [3]),
        Case("subject umlaut", .header(.subject, "ärger"), [1, 2]),
        Case("subject ÄRGER", .header(.subject, "ÄRGER"), [1, 2]),
        Case("subject one char", .header(.subject, "Ä"), [1, 2]),
        Case("subject two chars", .header(.subject, "üR"), [1]),
        Case("subject Japanese two chars", .header(.subject, "会議"), [3]),
        Case("subject Japanese three chars", .header(.subject, "議の件"), [3]),
        Case("subject with quote and star", .header(.subject, "\"b*c"), [4]),
        Case("subject with OR and colon", .header(.subject, "-d OR e:"), [4]),
        Case("subject OR short", .header(.subject, "OR"), [4]),
        Case("subject column filter syntax", .header(.subject, "{from} : alice"), []),
        Case("subject present", .header(.subject, ""), [1, 2, 3, 4]),
        Case("cc present", .header(.cc, ""), [2]),
        Case("from is not subject", .header(.subject, "alice"), []),
        Case("message-id", .header(.messageID, "a1@"), [1]),
        Case("in-reply-to", .header(.inReplyTo, "A1"), [2]),
        Case("references", .header(.references, "<a1@x>"), [2]),
        Case("references present", .header(.references, ""), [2]),
        Case("other field", .header(.other("X-Mailer"), "mutt"), [1]),
        Case("other field folded", .header(.other("x-mailer"), "outlook"), [3]),
        Case("other field present", .header(.other("X-MAILER"), ""), [1, 3]),
        Case("other field short needle", .header(.other("X-Priority"), "1"), [2]),
        Case("other field is not another", .header(.other("X-Priority"), "mutt"), []),
        Case("other name of a parsed field", .header(.other("Subject"), "ärger"), [1, 2]),
        Case("body", .body("drucker"), [1]),
        Case("body upper case phrase", .body("DRUCKER IST"), [1]),
        Case("body Japanese", .body("日本語"), [2]),
        Case("body one Japanese char", .body("本"), [2]),
        Case("body quotes", .body("\"weird\""), [3]),
        Case("body FTS operators", .body("* -minus OR upper:"), [3]),
        Case("body short", .body("ab"), [4]),
        Case("body LIKE wildcards are literal", .body("0%_o"), [4]),
        Case("body percent", .body("%"), [4]),
        Case("body backslash", .body("f\\"), [4]),
        Case("subject underscore", .header(.subject, "_"), []),
        Case("subject percent", .header(.subject, "%"), []),
        Case("body is not header", .body("alice"), []),
        Case("body empty", .body(""), [1, 2, 3, 4]),
        Case("text header field", .text("alice"), [1, 2]),
        Case("text body", .text("drucker"), [1]),
        Case("text raw header", .text("mutt"), [1]),
        Case("text short", .text("ä"), [1, 2]),
        Case("text Björn", .text("BJÖ"), [2]),
        Case("internal date range", .internalDate(from: day(2), before: day(4)), [2, 3]),
        Case("internal date before", .internalDate(from: nil, before: day(2)), [1]),
        Case("internal date open", .internalDate(from: nil, before: nil), [1, 2, 3, 4]),
        Case("sent since", .sentDate(from: day(2), before: nil), [2]),
        Case("sent before", .sentDate(from: nil, before: day(3)), [1, 2]),
        Case("no sent date", .not(.sentDate(from: day(0), before: nil)), [3, 4]),
        Case("larger", .larger(1000), [2, 3]),
        Case("smaller", .smaller(100), [4]),
        Case("modseq", .modSeq(atLeast: ModSeq(3)), [4]),
        Case("modseq all", .modSeq(atLeast: ModSeq(2)), [1, 2, 3, 4]),
        Case("and", .and([.flag(.seen, false), .larger(1000)]), [2, 3]),
        Case("empty and", .and([]), [1, 2, 3, 4]),
        Case("long and", .and(Array(repeating: .larger(5), count: 1500)), [1, 2, 3, 4]),
        Case("or", .or(.header(.from, "alice"), .body("日本語")), [1, 2]),
        Case("not", .not(.flag(.deleted, true)), [1, 2, 4]),
        Case("not body", .not(.body("drucker")), [2, 3, 4]),
        Case("not short body", .not(.body("ab")), [1, 2, 3]),
        Case("nested", .and([.not(.or(.uids([1...1]), .uids([4...4]))), .flag(.flagged, true)]), [3]),
    ]

    @Test(arguments: Indexing.allCases, cases)
    func search(indexing: Indexing, _ c: Case) throws {
        let f = try Self.corpus(indexing)
        #expect(try f.index.search(c.query, in: f.inbox.id).map(\.rawValue) == c.expected)
    }

    @Test func searchIsPerMailbox() throws {
        let f = try IndexFixture()
        let other = try f.index.createMailbox(try MailboxName("Other"))
        try f.add(makeMessage(subject: "inbox only", bodyText: "inbox body"))
        try f.add(makeMessage(subject: "other only", bodyText: "other body"), into: other.id)
        #expect(try f.index.search(.header(.subject, "only"), in: other.id) == [UID(1)])
        #expect(try f.index.search(.body("inbox"), in: other.id) == [])
        #expect(throws: NoSuchMailbox(id: 99)) { try f.index.search(.all, in: 99) }
    }

    /// A message delivered after the indexer ran is found by scan; after the next run, by FTS.
    @Test func bodySearchCompleteWhileIndexerLags() throws {
        let f = try IndexFixture()
        try f.add(makeMessage(bodyText: "first needle here"))
        #expect(try f.index.indexPendingBodies() == 1)
        try f.add(makeMessage(bodyText: "second NEEDLE here"))
        #expect(try f.index.search(.body("needle"), in: f.inbox.id) == [UID(1), UID(2)])
        #expect(try f.index.indexPendingBodies(limit: 0) == 0)
        #expect(try f.index.indexPendingBodies() == 1)
        #expect(try f.index.search(.body("needle"), in: f.inbox.id) == [UID(1), UID(2)])
        _ = try f.index.expunge(uids: [UID(1)], in: f.inbox.id)
        #expect(try f.index.search(.body("needle"), in: f.inbox.id) == [UID(2)])
        #expect(try f.index.integrityCheck() == [])
    }
}

/// The header FTS is filled after delivery by the catch-up indexer: searches scan the header
/// fields of the rows it has not reached, and only rows it reached are ever deleted from the FTS.
@Suite struct PendingHeaderSearchTests {
    @Test func headerSearchCompleteWhileIndexerLags() throws {
        let f = try IndexFixture()
        try f.add(makeMessage(from: "Zed <zed@example.org>", subject: "Quarterly figures", messageID: "<q1.7f3a9c@example.org>"))
        #expect(try f.index.search(.header(.subject, "QUARTERLY"), in: f.inbox.id) == [UID(1)])
        #expect(try f.index.indexPendingHeaders(limit: 0) == 0)
        #expect(try f.index.indexPendingHeaders() == 1)
        try f.add(makeMessage(from: "Amy <amy@example.org>", subject: "quarterly FIGURES again", messageID: "<q2.7f3a9c@example.org>"))
        #expect(try f.index.search(.header(.subject, "figures"), in: f.inbox.id) == [UID(1), UID(2)])
        #expect(try f.index.search(.header(.from, "amy@exa"), in: f.inbox.id) == [UID(2)])
        #expect(try f.index.search(.text("zed@example"), in: f.inbox.id) == [UID(1)])
        #expect(try f.index.search(.text("7f3a9c"), in: f.inbox.id) == [UID(1), UID(2)])
        // A long needle goes through its distinctive word, pending rows through the scan.
        #expect(try f.index.search(.header(.messageID, "q2.7f3a9c@example.org"), in: f.inbox.id) == [UID(2)])
        // One expunged after it was indexed, one before: the FTS stays consistent.
        try f.add(makeMessage(subject: "quarterly third"))
        _ = try f.index.expunge(uids: [UID(1), UID(3)], in: f.inbox.id)
        #expect(try f.index.search(.header(.subject, "quarterly"), in: f.inbox.id) == [UID(2)])
        #expect(try f.index.integrityCheck() == [])
        #expect(try f.index.indexPendingHeaders() == 0, "the integrity check caught up first")
        #expect(try f.index.search(.header(.subject, "quarterly"), in: f.inbox.id) == [UID(2)])
    }

    /// A database from before user_v0008 had every header row in the FTS through the trigger:
    /// the watermark starts past them, so none is indexed twice and all can be deleted.
    @Test func migrationStartsTheWatermarkPastExistingRows() throws {
        let directory = try TemporaryDirectory(prefix: "maildex-header-fts-migration")
        defer { directory.remove() }
        let path = directory.path("index.sqlite")
        try writeOldIndex(at: path, version: 7) { db in
            for (uid, subject) in [(1, "budget draft"), (2, "budget final")] {
                try db.execute(sql: """
                    INSERT INTO message_header (message_id, from_text, to_text, cc_text, bcc_text, subject)
                    VALUES (?, 'a@example.org', '', '', '', ?)
                    """, arguments: [insertOldMessage(db, uid: uid), subject])
            }
        }
        let index = try MailIndex(path: path, bodyText: TestBodies.source)
        #expect(try index.indexPendingHeaders() == 0)
        #expect(try index.search(.header(.subject, "budget"), in: 1) == [UID(1), UID(2)])
        _ = try index.expunge(uids: [UID(1)], in: 1)
        #expect(try index.search(.header(.subject, "budget"), in: 1) == [UID(2)])
        #expect(try index.integrityCheck() == [])
    }
}

/// Long header needles go through their most distinctive word in the FTS, then a substring check:
/// results are exactly the substring matches.
@Suite struct LongNeedleSearchTests {
    @Test func longMessageIDNeedleMatchesExactlyTheSubstring() throws {
        let f = try IndexFixture()
        try f.add(
            makeMessage(subject: "one", messageID: "<4999.4dd341bdf9f4.mailbench@example.org>"),
            makeMessage(subject: "same word, other id", messageID: "<5000.4dd341bdf9f4.other@example.org>"),
            makeMessage(subject: "three", messageID: "<5001.0123abcdef99.mailbench@example.org>"))
        let hits = try f.index.search(.header(.messageID, "<4999.4DD341BDF9F4.mailbench@example.org>"), in: f.inbox.id)
        #expect(hits == [UID(1)])
        #expect(try f.index.search(.header(.messageID, "4dd341bdf9f4.mailbench@example"), in: f.inbox.id) == [UID(1)])
        #expect(try f.index.search(.header(.messageID, "mailbench@example.org>"), in: f.inbox.id) == [UID(1), UID(3)])
    }

    @Test(arguments: [
        ("<4999.4dd341bdf9f4.mailbench@example.org>", "4dd341bdf9f4"),
        ("short needle", nil),
        ("----------------------", nil),
        ("the quarterly report for everyone", "quarterly"),
    ] as [(String, String?)])
    func distinctiveWord(needle: String, word: String?) {
        #expect(SearchCompiler.distinctiveWord(of: needle) == word)
    }
}
