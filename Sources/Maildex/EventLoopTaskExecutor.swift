import NIOCore

/// Where a session's task goes on after a continuation resumes it (the next event from its
/// ``ConnectionInbox``, a write's future): its connection's event loop, as its task executor
/// preference. Without one, Swift resumes every continuation on the global executor, which
/// then hops back to the session's actor on the loop: two thread wake-ups per command, a fifth
/// of the CPU of a POP3 RETR.
///
/// A job runs isolated to the loop's serial executor, which is the session's own (sessions run
/// on their loop, ``MaildexSessions/ConnectionInfo/executor``): a loop runs one job at a time,
/// so the claim holds, and the session's next step needs no hop.
final class EventLoopTaskExecutor: TaskExecutor {
    private let loop: any EventLoop
    private let serial: any SerialExecutor

    init(_ loop: any EventLoop) {
        self.loop = loop
        serial = loop.executor
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute {
            job.runSynchronously(isolatedTo: self.serial.asUnownedSerialExecutor(), taskExecutor: self.asUnownedTaskExecutor())
        }
    }
}
