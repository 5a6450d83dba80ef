import Dispatch

/// A serial executor on a dispatch queue of its own, for an actor whose jobs must not run on
/// Swift's cooperative pool.
///
/// A user's store blocks on the disk by design (a delivery fsyncs its file, its directory and
/// the index's WAL before it is acknowledged). On the cooperative pool, which has one thread
/// per core, two users fsyncing would stall every session of every other user, and parallel
/// deliveries to different users would wait for each other's fsyncs instead of overlapping
/// them. A serial dispatch queue blocks a thread of its own (dispatch adds threads for blocked
/// queues), and the actor keeps its guarantee: one job at a time.
public final class QueueExecutor: SerialExecutor {
    private let queue: DispatchQueue

    public init(label: String) {
        queue = DispatchQueue(label: label)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
