import Foundation
import Glibc
import Synchronization

/// Parsed passwd-files by path, re-read when a file's mtime, size or inode changes (checked
/// with one `stat` per lookup, as Dovecot does).
final class PasswdFileStore: Sendable {
    private struct Snapshot {
        var modified: timespec
        var size: Int
        var inode: UInt
        var entries: [String: PasswdFile.Entry]
    }

    private let snapshots = Mutex<[String: Snapshot]>([:])
    private let onProblem: @Sendable (PasswdFileProblem) -> Void

    init(onProblem: @escaping @Sendable (PasswdFileProblem) -> Void) {
        self.onProblem = onProblem
    }

    /// The entries of the file at `path`, or `nil` when it does not exist.
    func entries(path: String) throws -> [String: PasswdFile.Entry]? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw PasswdFileProblem(path: path, line: 0, reason: "cannot read: \(String(cString: strerror(code)))")
        }
        if let snapshot = snapshots.withLock({ $0[path] }),
           snapshot.modified.tv_sec == info.st_mtim.tv_sec, snapshot.modified.tv_nsec == info.st_mtim.tv_nsec,
           snapshot.size == Int(info.st_size), snapshot.inode == UInt(info.st_ino) {
            return snapshot.entries
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PasswdFileProblem(path: path, line: 0, reason: "cannot read: permission denied or not a file")
        }
        let (entries, problems) = PasswdFile.parse(String(decoding: data, as: UTF8.self), path: path)
        problems.forEach(onProblem)
        let snapshot = Snapshot(modified: info.st_mtim, size: Int(info.st_size), inode: UInt(info.st_ino), entries: entries)
        snapshots.withLock { $0[path] = snapshot }
        return entries
    }
}

extension PasswdFile {
    /// A warning when the file at `path` is readable by group or others (it should be 0600,
    /// as the Dovecot how-to says); `nil` when it is fine or missing.
    public static func permissionProblem(path: String) -> PasswdFileProblem? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let mode = info.st_mode & 0o777
        guard mode & 0o044 != 0 else { return nil }
        let who = mode & 0o004 != 0 ? "others" : "its group"
        return PasswdFileProblem(path: path, line: 0, reason: "readable by \(who) (mode \(String(mode, radix: 8))); it should be 0600")
    }
}
