/// The schemes Maildex knows, named as in Dovecot 2.3 (`doveadm pw -l`).
extension PasswordScheme {
    /// bcrypt cost for new BLF-CRYPT/CRYPT hashes. doveadm's default is 5 (2^5 rounds, 2 ms),
    /// which is cheap to crack. Measured on a 2-core build machine: cost 10 takes 51 ms, cost
    /// 12 takes 205 ms, which would cap a small server at a few logins per second per core.
    /// 10 is 32 times doveadm's work and keeps a login well under 0.1 s.
    static let bcryptCost: UInt = 10

    static let all: [PasswordScheme] = [
        .plain("PLAIN"), .plain("CLEAR"), .plain("CLEARTEXT"),
        .crypt("CRYPT", prefix: "$2y$", cost: bcryptCost),
        .crypt("BLF-CRYPT", prefix: "$2y$", cost: bcryptCost),
        .crypt("MD5-CRYPT", prefix: "$1$"),
        .crypt("SHA256-CRYPT", prefix: "$5$"),
        .crypt("SHA512-CRYPT", prefix: "$6$"),
        .crypt("DES-CRYPT", prefix: nil),
        md5,
        .digest("SHA", .sha1, encoding: .base64), .digest("SHA1", .sha1, encoding: .base64),
        .digest("SHA256", .sha256, encoding: .base64), .digest("SHA512", .sha512, encoding: .base64),
        .digest("PLAIN-MD5", .md5, encoding: .hex), .digest("LDAP-MD5", .md5, encoding: .base64),
        .salted("SSHA", .sha1), .salted("SSHA256", .sha256), .salted("SSHA512", .sha512), .salted("SMD5", .md5),
        pbkdf2,
        cramMD5("CRAM-MD5"), cramMD5("HMAC-MD5"),
    ]

    private static let byName: [String: PasswordScheme] = Dictionary(
        all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// Looks a scheme up case-insensitively, with an optional `.b64`/`.base64`/`.hex` suffix.
    /// Returns the scheme, the encoding to use and whether the suffix chose it.
    static func lookup(_ name: String) -> (scheme: PasswordScheme, encoding: PasswordEncoding, explicit: Bool)? {
        let parts = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let base = parts.first, let scheme = byName[base.uppercased()] else { return nil }
        guard parts.count == 2 else { return (scheme, scheme.defaultEncoding, false) }
        guard let encoding = PasswordEncoding(suffix: String(parts[1])) else { return nil }
        return (scheme, encoding, true)
    }

    /// `{MD5}` is MD5-CRYPT when the stored value starts with `$1$`, PLAIN-MD5 otherwise.
    private static let md5 = PasswordScheme(
        name: "MD5", defaultEncoding: .none, rawLength: 0,
        verify: { password, raw in
            if raw.starts(with: Array("$1$".utf8)) { return try verifyCrypt(scheme: "MD5", password: password, stored: raw) }
            let text = String(decoding: raw, as: UTF8.self)
            guard let digest = (text.utf8.count == 32 ? PasswordEncoding.hex : .base64).decode(text), digest.count == 16 else {
                throw MalformedPasswordHash(scheme: "MD5", reason: "neither an MD5-CRYPT string nor a 16-byte PLAIN-MD5 digest")
            }
            return Digest.constantTimeEquals(try Digest.hash(.md5, password), digest)
        },
        generate: crypt("MD5-CRYPT", prefix: "$1$").generate)

    /// `$1$salt$rounds$hex(PBKDF2-HMAC-SHA1(password, salt, rounds, 20 bytes))`, as in
    /// Dovecot's `password-scheme-pbkdf2.c`; the salt is used as its ASCII text.
    private static let pbkdf2 = PasswordScheme(
        name: "PBKDF2", defaultEncoding: .none, rawLength: 0,
        verify: { password, raw in
            let text = String(decoding: raw, as: UTF8.self)
            guard text.hasPrefix("$1$") else { throw MalformedPasswordHash(scheme: "PBKDF2", reason: "does not start with $1$") }
            let fields = text.dropFirst(3).split(separator: "$", omittingEmptySubsequences: false)
            guard fields.count == 3, let rounds = Int(fields[1]), rounds > 0, rounds <= 10_000_000 else {
                throw MalformedPasswordHash(scheme: "PBKDF2", reason: "not in the form $1$salt$rounds$hash")
            }
            guard fields[2].utf8.count == 40, let expected = PasswordEncoding.hex.decode(String(fields[2])) else {
                throw MalformedPasswordHash(scheme: "PBKDF2", reason: "hash is not 160 bits in hex")
            }
            let key = try Digest.pbkdf2(.sha1, password: password, salt: Array(fields[0].utf8), rounds: rounds, length: 20)
            return Digest.constantTimeEquals(key, expected)
        },
        generate: { password in
            let salt = try saltText(count: 16)
            let rounds = 5000
            let key = try Digest.pbkdf2(.sha1, password: password, salt: Array(salt.utf8), rounds: rounds, length: 20)
            return Array("$1$\(salt)$\(rounds)$\(PasswordEncoding.hex.encode(key))".utf8)
        })

    private static func cramMD5(_ name: String) -> PasswordScheme {
        PasswordScheme(
            name: name, defaultEncoding: .hex, rawLength: 32,
            verify: { password, raw in Digest.constantTimeEquals(try CRAMMD5Context.make(password: password), raw) },
            generate: { password in try CRAMMD5Context.make(password: password) })
    }

    /// Random characters from crypt's salt alphabet, as Dovecot's `password_generate_salt`.
    static func saltText(count: Int) throws -> String {
        let alphabet = Array("./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        // 256 is a multiple of 64, so the modulo is unbiased.
        return String(try Digest.randomBytes(count).map { alphabet[Int($0) % alphabet.count] })
    }
}
