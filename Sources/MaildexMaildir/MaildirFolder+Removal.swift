import Dispatch
import Synchronization

/// Message files being deleted on a thread of their own (``MaildirFolder/startRemoving(_:)``),
/// so that an EXPUNGE of many messages deletes its index rows meanwhile.
public final class PendingRemoval: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let failure = Mutex<(any Error)?>(nil)

    fileprivate init() {}

    fileprivate func finish(_ error: (any Error)?) {
        failure.withLock { $0 = error }
        done.signal()
    }

    /// Returns once every file is deleted; throws the failure that stopped the deletions (the
    /// files before it are gone, those after it are left). May be called more than once.
    public func wait() throws {
        done.wait()
        done.signal()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

extension MaildirFolder {
    /// ``remove(_:)`` of each entry, in order, on a thread of their own, stopping at the first
    /// failure; ``PendingRemoval/wait()`` waits for them and reports that failure.
    public func startRemoving(_ entries: [MaildirEntry]) -> PendingRemoval {
        let pending = PendingRemoval()
        // A serial queue of its own, as FlagRenames' thread: on a global queue the work could wait
        // behind pool threads blocked on the index writer, which waits for it.
        DispatchQueue(label: "maildex.maildir.removals").async {
            do {
                for entry in entries { try remove(entry) }
                pending.finish(nil)
            } catch {
                pending.finish(error)
            }
        }
        return pending
    }
}
