#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a small text file (a PEM key or certificate); the error carries `strerror(errno)`,
/// e.g. `No such file or directory` or `Permission denied`, which is what an operator needs.
func readTextFile(_ path: String, role: String) throws -> String {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
        throw CertificateFileError(path: path, operation: "cannot read \(role)", reason: String(cString: strerror(errno)))
    }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16_384)
    while true {
        let count = read(fd, &chunk, chunk.count)
        if count < 0, errno == EINTR { continue }
        guard count >= 0 else {
            throw CertificateFileError(path: path, operation: "cannot read \(role)", reason: String(cString: strerror(errno)))
        }
        if count == 0 { break }
        bytes += chunk[0..<count]
        guard bytes.count <= 10 << 20 else {
            throw CertificateFileError(path: path, operation: "cannot read \(role)", reason: "larger than 10 MiB; not a PEM file")
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
