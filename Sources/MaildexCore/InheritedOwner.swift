#if canImport(Glibc)
import Glibc
#endif

/// Who owns what maildex creates while it runs as root: the owner and group of the directory it
/// is created in.
///
/// maildexd stays root when system users are configured (PAM, `userdb { driver = passwd }`), and
/// `mailadm` usually runs as root. A message delivered to `~alice/Maildir/new` then belongs to
/// alice, as `~alice/Maildir` does, and a Maildir created under `/var/lib/maildex` (owned by
/// `vmail`) belongs to vmail. SQLite does the same for the `-wal` and `-shm` files of a database
/// (they take the database file's owner when the process is root), so the index follows too.
///
/// Not running as root, this does nothing: the kernel already gives new files the process's
/// user. Failures are ignored; the file stays root's, as it would have without this.
public enum InheritedOwner {
    /// Gives the file open as `fd`, just created at `path`, its directory's owner and group.
    public static func adopt(fd: Int32, path: String) {
        guard geteuid() == 0, let parent = directoryOwner(of: path) else { return }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_uid != parent.uid || st.st_gid != parent.gid else { return }
        _ = fchown(fd, parent.uid, parent.gid)
    }

    /// Gives the file or directory just created at `path` its directory's owner and group
    /// (a symbolic link at `path` is not followed).
    public static func adopt(path: String) {
        guard geteuid() == 0, let parent = directoryOwner(of: path) else { return }
        var st = stat()
        guard lstat(path, &st) == 0, st.st_uid != parent.uid || st.st_gid != parent.gid else { return }
        _ = lchown(path, parent.uid, parent.gid)
    }

    private static func directoryOwner(of path: String) -> (uid: uid_t, gid: gid_t)? {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let directory: String
        if let slash = trimmed.lastIndex(of: "/") {
            directory = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
        } else {
            directory = "."
        }
        var st = stat()
        guard stat(directory, &st) == 0 else { return nil }
        return (st.st_uid, st.st_gid)
    }
}
