import Foundation
import MaildexCore
@testable import MaildexIndex
import Testing

/// MailIndex.threadData: the threading columns of the matching messages (RFC 5256 §4–5), UID order.
@Suite struct ThreadDataTests {
    static func day(_ n: Double) -> Date { Date(timeIntervalSince1970: n * 86_400) }

    /// UID 1-3; 3 has no stored base subject (a row from before the sort columns).
    static func corpus() throws -> IndexFixture {
        let f = try IndexFixture()
        var first = makeMessage(date: day(3), subject: "Budget", sentDate: day(1), messageID: "<a@x>")
        first.headers.sort = SortValues(baseSubject: "budget", from: "", to: "", cc: "", displayFrom: "", displayTo: "")
        var second = makeMessage(date: day(4), subject: "Re: Budget", messageID: "<b@x>", inReplyTo: "<a@x>",
                                 references: ["<a@x>", "<z@x>"])
        second.headers.sort = SortValues(baseSubject: "budget", from: "", to: "", cc: "", displayFrom: "", displayTo: "")
        try f.add(first, second, makeMessage(date: day(5), subject: "Gamma"))
        return f
    }

    @Test func readsTheThreadingColumns() throws {
        let f = try Self.corpus()
        let rows = try f.index.threadData(.all, in: f.inbox.id)
        #expect(rows == [
            ThreadRow(uid: UID(1), messageID: "<a@x>", inReplyTo: nil, references: [], baseSubject: "budget",
                      subject: "Budget", sentDate: Self.day(1)),
            ThreadRow(uid: UID(2), messageID: "<b@x>", inReplyTo: "<a@x>", references: ["<a@x>", "<z@x>"],
                      baseSubject: "budget", subject: "Re: Budget", sentDate: Self.day(4)),
            ThreadRow(uid: UID(3), messageID: nil, inReplyTo: nil, references: [], baseSubject: "GAMMA",
                      subject: "Gamma", sentDate: Self.day(5)),
        ])
    }

    @Test(arguments: [
        (SearchQuery.uids([2...3]), [UInt32(2), 3]),
        (.header(.subject, "budget"), [1, 2]),
        (.not(.all), []),
    ])
    func honoursTheSearch(_ query: SearchQuery, _ expected: [UInt32]) throws {
        let f = try Self.corpus()
        #expect(try f.index.threadData(query, in: f.inbox.id).map(\.uid.rawValue) == expected)
    }

    @Test func unknownMailboxThrows() throws {
        let f = try IndexFixture()
        #expect(throws: NoSuchMailbox.self) { try f.index.threadData(.all, in: 999) }
    }
}
