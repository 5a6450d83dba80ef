/// One password scheme as Dovecot defines it (`src/auth/password-scheme.c`): how its raw
/// bytes are encoded by default, their fixed length (0 when variable), and how to verify and
/// generate them.
struct PasswordScheme: Sendable {
    typealias Verify = @Sendable (_ password: [UInt8], _ raw: [UInt8]) throws -> Bool
    typealias Generate = @Sendable (_ password: [UInt8]) throws -> [UInt8]

    let name: String
    let defaultEncoding: PasswordEncoding
    let rawLength: Int
    let verify: Verify
    let generate: Generate?

    /// An unsalted digest of the password; verified by generating and comparing.
    static func digest(_ name: String, _ algorithm: Digest.Algorithm, encoding: PasswordEncoding) -> PasswordScheme {
        let generate: Generate = { password in try Digest.hash(algorithm, password) }
        return PasswordScheme(
            name: name, defaultEncoding: encoding, rawLength: algorithm.length,
            verify: { password, raw in Digest.constantTimeEquals(try generate(password), raw) },
            generate: generate)
    }

    /// The password itself.
    static func plain(_ name: String) -> PasswordScheme {
        PasswordScheme(
            name: name, defaultEncoding: .none, rawLength: 0,
            verify: { password, raw in Digest.constantTimeEquals(password, raw) },
            generate: { $0 })
    }

    /// `digest(password + salt) + salt` with a 4-byte salt (SSHA, SSHA256, SSHA512, SMD5).
    static func salted(_ name: String, _ algorithm: Digest.Algorithm) -> PasswordScheme {
        PasswordScheme(
            name: name, defaultEncoding: .base64, rawLength: 0,
            verify: { password, raw in
                guard raw.count > algorithm.length else {
                    throw MalformedPasswordHash(scheme: name, reason: "shorter than the \(algorithm.length)-byte digest plus a salt")
                }
                let salt = Array(raw[algorithm.length...])
                return Digest.constantTimeEquals(try Digest.hash(algorithm, password + salt), Array(raw.prefix(algorithm.length)))
            },
            generate: { password in
                let salt = try Digest.randomBytes(4)
                return try Digest.hash(algorithm, password + salt) + salt
            })
    }

    /// A crypt(3) string, verified by libcrypt whatever its method; new hashes use `prefix`
    /// and `cost` (nil: verify only).
    static func crypt(_ name: String, prefix: String?, cost: UInt = 0) -> PasswordScheme {
        PasswordScheme(
            name: name, defaultEncoding: .none, rawLength: 0,
            verify: { password, raw in try verifyCrypt(scheme: name, password: password, stored: raw) },
            generate: prefix.map { cryptGenerator(prefix: $0, cost: cost) })
    }

    private static func cryptGenerator(prefix: String, cost: UInt) -> Generate {
        return { (password: [UInt8]) throws -> [UInt8] in
            let setting = try CryptFunction.makeSetting(prefix: prefix, cost: cost)
            guard let hash = CryptFunction.hash(password, setting: setting) else {
                throw CryptoFailure(operation: "crypt_r(\(prefix))")
            }
            return Array(hash.utf8)
        }
    }

    static func verifyCrypt(scheme: String, password: [UInt8], stored raw: [UInt8]) throws -> Bool {
        let stored = String(decoding: raw, as: UTF8.self)
        // An empty field would make some crypt implementations match anything; "!" and "*"
        // mark locked accounts in /etc/shadow style files.
        guard let first = stored.first, first != "!", first != "*" else { return false }
        guard !password.contains(0) else { return false }
        guard let hash = CryptFunction.hash(password, setting: stored) else {
            throw MalformedPasswordHash(scheme: scheme, reason: "crypt(3) does not support this hash's method, or its salt is malformed")
        }
        return Digest.constantTimeEquals(Array(hash.utf8), raw)
    }
}
