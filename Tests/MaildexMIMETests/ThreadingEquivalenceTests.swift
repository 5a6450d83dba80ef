import Foundation
@testable import MaildexMIME
import MaildexTesting
import Testing

/// The THREAD algorithms and the `* THREAD` rendering against the straightforward versions in
/// ``ReferenceThreading``, on generated mailboxes with what makes threading hard: replies to
/// missing messages, duplicate Message-IDs, References loops, whitespace inside msg-ids,
/// In-Reply-To without References, shared base subjects with and without `Re:`, equal dates,
/// accented subjects and UID numbers with gaps.
@Suite struct ThreadingEquivalenceTests {
    static func corpus(seed: UInt64, count: Int) -> [ThreadMessage] {
        var rng = SplitMix64(seed: seed)
        func roll(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
        let subjects = ["BUDGET", "AGENDA", "", "N\u{303}ANDU\u{301}", "NANDU", "RE\u{301}SUME\u{301}", "RELEASE", "X"]
        var out: [ThreadMessage] = []
        var number: UInt32 = 0
        for n in 0..<count {
            number += 1 + UInt32(rng.next() % 3)
            var refs: [String] = []
            if roll(60), n > 0 {
                let depth = 1 + Int(rng.next() % 5)
                refs = (0..<depth).map { _ in "<\(rng.next() % UInt64(count + count / 4))@x>" }
            }
            if roll(3), let first = refs.first { refs.append(first) }               // a loop
            if roll(5) { refs = refs.map { $0.replacingOccurrences(of: "@", with: " @ ") } }
            let id: String? = roll(5) ? nil : roll(3) ? "<\(rng.next() % UInt64(count))@x>" : "<\(n)@x>"
            let inReplyTo: String? = roll(10) ? "<\(rng.next() % UInt64(count))@x> (comment) <y@x>" : refs.last
            if roll(20) { refs = [] }                                                 // In-Reply-To only
            out.append(ThreadMessage(
                number: number, messageID: id, inReplyTo: inReplyTo, references: refs,
                baseSubject: subjects[Int(rng.next() % UInt64(subjects.count))], isReplyOrForward: roll(40),
                date: Date(timeIntervalSince1970: Double(rng.next() % UInt64(max(count / 3, 1))) * 3_600)))
        }
        return out
    }

    @Test(arguments: [(1, 10), (2, 100), (3, 1_000), (4, 5_000), (5, 20_000)] as [(UInt64, Int)])
    func sameAnswerAsTheReference(seed: UInt64, count: Int) {
        let messages = Self.corpus(seed: seed, count: count)
        let references = MessageThreading.references(messages)
        #expect(MessageThreading.render(references) == ReferenceThreading.render(ReferenceThreading.references(messages)))
        #expect(MessageThreading.render(references) == ReferenceThreading.render(references))
        let ordered = MessageThreading.orderedSubject(messages)
        #expect(MessageThreading.render(ordered) == ReferenceThreading.render(ReferenceThreading.orderedSubject(messages)))
        #expect(MessageThreading.render(ordered) == ReferenceThreading.render(ordered))
    }

    @Test(arguments: ["<a@x>", " < a @ x > ", "<>", "< >", "<a@x><b@x>", "x <a@x", "<a<b@x>", "a@x>", "<a@x> (c) <é@x>", ""])
    func messageIDsAsTheReference(field: String) {
        #expect(MessageThreading.messageIDs(field) == ReferenceThreading.messageIDs(field))
    }
}
