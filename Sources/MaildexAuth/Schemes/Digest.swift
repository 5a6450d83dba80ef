import COpenSSL

/// Thin wrappers over libcrypto's EVP one-shot functions, the primitives the password schemes use.
enum Digest {
    enum Algorithm: Sendable {
        case md5, sha1, sha256, sha512

        var length: Int {
            switch self {
            case .md5: 16
            case .sha1: 20
            case .sha256: 32
            case .sha512: 64
            }
        }

        fileprivate var evp: OpaquePointer? {
            switch self {
            case .md5: EVP_md5()
            case .sha1: EVP_sha1()
            case .sha256: EVP_sha256()
            case .sha512: EVP_sha512()
            }
        }
    }

    /// `algorithm(data)` through `EVP_Digest`.
    static func hash(_ algorithm: Algorithm, _ data: [UInt8]) throws(CryptoFailure) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var size: UInt32 = 0
        let ok = data.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &output, &size, algorithm.evp, nil)
        }
        guard ok == 1, Int(size) == algorithm.length else { throw CryptoFailure(operation: "EVP_Digest") }
        return Array(output.prefix(Int(size)))
    }

    /// PBKDF2-HMAC (RFC 8018 §5.2) through `PKCS5_PBKDF2_HMAC`.
    static func pbkdf2(_ algorithm: Algorithm, password: [UInt8], salt: [UInt8], rounds: Int, length: Int) throws(CryptoFailure) -> [UInt8] {
        guard rounds > 0, rounds <= Int(Int32.max) else { throw CryptoFailure(operation: "PKCS5_PBKDF2_HMAC (rounds out of range)") }
        var output = [UInt8](repeating: 0, count: length)
        let ok = password.withUnsafeBytes { pass in
            salt.withUnsafeBytes { saltBytes in
                PKCS5_PBKDF2_HMAC(
                    pass.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(pass.count),
                    saltBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(saltBytes.count),
                    Int32(rounds), algorithm.evp, Int32(length), &output)
            }
        }
        guard ok == 1 else { throw CryptoFailure(operation: "PKCS5_PBKDF2_HMAC") }
        return output
    }

    /// `count` bytes from `RAND_bytes`, for salts.
    static func randomBytes(_ count: Int) throws(CryptoFailure) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&output, Int32(count)) == 1 else { throw CryptoFailure(operation: "RAND_bytes") }
        return output
    }

    /// Compares two byte strings in time that depends only on their lengths.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}

/// A libcrypto or libcrypt call failed; the system is short of entropy or memory, or broken.
public struct CryptoFailure: Error, CustomStringConvertible, Equatable {
    /// The C function that failed.
    public var operation: String
    public var description: String { "cryptographic operation failed: \(operation)" }
}
