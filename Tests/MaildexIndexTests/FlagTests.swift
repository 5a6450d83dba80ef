import MaildexCore
import MaildexIndex
import Testing

@Suite struct FlagTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var start: Set<Flag>
        var flags: Set<Flag>
        var mode: FlagUpdate
        var result: Set<Flag>
        var changes: Bool
        var testDescription: String { "\(start.sorted) \(mode) \(flags.sorted) -> \(result.sorted)" }
    }

    @Test(arguments: [
        Case(start: [.seen], flags: [.flagged], mode: .add, result: [.seen, .flagged], changes: true),
        Case(start: [.seen], flags: [.seen], mode: .add, result: [.seen], changes: false),
        Case(start: [.seen, .deleted], flags: [.deleted], mode: .remove, result: [.seen], changes: true),
        Case(start: [.seen], flags: [.draft], mode: .remove, result: [.seen], changes: false),
        Case(start: [.seen, .keyword("$Junk")], flags: [.answered], mode: .replace, result: [.answered], changes: true),
        Case(start: [.keyword("$Junk")], flags: [.keyword("$junk")], mode: .replace, result: [.keyword("$Junk")], changes: false),
        Case(start: [], flags: [.keyword("Work"), .keyword("$Label1")], mode: .add,
             result: [.keyword("Work"), .keyword("$Label1")], changes: true),
        Case(start: [.keyword("Work"), .seen], flags: [.keyword("WORK")], mode: .remove, result: [.seen], changes: true),
        Case(start: [.seen, .answered, .flagged, .deleted, .draft], flags: [], mode: .replace, result: [], changes: true),
    ])
    func modes(_ c: Case) throws {
        let f = try IndexFixture()
        try f.add(makeMessage(flags: c.start))
        let result = try f.index.setFlags(c.flags, c.mode, uids: [UID(1)], in: f.inbox.id)
        #expect(result.failed.isEmpty)
        let record = try #require(try f.index.messages(in: f.inbox.id).first)
        #expect(record.flags == c.result)
        if c.changes {
            #expect(result.changed == [FlagChange(uid: UID(1), flags: c.result, modSeq: ModSeq(3))])
            #expect(record.modSeq == ModSeq(3))
        } else {
            #expect(result.changed.isEmpty)
            #expect(record.modSeq == ModSeq(2))
        }
    }

    /// Only rows that change get the call's one new MODSEQ; a call that changes nothing keeps HIGHESTMODSEQ.
    @Test func oneModSeqPerCallOnlyForChangedRows() throws {
        let f = try IndexFixture()
        try f.add(makeMessage(flags: [.seen]), makeMessage(), makeMessage())   // modseq 2
        let result = try f.index.setFlags([.seen], .add, uids: [UID(1), UID(2), UID(3), UID(9)], in: f.inbox.id)
        #expect(result.changed.map(\.uid) == [UID(2), UID(3)])
        #expect(result.changed.allSatisfy { $0.modSeq == ModSeq(3) })
        #expect(try f.index.messages(in: f.inbox.id).map(\.modSeq) == [ModSeq(2), ModSeq(3), ModSeq(3)])
        #expect(try f.index.mailbox(id: f.inbox.id)?.highestModSeq == ModSeq(3))

        let none = try f.index.setFlags([.seen], .add, uids: [UID(1), UID(2)], in: f.inbox.id)
        #expect(none.changed.isEmpty)
        #expect(try f.index.mailbox(id: f.inbox.id)?.highestModSeq == ModSeq(3))

        _ = try f.index.setFlags([.flagged], .add, uids: [UID(1)], in: f.inbox.id)
        #expect(try f.index.messages(in: f.inbox.id).map(\.modSeq) == [ModSeq(4), ModSeq(3), ModSeq(3)])
    }

    /// RFC 7162 §3.1.3: messages modified after UNCHANGEDSINCE fail and are left alone.
    @Test func unchangedSince() throws {
        let f = try IndexFixture()
        try f.add(makeMessage(), makeMessage(), makeMessage())                         // all modseq 2
        _ = try f.index.setFlags([.flagged], .add, uids: [UID(2)], in: f.inbox.id)     // uid 2 -> 3
        let result = try f.index.setFlags([.seen], .add, uids: [UID(1), UID(2), UID(3)], in: f.inbox.id,
                                          unchangedSince: ModSeq(2))
        #expect(result.failed == [UID(2)])
        #expect(result.changed.map(\.uid) == [UID(1), UID(3)])
        #expect(result.changed.allSatisfy { $0.modSeq == ModSeq(4) })
        let flags = try f.index.messages(in: f.inbox.id).map(\.flags)
        #expect(flags == [[.seen], [.flagged], [.seen]])

        let equal = try f.index.setFlags([.deleted], .add, uids: [UID(2)], in: f.inbox.id, unchangedSince: ModSeq(3))
        #expect(equal.failed.isEmpty && equal.changed.map(\.uid) == [UID(2)])
        let zero = try f.index.setFlags([.draft], .add, uids: [UID(1)], in: f.inbox.id, unchangedSince: .zero)
        #expect(zero.failed == [UID(1)])
    }
}
