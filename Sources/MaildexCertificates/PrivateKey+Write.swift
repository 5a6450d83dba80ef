#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PrivateKey {
    /// Writes ``pem`` to `path` with mode 0600, replacing any existing file atomically.
    ///
    /// The key goes to a fresh `mkstemp` file beside `path` (created 0600, so it is never readable
    /// by others, not even briefly), is synced, then renamed over `path`. A symbolic link at `path`
    /// is refused rather than followed or replaced.
    ///
    /// - Throws: ``CertificateFileError`` naming the path and the system error.
    public func write(to path: String) throws {
        try writeFileAtomically(Array(pem.utf8), to: path, mode: 0o600)
    }
}

/// Writes `bytes` to `path` as a new file with `mode`, replacing any existing file atomically: a
/// fresh `mkstemp` file beside `path`, given `mode` before anything is written, synced, then
/// renamed over `path`. A symbolic link at `path` is refused rather than followed or replaced.
/// (Foundation's atomic writes leave an empty directory in /tmp behind on Linux.)
///
/// - Throws: ``CertificateFileError`` naming the path and the system error.
public func writeFileAtomically(_ bytes: [UInt8], to path: String, mode: UInt32) throws {
    func failure(_ operation: String, _ code: Int32 = errno) -> CertificateFileError {
        CertificateFileError(path: path, operation: operation, reason: String(cString: strerror(code)))
    }
    var status = stat()
    if lstat(path, &status) == 0 {
        switch status.st_mode & S_IFMT {
        case S_IFLNK:
            throw CertificateFileError(path: path, operation: "write", reason: "is a symbolic link; refusing to follow it")
        case S_IFREG:
            break
        default:
            throw CertificateFileError(path: path, operation: "write", reason: "exists and is not a regular file")
        }
    } else if errno != ENOENT {
        throw failure("write")
    }

    let slash = path.lastIndex(of: "/")
    let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw failure("create temporary file for") }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var renamed = false
    defer { if !renamed { unlink(temporary) } }

    do {
        defer { close(fd) }
        guard fchmod(fd, mode_t(mode)) == 0 else { throw failure("set mode 0\(String(mode, radix: 8)) on") }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("write")
            }
            written += count
        }
        guard fsync(fd) == 0 else { throw failure("sync") }
    }
    guard rename(temporary, path) == 0 else { throw failure("replace") }
    renamed = true
    let directoryFD = open(directory, O_RDONLY | O_DIRECTORY)
    if directoryFD >= 0 {
        _ = fsync(directoryFD)  // best effort: the rename itself is already atomic
        close(directoryFD)
    }
}
