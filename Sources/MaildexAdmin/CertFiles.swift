import Foundation
import MaildexCertificates
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing the files of `mailadm cert`: keys go through ``PrivateKey/write(to:)``
/// (mode 0600); requests and certificates are public and written with mode 0644.
enum CertFiles {
    /// Refuses to replace `path` (a file, a symbolic link, even a dangling one) unless `force`.
    static func refuseExisting(_ path: String, force: Bool) throws {
        var status = stat()
        guard !force, lstat(path, &status) == 0 else { return }
        throw AdminError("\(path) already exists; use --force to replace it")
    }

    /// A text file's content; the error names the file and the system's reason.
    static func readText(_ path: String, what: String) throws -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw AdminError("cannot read \(what) \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw AdminError("cannot read \(what) \(path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes += buffer[..<count]
            guard bytes.count <= 1_048_576 else { throw AdminError("\(what) \(path) is larger than 1 MB; is it the right file?") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads a PEM private key (PKCS#8 or the traditional RSA/EC forms).
    static func readKey(_ path: String) throws -> PrivateKey {
        let text = try readText(path, what: "key file")
        do { return try PrivateKey(pem: text) } catch { throw AdminError("key file \(path): \(error)") }
    }

    /// Writes public PEM text (a request, a certificate) with mode 0644.
    static func writePublic(_ text: String, to path: String) throws {
        do { try writeFileAtomically(Array(text.utf8), to: path, mode: 0o644) } catch { throw AdminError("cannot \(error)") }
    }

    /// Writes a key with mode 0600, naming the file in the error.
    static func writeKey(_ key: PrivateKey, to path: String) throws {
        do { try key.write(to: path) } catch { throw AdminError("\(error)") }
    }
}
