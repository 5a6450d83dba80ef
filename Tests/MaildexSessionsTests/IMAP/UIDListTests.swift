@testable import MaildexSessions
import MaildexCore
import MaildexTesting
import Testing

@Suite struct UIDListTests {
    /// Every operation agrees with a plain array of UIDs, over random appends and removals.
    @Test(arguments: [1, 2, 3, 4, 5])
    func agreesWithAnArray(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var list = UIDList()
        var model: [UID] = []
        var next: UInt32 = 1
        for _ in 0..<2_000 {
            if model.isEmpty || random.next() % 3 != 0 {
                next += UInt32(random.next() % 3)   // runs with gaps
                list.append(UID(next)); model.append(UID(next))
                next += 1
            } else {
                let victim = model[Int(random.next() % UInt64(model.count))]
                let seq = list.remove(victim)
                #expect(seq == model.firstIndex(of: victim).map { $0 + 1 })
                model.removeAll { $0 == victim }
            }
            #expect(list.count == model.count)
        }
        for (i, uid) in model.enumerated() {
            #expect(list.uid(at: i + 1) == uid)
            #expect(list.sequenceNumber(of: uid) == i + 1)
        }
        #expect(list.uid(at: 0) == nil && list.uid(at: model.count + 1) == nil)
        #expect(list.last == model.last)
        let range = UInt32(100)...UInt32(900)
        let members = list.members(in: range)
        #expect(members.map(\.1) == model.filter { range.contains($0.rawValue) })
        #expect(members.map(\.0) == members.map { list.sequenceNumber(of: $0.1)! })
    }

    @Test func appendBelowTheLastIsIgnoredAndRemovalOfUnknownIsNil() {
        var list = UIDList([UID(1), UID(2), UID(5)])
        list.append(UID(3))
        #expect(list.count == 3)
        #expect(list.remove(UID(4)) == nil)
        #expect(list.remove(UID(2)) == 2)
        #expect(list.sequenceNumber(of: UID(5)) == 2)
    }
}
