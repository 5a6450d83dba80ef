import Foundation
import GRDB
import MaildexCore
@testable import MaildexIndex
import MaildexMigrations
import MaildexTesting
import Testing

/// MailIndex.sort: one ORDER BY per SORT criterion (RFC 5256 §3, RFC 5957), ties by UID.
@Suite struct SortTests {
    static func day(_ n: Double) -> Date { Date(timeIntervalSince1970: n * 86_400) }

    static func message(date: Double, size: Int, subject: String, sent: Double?, sort: SortValues) -> NewMessage {
        var m = makeMessage(date: day(date), size: size, subject: subject, sentDate: sent.map(day))
        m.headers.sort = sort
        return m
    }

    /// UID 1-5; 5 has no stored keys (a row from before the migration or another writer).
    static func corpus() throws -> IndexFixture {
        let f = try IndexFixture()
        try f.add(
            message(date: 3, size: 300, subject: "Re: beta", sent: 1,
                    sort: SortValues(baseSubject: "BETA", from: "ZOE", to: "BOB", cc: "", displayFrom: "ADAMS", displayTo: "BOB")),
            message(date: 1, size: 100, subject: "alpha", sent: nil,
                    sort: SortValues(baseSubject: "ALPHA", from: "CARL", to: "AMY", cc: "X", displayFrom: "CARL@EXAMPLE.ORG", displayTo: "AMY")),
            message(date: 2, size: 500, subject: "Fwd: alpha", sent: 4,
                    sort: SortValues(baseSubject: "ALPHA", from: "AL", to: "", cc: "", displayFrom: "ZED", displayTo: "")),
            message(date: 5, size: 200, subject: "beta", sent: 2,
                    sort: SortValues(baseSubject: "BETA", from: "AL", to: "CY", cc: "A", displayFrom: "MIA", displayTo: "CY")),
            makeMessage(date: day(4), size: 400, from: "Gus <gus@example.org>", to: "Dee <dee@example.org>", subject: "Gamma", sentDate: day(3)))
        return f
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var keys: [SortKeySpec]
        var query: SearchQuery = .all
        var expected: [UInt32]
        var testDescription: String { keys.map { "\($0.reverse ? "-" : "")\($0.key)" }.joined(separator: " ") }
    }

    @Test(arguments: [
        Case(keys: [], expected: [1, 2, 3, 4, 5]),
        Case(keys: [SortKeySpec(.arrival)], expected: [2, 3, 1, 5, 4]),
        Case(keys: [SortKeySpec(.arrival, reverse: true)], expected: [4, 5, 1, 3, 2]),
        // DATE falls back to INTERNALDATE (message 2: day 1, ties with message 1's Date; UID breaks it).
        Case(keys: [SortKeySpec(.date)], expected: [1, 2, 4, 5, 3]),
        Case(keys: [SortKeySpec(.size)], expected: [2, 4, 1, 5, 3]),
        Case(keys: [SortKeySpec(.subject)], expected: [2, 3, 1, 4, 5]),
        Case(keys: [SortKeySpec(.subject), SortKeySpec(.size, reverse: true)], expected: [3, 2, 1, 4, 5]),
        Case(keys: [SortKeySpec(.subject, reverse: true), SortKeySpec(.arrival)], expected: [5, 1, 4, 2, 3]),
        // Ties by UID ascending even under REVERSE.
        Case(keys: [SortKeySpec(.from, reverse: true)], expected: [1, 5, 2, 3, 4]),
        Case(keys: [SortKeySpec(.from)], expected: [3, 4, 2, 5, 1]),
        Case(keys: [SortKeySpec(.to)], expected: [3, 2, 1, 4, 5]),
        Case(keys: [SortKeySpec(.cc)], expected: [1, 3, 5, 4, 2]),
        Case(keys: [SortKeySpec(.displayFrom)], expected: [1, 2, 5, 4, 3]),
        Case(keys: [SortKeySpec(.displayTo)], expected: [3, 2, 1, 4, 5]),
        Case(keys: [SortKeySpec(.size, reverse: true)], query: .flag(.seen, false), expected: [3, 5, 1, 4, 2]),
        Case(keys: [SortKeySpec(.size, reverse: true)], query: .uids([2...4]), expected: [3, 4, 2]),
        Case(keys: [SortKeySpec(.date)], query: .header(.subject, "alpha"), expected: [2, 3]),
        Case(keys: [SortKeySpec(.subject)], query: .uids([]), expected: []),
    ])
    func sortOrder(_ c: Case) throws {
        let f = try Self.corpus()
        #expect(try f.index.sort(c.query, by: c.keys, in: f.inbox.id).map(\.rawValue) == c.expected)
    }

