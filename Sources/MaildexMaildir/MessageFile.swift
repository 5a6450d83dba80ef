import Glibc
public import MaildexCore

/// An open message file, read in pieces: a FETCH of a large message streams it from here
/// instead of holding it in memory. Opened files survive renames (flag changes by another
/// session) and unlinks (an expunge) until closed.
public final class MessageFile: Sendable {
    private let fd: Int32
    public let path: String
    /// The file's size when it was opened.
    public let size: Int

    init(path: String) throws(MaildirError) {
        fd = try POSIX.open(path, O_RDONLY)
        var st = Glibc.stat()
        guard fstat(fd, &st) == 0 else {
            let error = POSIX.fail("fstat", path)
            Glibc.close(fd)
            throw error
        }
        self.path = path
        size = Int(st.st_size)
    }

    deinit { Glibc.close(fd) }

    /// Up to `length` bytes from `offset` (fewer at the end of the file).
    public func read(offset: Int, length: Int) throws(MaildirError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: max(0, min(length, size - offset)))
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(offset + done)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIX.fail("pread", path)
            }
            if n == 0 { out.removeLast(out.count - done); break }
            done += n
        }
        return out
    }
}

extension MaildirFolder {
    /// Opens a message file for reading in pieces; found by its base if it was renamed meanwhile.
    public func open(_ entry: MaildirEntry) throws -> MessageFile {
        do {
            return try MessageFile(path: entry.path)
        } catch let error where error.errno == ENOENT {
            guard let moved = try locate(base: entry.fileName.base) else { throw error }
            return try MessageFile(path: moved.path)
        }
    }
}
