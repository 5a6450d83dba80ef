import COpenSSL
import Foundation

/// An X.509 certificate (RFC 5280) held by libcrypto.
///
/// ```swift
/// let chain = try Certificate.chain(pem: String(contentsOfFile: "/etc/maildex/tls/server.crt"))
/// chain[0].covers(hostname: "mail.example.com")   // true
/// ```
public struct Certificate: Sendable {
    let handle: CertificateHandle

    init(handle: CertificateHandle) { self.handle = handle }

    /// Reads the first `CERTIFICATE` block of `pem` (RFC 7468 §5); text around it and later blocks are ignored.
    ///
    /// - Throws: ``InvalidPEM`` when there is no such block or libcrypto cannot decode it.
    public init(pem: String) throws {
        guard let first = Self.blocks(in: pem).first else { throw Self.noBlock }
        self.init(handle: try CertificateHandle(block: first, number: 1))
    }

    /// Every `CERTIFICATE` block in `pem`, in file order: a leaf followed by its intermediates,
    /// or a bundle of roots.
    ///
    /// - Throws: ``InvalidPEM`` when there is no block at all, or naming the first block that does not decode.
    public static func chain(pem: String) throws -> [Certificate] {
        let blocks = blocks(in: pem)
        guard !blocks.isEmpty else { throw noBlock }
        return try blocks.enumerated().map { index, block in
            Certificate(handle: try CertificateHandle(block: block, number: index + 1))
        }
    }

    /// The certificate as PEM (`-----BEGIN CERTIFICATE-----`).
    public var pem: String {
        // Writing to a memory BIO only fails when memory runs out.
        (try? writeToString("write certificate PEM") { PEM_write_bio_X509($0, handle.pointer) }) ?? ""
    }

    private static let noBlock = InvalidPEM(kind: "CERTIFICATE", reason: "no \"-----BEGIN CERTIFICATE-----\" block")

    private static let begin = "-----BEGIN CERTIFICATE-----"
    private static let end = "-----END CERTIFICATE-----"

    /// The text of each BEGIN/END CERTIFICATE pair; an unterminated block is kept so that decoding reports it.
    static func blocks(in text: String) -> [Substring] {
        var blocks: [Substring] = []
        var rest = text[...]
        while let start = rest.range(of: begin) {
            guard let stop = rest[start.upperBound...].range(of: end) else {
                blocks.append(rest[start.lowerBound...])
                break
            }
            blocks.append(rest[start.lowerBound..<stop.upperBound])
            rest = rest[stop.upperBound...]
        }
        return blocks
    }
}

/// Owns one `X509` and frees it. Read-only use of a parsed certificate is thread-safe in libcrypto
/// (its extension cache is filled under a lock), hence `@unchecked Sendable`.
final class CertificateHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { X509_free(pointer) }

    /// Decodes one PEM block; `number` (1-based) names it in the error.
    convenience init(block: Substring, number: Int) throws {
        ERR_clear_error()
        let certificate = try withReadBIO(String(block) + "\n", "read certificate PEM") { bio in
            PEM_read_bio_X509(bio, nil, refusePassphrase, nil)
        }
        guard let certificate else {
            let queue = drainOpenSSLErrors()
            throw InvalidPEM(kind: "CERTIFICATE", reason: "block \(number) does not decode: \(queue.isEmpty ? "unknown error" : queue.joined(separator: "; "))")
        }
        self.init(certificate)
    }
}
