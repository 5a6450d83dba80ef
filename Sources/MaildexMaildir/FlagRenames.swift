import Dispatch
import Glibc
public import MaildexCore
import Synchronization

/// The renames of a STORE, which the caller plans one message at a time while it records the
/// new flags in the index. Each new name is worked out at once (``rename(_:to:keywordIndexes:)``);
/// the files are renamed in order on a thread of their own once there are more than a few, so
/// that the index's work and the kernel's `rename` calls, which take most of a STORE over many
/// messages, overlap on two cores. ``finish()`` waits for the last one.
///
/// Files are renamed relative to the folder's `new/` and `cur/` (`renameat`), which spares the
/// kernel walking the whole path twice per message.
public final class FlagRenames: Sendable {
    private struct Planned {
        var fileName: String
        var inCur: Bool
        var newName: String
        var flags: Set<Flag>
        var keywordIndexes: [Int]
    }

    private struct Queue {
        var planned: [Planned] = []
        var closed = false
        var failed: [Int] = []
    }

    /// Renames planned beyond this many go to the thread; fewer (a STORE on one message) are
    /// done by ``finish()`` without starting one.
    static let inlineLimit = 32

    private let folder: MaildirFolder
    private let directories: (new: Int32, cur: Int32)
    private let queue = Mutex(Queue())
    private let work = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    /// Only the planning thread touches these.
    nonisolated(unsafe) private var planned: [Planned] = []
    nonisolated(unsafe) private var handedOver = 0
    nonisolated(unsafe) private var started = false


    init(folder: MaildirFolder) {
        self.folder = folder
        directories = (Glibc.open(folder.newPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC),
                       Glibc.open(folder.curPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    }

    deinit {
        if directories.new >= 0 { _ = Glibc.close(directories.new) }
        if directories.cur >= 0 { _ = Glibc.close(directories.cur) }
    }

    /// Plans the rename of a message file, named as the index recorded it (in `cur/` with an
    /// info part, in `new/` without), to carry `flags`: returns its new name, nil when it stays
    /// the same. Call from one thread only.
    public func rename(_ fileName: String, to flags: Set<Flag>, keywordIndexes: [Int]) -> String? {
        let (newName, inCur) = MaildirFileName.renaming(fileName, flags: flags, keywordIndexes: keywordIndexes)
        if inCur, newName == fileName { return nil }
        planned.append(Planned(fileName: fileName, inCur: inCur, newName: newName, flags: flags, keywordIndexes: keywordIndexes))
        if planned.count - handedOver >= Self.inlineLimit { handOver() }
        return newName
    }

    /// Waits until every planned file is renamed. Returns, by position among the names
    /// ``rename(_:to:keywordIndexes:)`` returned, the name each file has instead when its rename
    /// did not go as planned: another program renamed it meanwhile (found by its base and
    /// renamed from there), or it is gone or could not be renamed (its old name, so that the
    /// index keeps pointing where the file was; its flags stay stale in the name).
    public func finish() -> [Int: String] {
        var failed: [Int]
        if started {
            handOver()
            queue.withLock { $0.closed = true }
            work.signal()
            done.wait()
            failed = queue.withLock { $0.failed }
        } else {
            failed = []
            for position in planned.indices where !renameFile(planned[position]) { failed.append(position) }
        }
        var names: [Int: String] = [:]
        for position in failed {
            let item = planned[position]
            names[position] = (try? folder.setFlags(item.flags, keywordIndexes: item.keywordIndexes, ofFileNamed: item.fileName,
                                                     inCur: item.inCur)) ?? item.fileName
        }
        return names
    }

    private func handOver() {
        let batch = Array(planned[handedOver...])
        let first = handedOver
        handedOver = planned.count
        queue.withLock { $0.planned.append(contentsOf: batch) }
        if !started {
            started = true
            // A serial queue of its own gets a thread at once (an overcommitting one). On the
            // global queues it could wait behind pool threads blocked on the index writer,
            // which waits for these renames.
            DispatchQueue(label: "maildex.maildir.renames").async { self.renameHandedOver(from: first) }
        }
        work.signal()
    }

    /// The thread's loop: renames what was handed over, in order, until ``finish()`` closes the queue.
    private func renameHandedOver(from first: Int) {
        var position = first
        while true {
            let (batch, closed) = queue.withLock { queue -> ([Planned], Bool) in
                defer { queue.planned.removeAll(keepingCapacity: true) }
                return (queue.planned, queue.closed)
            }
            var failed: [Int] = []
            for item in batch {
                if !renameFile(item) { failed.append(position) }
                position += 1
            }
            if !failed.isEmpty { queue.withLock { $0.failed += failed } }
            if batch.isEmpty {
                if closed { break }
                work.wait()
            }
        }
        done.signal()
    }

    private func renameFile(_ item: Planned) -> Bool {
        Glibc.renameat(item.inCur ? directories.cur : directories.new, item.fileName, directories.cur, item.newName) == 0
    }
}

extension MaildirFolder {
    /// A batch of flag renames in this folder (a STORE over many messages).
    public func flagRenames() -> FlagRenames { FlagRenames(folder: self) }
}
