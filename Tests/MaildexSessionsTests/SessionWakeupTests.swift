import Synchronization
import Testing
@testable import MaildexSessions

/// Wake-ups reach the connection once per burst, wait for a connection that is not there yet,
/// and stop when the session ends.
struct SessionWakeupTests {
    final class Calls: Sendable {
        let count = Atomic<Int>(0)
        var value: Int { count.load(ordering: .relaxed) }
        func handler() -> @Sendable () -> Void { { self.count.add(1, ordering: .relaxed) } }
    }

    @Test func aBurstCallsTheConnectionOnceUntilTaken() {
        let wakeup = SessionWakeup(), calls = Calls()
        wakeup.connect(calls.handler())
        for _ in 0..<100 { wakeup.signal() }
        #expect(calls.value == 1)
        wakeup.taken()
        #expect(calls.value == 1, "taking it is not a signal")
        wakeup.signal()
        wakeup.signal()
        #expect(calls.value == 2)
    }

    @Test func aSignalBeforeTheConnectionWaitsForIt() {
        let wakeup = SessionWakeup(), calls = Calls()
        wakeup.signal()
        wakeup.connect(calls.handler())
        #expect(calls.value == 1)
        let quiet = SessionWakeup(), none = Calls()
        quiet.connect(none.handler())
        #expect(none.value == 0)
    }

    @Test func nothingAfterClose() {
        let wakeup = SessionWakeup(), calls = Calls()
        wakeup.connect(calls.handler())
        wakeup.close()
        wakeup.taken()
        wakeup.signal()
        #expect(calls.value == 0)
    }
}
