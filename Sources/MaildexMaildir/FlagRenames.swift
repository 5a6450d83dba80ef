import Dispatch
import Glibc
public import MaildexCore
import Synchronization

/// The renames of a STORE, which the caller plans one message at a time while it records the
/// new flags in the index. Each new name is worked out at once (``rename(_:to:keywordIndexes:)``).
/// Once ``inlineLimit`` renames are planned, a thread of their own starts renaming the files,
/// in order, and gets the renames planned after in chunks of as many: the index's work and the
/// kernel's `rename` calls, which take most of a STORE over many messages, overlap on two
/// cores. Fewer (a STORE on one message) are done by ``finish()`` without a thread.
///
/// Use from one thread (the index writer's); call ``finish()``, or ``cancel()`` if the
/// transaction failed: either returns only when no rename is going on any more.
public final class FlagRenames {
    struct Planned: Sendable {
        var position: Int
        var fileName: String
        var inCur: Bool
        var newName: String
        var flags: Set<Flag>
        var keywordIndexes: [Int]
    }

    /// How many renames are planned before the thread starts, and handed to it at a time.
    static let inlineLimit = 32

    private let folder: MaildirFolder
    /// Planned and not handed to the thread yet.
    private var pending: [Planned] = []
    private var planned = 0
    private var thread: FlagRenameThread?
    private var ended = false

    init(folder: MaildirFolder) {
        self.folder = folder
    }

    /// Plans the rename of a message file, named as the index recorded it (in `cur/` with an
    /// info part, in `new/` without), to carry `flags`: returns its new name, nil when it stays
    /// the same.
    public func rename(_ fileName: String, to flags: Set<Flag>, keywordIndexes: [Int]) -> String? {
        let (newName, inCur) = MaildirFileName.renaming(fileName, flags: flags, keywordIndexes: keywordIndexes)
        if inCur, newName == fileName { return nil }
        pending.append(Planned(position: planned, fileName: fileName, inCur: inCur, newName: newName, flags: flags,
                               keywordIndexes: keywordIndexes))
        planned += 1
        if pending.count >= Self.inlineLimit { handOver() }
        return newName
    }

    /// Waits until every planned file is renamed. Returns, by position among the names
    /// ``rename(_:to:keywordIndexes:)`` returned, the name each file has instead when its rename
    /// did not go as planned: another program renamed it meanwhile (found by its base and
    /// renamed from there), or it is gone or could not be renamed (its old name, so that the
    /// index keeps pointing where the file was; its flags stay stale in the name).
    public func finish() -> [Int: String] {
        guard !ended else { return [:] }
        ended = true
        let failed: [Planned]
        if let thread {
            thread.add(pending)
            failed = thread.finish()
        } else {
            failed = pending.filter { item in
                Glibc.rename((item.inCur ? folder.curPath : folder.newPath) + "/" + item.fileName, folder.curPath + "/" + item.newName) != 0
            }
        }
        pending = []
        var names: [Int: String] = [:]
        for item in failed {
            names[item.position] = (try? folder.setFlags(item.flags, keywordIndexes: item.keywordIndexes, ofFileNamed: item.fileName,
                                                          inCur: item.inCur)) ?? item.fileName
        }
        return names
    }

    /// Drops the renames not done yet (the index transaction failed) and waits for the one in
    /// progress; nothing once ``finish()`` ran.
    public func cancel() {
        guard !ended else { return }
        ended = true
        pending = []
        thread?.cancel()
    }

    private func handOver() {
        if thread == nil { thread = FlagRenameThread(folder: folder) }
        thread?.add(pending)
        pending.removeAll(keepingCapacity: true)
    }
}

/// The renaming thread of a ``FlagRenames``: it renames what it is given, in order, relative to
/// the folder's `new/` and `cur/` (`renameat`, which spares the kernel walking the whole path
/// twice per message), and keeps the renames that failed.
private final class FlagRenameThread: Sendable {
    private struct Queue {
        var planned: [FlagRenames.Planned] = []
        var closed = false
        var failed: [FlagRenames.Planned] = []
    }

    private let directories: (new: Int32, cur: Int32)
    private let queue = Mutex(Queue())
    private let cancelled = Atomic<Bool>(false)
    private let work = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)

    init(folder: MaildirFolder) {
        directories = (Glibc.open(folder.newPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC),
                       Glibc.open(folder.curPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC))
        // A serial queue of its own gets a thread at once (an overcommitting one). On the global
        // queues it could wait behind pool threads blocked on the index writer, which waits for it.
        DispatchQueue(label: "maildex.maildir.renames").async { self.run() }
    }

    deinit {
        if directories.new >= 0 { _ = Glibc.close(directories.new) }
        if directories.cur >= 0 { _ = Glibc.close(directories.cur) }
    }

    func add(_ items: [FlagRenames.Planned]) {
        queue.withLock { $0.planned += items }
        work.signal()
    }

    /// Waits for the last rename; returns those that failed.
    func finish() -> [FlagRenames.Planned] {
        queue.withLock { $0.closed = true }
        work.signal()
        done.wait()
        return queue.withLock { $0.failed }
    }

    /// Stops after the rename in progress and waits for it.
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
        queue.withLock { queue in
            queue.planned.removeAll()
            queue.closed = true
        }
        work.signal()
        done.wait()
    }

    private func run() {
        while true {
            let (batch, closed) = queue.withLock { queue -> ([FlagRenames.Planned], Bool) in
                defer { queue.planned.removeAll(keepingCapacity: true) }
                return (queue.planned, queue.closed)
            }
            var failed: [FlagRenames.Planned] = []
            for item in batch {
                if cancelled.load(ordering: .relaxed) { break }
                let from = item.inCur ? directories.cur : directories.new
                if Glibc.renameat(from, item.fileName, directories.cur, item.newName) != 0 { failed.append(item) }
            }
            if !failed.isEmpty { queue.withLock { $0.failed += failed } }
            if batch.isEmpty {
                if closed { break }
                work.wait()
            }
        }
        done.signal()
    }
}

extension MaildirFolder {
    /// A batch of flag renames in this folder (a STORE).
    public func flagRenames() -> FlagRenames { FlagRenames(folder: self) }
}
