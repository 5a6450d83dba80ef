import COpenSSL

/// A private key held by libcrypto (an `EVP_PKEY`): RSA or EC P-256.
///
/// ```swift
/// let key = try PrivateKey.generate()          // RSA 2048, like `openssl genrsa 2048`
/// try key.write(to: "/etc/maildex/tls/server.key")
/// ```
public struct PrivateKey: Sendable {
    let handle: KeyHandle

    /// The algorithm and size of this key.
    public let algorithm: KeyAlgorithm

    init(handle: KeyHandle) throws {
        self.handle = handle
        self.algorithm = try handle.algorithm()
    }

    /// Generates a fresh key with `EVP_PKEY_generate`.
    ///
    /// - Throws: ``UnsupportedKeyAlgorithm`` for an RSA size outside 2048 … 16384, ``OpenSSLError`` when libcrypto fails.
    public static func generate(_ algorithm: KeyAlgorithm = .default) throws -> PrivateKey {
        ERR_clear_error()
        let operation = "generate \(algorithm) key"
        let name: String
        switch algorithm {
        case .rsa(let bits):
            guard (KeyAlgorithm.minimumRSABits...KeyAlgorithm.maximumRSABits).contains(bits) else {
                throw UnsupportedKeyAlgorithm(detail: "RSA \(bits) bits (use \(KeyAlgorithm.minimumRSABits) to \(KeyAlgorithm.maximumRSABits))")
            }
            name = "RSA"
        case .ecP256:
            name = "EC"
        }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, name, nil) else { throw openSSLFailure(operation) }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else { throw openSSLFailure(operation) }
        switch algorithm {
        case .rsa(let bits):
            guard EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) == 1 else { throw openSSLFailure(operation) }
        case .ecP256:
            guard EVP_PKEY_CTX_set_group_name(context, "P-256") == 1 else { throw openSSLFailure(operation) }
        }
        var key: OpaquePointer?
        guard EVP_PKEY_generate(context, &key) == 1, let key else { throw openSSLFailure(operation) }
        return try PrivateKey(handle: KeyHandle(key))
    }

    /// Reads a PEM private key: PKCS#8 (`BEGIN PRIVATE KEY`) or the traditional
    /// `BEGIN RSA PRIVATE KEY` / `BEGIN EC PRIVATE KEY` forms (RFC 7468, RFC 8017, RFC 5915).
    ///
    /// - Throws: ``InvalidPEM`` for text without a key or with an encrypted key (never prompts),
    ///   ``UnsupportedKeyAlgorithm`` for keys other than RSA ≥ 2048 bits and EC P-256.
    public init(pem: String) throws {
        try self.init(handle: KeyHandle(pem: pem))
    }

    /// The key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), as `openssl genpkey` writes it.
    public var pem: String {
        // Writing an unencrypted key to a memory BIO only fails when memory runs out.
        (try? writeToString("write private key PEM") { bio in
            PEM_write_bio_PrivateKey(bio, handle.pointer, nil, nil, 0, nil, nil)
        }) ?? ""
    }
}

/// Owns one `EVP_PKEY` and frees it. libcrypto keys are safe to share for reading
/// (signing, comparing, encoding) across threads, hence `@unchecked Sendable`.
final class KeyHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { EVP_PKEY_free(pointer) }

    /// Parses any PEM private key libcrypto reads, without prompting for a pass phrase.
    convenience init(pem: String) throws {
        ERR_clear_error()
        if pem.contains("ENCRYPTED") {
            throw InvalidPEM(kind: "PRIVATE KEY", reason: "the key is encrypted; decrypt it first (openssl pkey -in key -out plain.key)")
        }
        guard pem.contains("-----BEGIN") else {
            throw InvalidPEM(kind: "PRIVATE KEY", reason: "no \"-----BEGIN … PRIVATE KEY-----\" block")
        }
        let key = try withReadBIO(pem, "read private key PEM") { bio in
            PEM_read_bio_PrivateKey(bio, nil, refusePassphrase, nil)
        }
        guard let key else {
            throw InvalidPEM(kind: "PRIVATE KEY", reason: drainOpenSSLErrors().joined(separator: "; "))
        }
        self.init(key)
    }

    /// `RSA 2048`, `EC P-256`, or a description of what else it is (`EC secp384r1`, `ED25519 256`).
    var typeDescription: String { (try? algorithm())?.description ?? rawTypeDescription }

    private var rawTypeDescription: String {
        let bits = EVP_PKEY_get_bits(pointer)
        switch EVP_PKEY_get_base_id(pointer) {
        case EVP_PKEY_RSA: return "RSA \(bits)"
        case EVP_PKEY_EC: return "EC \(groupName ?? "unknown curve")"
        default:
            let name = EVP_PKEY_get0_type_name(pointer).map { String(cString: $0) } ?? "unknown"
            return "\(name) \(bits)"
        }
    }

    func algorithm() throws -> KeyAlgorithm {
        switch EVP_PKEY_get_base_id(pointer) {
        case EVP_PKEY_RSA:
            let bits = Int(EVP_PKEY_get_bits(pointer))
            guard bits >= KeyAlgorithm.minimumRSABits else {
                throw UnsupportedKeyAlgorithm(detail: "RSA \(bits) bits is too short (at least \(KeyAlgorithm.minimumRSABits))")
            }
            return .rsa(bits: bits)
        case EVP_PKEY_EC where groupName == "prime256v1":
            return .ecP256
        default:
            throw UnsupportedKeyAlgorithm(detail: rawTypeDescription)
        }
    }

    private var groupName: String? {
        var buffer = [CChar](repeating: 0, count: 80)
        var length = 0
        guard EVP_PKEY_get_group_name(pointer, &buffer, buffer.count, &length) == 1 else {
            ERR_clear_error()
            return nil
        }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
