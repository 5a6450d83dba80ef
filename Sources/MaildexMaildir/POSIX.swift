import MaildexCore
import Glibc
import Foundation

/// Thin wrappers over the system calls the Maildir code needs; each throws ``MaildirError``
/// naming the path and the call. `EINTR` is retried.
enum POSIX {
    static func fail(_ operation: String, _ path: String) -> MaildirError {
        MaildirError(path: path, operation: operation, errno: errno)
    }

    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o600) throws(MaildirError) -> Int32 {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 {
                if flags & O_CREAT != 0 { InheritedOwner.adopt(fd: fd, path: path) }
                return fd
            }
            if errno != EINTR { throw fail("open", path) }
        }
    }

    static func close(_ fd: Int32) { _ = Glibc.close(fd) }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(MaildirError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, bytes.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("write", path)
            }
            offset += n
        }
    }

    static func readAll(_ path: String) throws(MaildirError) -> [UInt8] {
        let fd = try open(path, O_RDONLY)
        defer { close(fd) }
        var st = Glibc.stat()
        guard fstat(fd, &st) == 0 else { throw fail("fstat", path) }
        // Straight into the array's storage, sized from fstat (one byte more, to see the end).
        var failure: Int32 = 0
        let wanted = Int(st.st_size) + 1
        var out = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
            count = readFully(fd, into: UnsafeMutableRawBufferPointer(buffer), failure: &failure)
        }
        // A file that grew since fstat is read on in chunks.
        var more = out.count == wanted
        while more, failure == 0 {
            let chunk = [UInt8](unsafeUninitializedCapacity: 64 * 1024) { buffer, count in
                count = readFully(fd, into: UnsafeMutableRawBufferPointer(buffer), failure: &failure)
            }
            out += chunk
            more = chunk.count == 64 * 1024
        }
        if failure != 0 {
            errno = failure
            throw fail("read", path)
        }
        return out
    }

    /// Reads until `buffer` is full or the file ends; returns the count read. Sets `failure` to
    /// errno on an error other than EINTR.
    private static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, failure: inout Int32) -> Int {
        var done = 0
        while done < buffer.count {
            let n = Glibc.read(fd, buffer.baseAddress! + done, buffer.count - done)
            if n > 0 { done += n; continue }
            if n == 0 { break }
            if errno == EINTR { continue }
            failure = errno
            break
        }
        return done
    }

    static func fsync(_ fd: Int32, path: String) throws(MaildirError) {
        guard Glibc.fsync(fd) == 0 else { throw fail("fsync", path) }
    }

    /// Opens a directory read-only and fsyncs it, so that renames and links in it are durable.
    static func fsyncDirectory(_ path: String) throws(MaildirError) {
        let fd = try open(path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        try fsync(fd, path: path)
    }

    static func rename(_ from: String, _ to: String) throws(MaildirError) {
        guard Glibc.rename(from, to) == 0 else { throw fail("rename", "\(from) -> \(to)") }
    }

    static func link(_ from: String, _ to: String) throws(MaildirError) {
        guard Glibc.link(from, to) == 0 else { throw fail("link", "\(from) -> \(to)") }
    }

    /// Removes a file; a missing file is not an error.
    static func unlinkIfPresent(_ path: String) throws(MaildirError) {
        guard Glibc.unlink(path) == 0 || errno == ENOENT else { throw fail("unlink", path) }
    }

    /// Creates a directory with mode 0700; an existing directory is fine.
    /// With `followingSymlinks: false`, a symlink in the way is an error (ENOTDIR), not a directory.
    static func makeDirectory(_ path: String, followingSymlinks: Bool = true) throws(MaildirError) {
        if mkdir(path, 0o700) == 0 { InheritedOwner.adopt(path: path); return }
        let saved = errno
        if saved == EEXIST, isDirectory(path, followingSymlinks: followingSymlinks) { return }
        if saved == EEXIST { throw MaildirError(path: path, operation: "mkdir", errno: ENOTDIR) }
        throw MaildirError(path: path, operation: "mkdir", errno: saved)
    }

    static func status(_ path: String, followingSymlinks: Bool = true) -> Glibc.stat? {
        var st = Glibc.stat()
        return fstatat(AT_FDCWD, path, &st, followingSymlinks ? 0 : AT_SYMLINK_NOFOLLOW) == 0 ? st : nil
    }

    static func isDirectory(_ path: String, followingSymlinks: Bool = true) -> Bool {
        guard let st = status(path, followingSymlinks: followingSymlinks) else { return false }
        return st.st_mode & S_IFMT == S_IFDIR
    }

    /// The names in a directory, without `.` and `..`, with whether each is a directory
    /// (nil when the file system does not say; the caller stats then).
    /// With `followingSymlinks: false` a symlink at `path` is refused (ELOOP): a link planted as a
    /// folder's `cur/` or `new/` must not lead outside the Maildir.
    static func list(_ path: String, followingSymlinks: Bool = true) throws(MaildirError) -> [(name: String, isDirectory: Bool?)] {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followingSymlinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { throw fail("opendir", path) }
        guard let dir = fdopendir(fd) else {
            let error = fail("opendir", path)
            Glibc.close(fd)
            throw error
        }
        defer { closedir(dir) }
        var out: [(name: String, isDirectory: Bool?)] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw fail("readdir", path) }
                return out
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            let isDirectory: Bool? = type == UInt8(DT_DIR) ? true : type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) ? nil : false
            out.append((name, isDirectory))
        }
    }

    /// Sets a file's modification time (and its access time to now).
    static func setModificationDate(_ fd: Int32, _ date: Date, path: String) throws(MaildirError) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let nanoseconds = Int((date.timeIntervalSince1970 - seconds) * 1_000_000_000)
        var times = [timespec(tv_sec: 0, tv_nsec: utimeNow),
                     timespec(tv_sec: Int(seconds), tv_nsec: min(max(nanoseconds, 0), 999_999_999))]
        guard futimens(fd, &times) == 0 else { throw fail("futimens", path) }
    }

    /// `UTIME_NOW` (a macro Swift does not import).
    private static let utimeNow = (1 << 30) - 1

    /// `syncfs(2)`, looked up at run time because the Glibc module does not export it
    /// (it needs `_GNU_SOURCE`). Falls back to `sync(2)` where it is missing.
    static func syncFileSystem(_ fd: Int32, path: String) throws(MaildirError) {
        typealias SyncFS = @convention(c) (Int32) -> Int32
        if let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "syncfs") {
            let syncfs = unsafeBitCast(symbol, to: SyncFS.self)
            guard syncfs(fd) == 0 else { throw fail("syncfs", path) }
        } else {
            Glibc.sync()
        }
    }

    static func modificationDate(_ st: Glibc.stat) -> Date {
        Date(timeIntervalSince1970: TimeInterval(st.st_mtim.tv_sec) + TimeInterval(st.st_mtim.tv_nsec) / 1_000_000_000)
    }
}

extension String {
    /// `self/component`.
    func appendingPath(_ component: String) -> String {
        hasSuffix("/") ? self + component : self + "/" + component
    }
}
