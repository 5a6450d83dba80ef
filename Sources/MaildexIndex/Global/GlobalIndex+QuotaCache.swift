import Glibc
import Synchronization

/// The user table's quota columns, kept in memory between changes of the database: LMTP asks
/// for a user's limits at RCPT and again at DATA, and a query through the pool was 5% of a
/// delivery's CPU. Every commit, from this process or from `mailadm user set-quota`, changes
/// the size or modification time of the database's WAL (or of the file itself, after a
/// checkpoint), so two `stat` calls tell whether the cached limits still hold.
final class QuotaLimitsCache: Sendable {
    /// Size and modification time of the database file and its WAL.
    struct Stamp: Equatable {
        var files: [FileStamp?]

        struct FileStamp: Equatable {
            var size: Int
            var seconds: Int
            var nanoseconds: Int
        }

        init(path: String) {
            files = [path, path + "-wal"].map { file in
                var st = Glibc.stat()
                guard stat(file, &st) == 0 else { return nil }
                return FileStamp(size: Int(st.st_size), seconds: st.st_mtim.tv_sec, nanoseconds: st.st_mtim.tv_nsec)
            }
        }

        /// A change this recent may share its timestamp with the next one (file times advance
        /// by the kernel's tick, and a rewritten WAL can keep its size): not to be trusted.
        func isRacy(now: timespec) -> Bool {
            files.contains { file in
                guard let file else { return false }
                let age = Double(now.tv_sec - file.seconds) + Double(now.tv_nsec - file.nanoseconds) / 1e9
                return age < 0.1
            }
        }
    }

    private let path: String
    private let state = Mutex<(stamp: Stamp?, limits: [String: QuotaLimits])>((nil, [:]))

    init(path: String) {
        self.path = path
    }

    /// Forgets everything (after this process changed the user table).
    func clear() {
        state.withLock { $0 = (nil, [:]) }
    }

    /// The cached limits of `name`, or `read()`'s answer, kept when the database is settled.
    func limits(of name: String, read: () throws -> QuotaLimits) throws -> QuotaLimits {
        let stamp = Stamp(path: path)
        let cached = state.withLock { state -> QuotaLimits? in
            if state.stamp != stamp { state = (stamp, [:]) }
            return state.limits[name]
        }
        if let cached { return cached }
        let limits = try read()
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        // No file to watch (an in-memory database), or a change too recent: not kept.
        if stamp.files.contains(where: { $0 != nil }), !stamp.isRacy(now: now) {
            state.withLock { state in
                if state.stamp == stamp { state.limits[name] = limits }
            }
        }
        return limits
    }
}