    @Test func unknownMailboxThrows() throws {
        let f = try IndexFixture()
        #expect(throws: NoSuchMailbox.self) { try f.index.sort(.all, by: [SortKeySpec(.date)], in: 999) }
    }

    @Test func insertStoresTheKeys() throws {
        let f = try Self.corpus()
        let row = try f.index.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT base_subject, from_sort, to_sort, cc_sort, display_from, display_to FROM message_header ORDER BY message_id LIMIT 1")
        }
        #expect(row?["base_subject"] as String? == "BETA")
        #expect(row?["from_sort"] as String? == "ZOE")
        #expect(row?["display_from"] as String? == "ADAMS")
        #expect(row?["cc_sort"] as String? == "")
    }

    /// Rows written before user_v0005 get approximate keys from the stored display forms, which
    /// user_v0007 then casemaps.
    @Test func migrationFillsExistingRows() throws {
        let directory = try TemporaryDirectory(prefix: "maildex-sort-migration")
        defer { directory.remove() }
        let path = directory.path("index.sqlite")
        try writeOldIndex(at: path, version: 4) { db in
            for (uid, from, subject) in [(1, "Zoe Adams <Adams@example.org>, x@y", "Re: Beta"), (2, "carl@example.org", "FWD: alpha"), (3, "", "")] {
                try db.execute(sql: """
                    INSERT INTO message_header (message_id, from_text, to_text, cc_text, bcc_text, subject)
                    VALUES (?, ?, 'Bob <bob@example.org>', '', '', ?)
                    """, arguments: [insertOldMessage(db, uid: uid), from, subject])
            }
        }
        let index = try MailIndex(path: path, bodyText: TestBodies.source)
        let rows = try index.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT base_subject, from_sort, to_sort, cc_sort, display_from, display_to FROM message_header ORDER BY message_id")
        }
        #expect(rows.map { $0["base_subject"] as String? } == ["BETA", "ALPHA", ""])
        #expect(rows.map { $0["from_sort"] as String? } == ["ADAMS", "CARL", ""])
        #expect(rows.map { $0["display_from"] as String? } == ["ZOE ADAMS", "CARL@EXAMPLE.ORG", ""])
        #expect(rows.map { $0["to_sort"] as String? } == ["BOB", "BOB", "BOB"])
        #expect(rows.map { $0["display_to"] as String? } == ["BOB", "BOB", "BOB"])
        #expect(rows.map { $0["cc_sort"] as String? } == ["", "", ""])
        #expect(try index.sort(.all, by: [SortKeySpec(.subject)], in: 1).map(\.rawValue) == [3, 2, 1])
    }

    /// Keys stored lower-cased before user_v0007 are converted to the i;unicode-casemap form
    /// (RFC 5051), so "ñandú" sorts among the N's instead of after "zebra"; NULL stays NULL.
    @Test func casemapMigrationConvertsStoredKeys() throws {
        let directory = try TemporaryDirectory(prefix: "maildex-casemap-migration")
        defer { directory.remove() }
        let path = directory.path("index.sqlite")
        try writeOldIndex(at: path, version: 6) { db in
            for (uid, key) in [(1, "zebra"), (2, "ñandú"), (3, "nabo"), (4, nil)] as [(Int, String?)] {
                try db.execute(sql: """
                    INSERT INTO message_header (message_id, from_text, to_text, cc_text, bcc_text, subject,
                                                base_subject, from_sort, to_sort, cc_sort, display_from, display_to)
                    VALUES (?, '', '', '', '', 'Œuvre', ?, ?, ?, ?, ?, ?)
                    """, arguments: [insertOldMessage(db, uid: uid), key, key, key, key, key, key])
            }
        }
        let index = try MailIndex(path: path, bodyText: TestBodies.source)
        let rows = try index.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT base_subject, from_sort, to_sort, cc_sort, display_from, display_to FROM message_header ORDER BY message_id")
        }
        let expected: [String?] = ["ZEBRA", "N\u{303}ANDU\u{301}", "NABO", nil]
        for column in ["base_subject", "from_sort", "to_sort", "cc_sort", "display_from", "display_to"] {
            #expect(rows.map { ($0[column] as String?).map { Array($0.unicodeScalars) } } == expected.map { $0.map { Array($0.unicodeScalars) } }, "\(column)")
        }
        // UID 4 has no stored key: its subject, casemapped, sorts it ("ŒUVRE": Œ has no
        // decomposition, so it follows Z); its empty From sorts first.
        #expect(try index.sort(.all, by: [SortKeySpec(.subject)], in: 1).map(\.rawValue) == [3, 2, 1, 4])
        #expect(try index.sort(.all, by: [SortKeySpec(.from)], in: 1).map(\.rawValue) == [4, 3, 2, 1])
    }
}
