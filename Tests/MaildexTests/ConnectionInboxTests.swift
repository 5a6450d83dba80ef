@testable import Maildex
import Testing

/// The queue between a connection's event loop and its session: order kept, a waiting session
/// woken, and the end of the connection seen only after what was queued before it.
@Suite struct ConnectionInboxTests {
    @Test func eventsQueuedBeforeTheSessionAsksComeOutInOrder() async {
        let inbox = ConnectionInbox<Int>()
        for n in 1...100 { inbox.yield(n) }
        var out: [Int] = []
        for _ in 1...100 { if let n = await inbox.next() { out.append(n) } }
        #expect(out == Array(1...100))
    }

    @Test func aWaitingSessionIsWokenByTheNextEvent() async {
        let inbox = ConnectionInbox<String>()
        async let received = inbox.next()
        // Whichever comes first, the wait or the event, the event arrives.
        inbox.yield("LHLO")
        #expect(await received == "LHLO")
    }

    @Test func finishDeliversWhatIsQueuedThenNil() async {
        let inbox = ConnectionInbox<Int>()
        inbox.yield(1)
        inbox.yield(2)
        inbox.finish()
        inbox.yield(3)
        #expect(await inbox.next() == 1)
        #expect(await inbox.next() == 2)
        #expect(await inbox.next() == nil, "an event after finish is dropped")
        #expect(await inbox.next() == nil)
    }

    @Test func finishWakesAWaitingSession() async {
        let inbox = ConnectionInbox<Int>()
        async let received = inbox.next()
        inbox.finish()
        #expect(await received == nil)
    }

    @Test func manyProducersOneConsumerLoseNothing() async {
        let inbox = ConnectionInbox<Int>()
        await withTaskGroup(of: Void.self) { group in
            for p in 0..<4 {
                group.addTask { for n in 0..<1_000 { inbox.yield(p * 1_000 + n) } }
            }
            var seen = Set<Int>()
            while seen.count < 4_000, let n = await inbox.next() { seen.insert(n) }
            #expect(seen.count == 4_000)
        }
    }
}
