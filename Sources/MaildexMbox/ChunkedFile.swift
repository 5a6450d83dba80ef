import MaildexCore
import Glibc

/// Reads a file line by line through a buffer of `chunkSize` bytes, so that a multi-gigabyte
/// mbox never sits in memory (only the current line and one chunk do).
final class ChunkedFile {
    let path: String
    private let fd: Int32
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var chunk: [UInt8] = []
    private var start = 0
    private var searched = 0
    private var atEnd = false
    /// Bytes handed out as lines so far.
    private(set) var consumed = 0

    init(path: String, chunkSize: Int) throws(MboxError) {
        self.path = path
        self.chunkSize = max(1, chunkSize)
        fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw MboxError(path: path, operation: "open", errno: errno) }
        var st = stat()
        if fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFDIR {
            Glibc.close(fd)
            throw MboxError(path: path, operation: "open", errno: EISDIR)
        }
    }

    deinit { Glibc.close(fd) }

    /// The next line with its line ending (the last line may have none); nil at the end.
    func nextLine() throws(MboxError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = firstNewline(from: max(start, searched)) {
                let line = buffer[start...newline]
                start = newline + 1
                searched = start
                consumed += line.count
                return line
            }
            searched = buffer.count
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                consumed += line.count
                return line
            }
            try fill()
        }
    }

    private func firstNewline(from index: Int) -> Int? {
        guard index < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { pointer in
            guard let base = pointer.baseAddress, let found = memchr(base + index, 0x0A, pointer.count - index) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private func fill() throws(MboxError) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            searched -= start
            start = 0
        }
        if chunk.isEmpty { chunk = [UInt8](repeating: 0, count: chunkSize) }
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw MboxError(path: path, operation: "read", errno: errno) }
            if n == 0 { atEnd = true }
            chunk.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
            return
        }
    }
}
