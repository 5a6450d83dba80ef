import Dispatch

/// Password hashes in Dovecot's `{SCHEME}data` form, read and written exactly as
/// `doveadm pw` does (Dovecot 2.3 `password-scheme.c`).
///
/// ```
/// {SHA512-CRYPT}$6$2sE59VNI.FF2IAJf$dzVe…   crypt(3), verified by libcrypt
/// {SSHA512}RjwiWmHieiPB/5ufvpwJ…            base64(SHA-512(password + salt) + salt)
/// {SHA256.HEX}3478267b…                     a suffix overrides the default encoding
/// $y$j9T$…                                  no prefix: the default scheme (e.g. CRYPT)
/// ```
///
/// Comparisons run in constant time. Neither passwords nor hashes appear in any error.
public enum PasswordHash {
    /// The scheme for new hashes when none is named, as in Dovecot.
    public static let defaultScheme = "SHA512-CRYPT"

    /// Hashes `password` with `scheme` (case-insensitive; `.B64`/`.HEX` suffixes allowed) and
    /// returns it with its `{SCHEME}` prefix, e.g. `{SHA512-CRYPT}$6$…`.
    ///
    /// BLF-CRYPT and CRYPT use bcrypt cost 10 (doveadm's default of 5 is too cheap).
    /// Throws ``UnknownPasswordScheme``, ``PasswordSchemeNotGeneratable`` or ``CryptoFailure``.
    public static func generate(_ password: String, scheme: String = "SHA512-CRYPT") throws -> String {
        guard let (found, encoding, _) = PasswordScheme.lookup(scheme) else { throw UnknownPasswordScheme(name: scheme) }
        guard let generate = found.generate else { throw PasswordSchemeNotGeneratable(name: found.name) }
        let raw = try generate(Array(password.utf8))
        return "{\(scheme.uppercased())}" + encoding.encode(raw)
    }

    /// Whether `password` matches `stored`. A stored value without a `{SCHEME}` prefix is read
    /// with `defaultScheme` (passwd-file's `scheme=`), except that a bare `$1$salt$hash` is
    /// MD5-CRYPT, as in Dovecot.
    ///
    /// Throws ``UnknownPasswordScheme`` or ``MalformedPasswordHash`` for a stored value that
    /// cannot be checked; a wrong password is `false`, never an error.
    public static func verify(_ password: String, against stored: String, defaultScheme: String = "PLAIN") throws -> Bool {
        let (schemeName, data) = split(stored, defaultScheme: defaultScheme)
        guard let (scheme, encoding, explicit) = PasswordScheme.lookup(schemeName) else {
            throw UnknownPasswordScheme(name: schemeName)
        }
        let raw = try decode(data, scheme: scheme, encoding: encoding, explicit: explicit)
        let plaintext = Array(password.utf8)
        // Dovecot sees passwords as C strings; one with a NUL can match nothing.
        guard !plaintext.contains(0) else { return false }
        return try scheme.verify(plaintext, raw)
    }

    /// Every scheme ``generate(_:scheme:)`` accepts (without suffixes).
    public static var generatableSchemes: [String] {
        PasswordScheme.all.filter { $0.generate != nil }.map(\.name)
    }

    /// Every scheme ``verify(_:against:defaultScheme:)`` accepts (without suffixes).
    public static var verifiableSchemes: [String] { PasswordScheme.all.map(\.name) }

    /// ``verify(_:against:defaultScheme:)`` on a Dispatch thread, so that slow schemes
    /// (bcrypt, SHA512-CRYPT, PBKDF2) never hold a Swift concurrency or event-loop thread.
    /// Schemes that cost one digest are verified where the caller runs: the hop to another
    /// thread and back would cost more than they do.
    public static func verifyOffloaded(_ password: String, against stored: String, defaultScheme: String = "PLAIN") async throws -> Bool {
        if let scheme = PasswordScheme.lookup(split(stored, defaultScheme: defaultScheme).scheme)?.scheme,
           inlineSchemes.contains(scheme.name) {
            return try verify(password, against: stored, defaultScheme: defaultScheme)
        }
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try verify(password, against: stored, defaultScheme: defaultScheme) })
            }
        }
    }

    /// Schemes of at most one digest (see ``verifyOffloaded(_:against:defaultScheme:)``).
    private static let inlineSchemes: Set<String> = [
        "PLAIN", "CLEAR", "CLEARTEXT", "SHA", "SHA1", "SHA256", "SHA512", "PLAIN-MD5", "LDAP-MD5",
        "SSHA", "SSHA256", "SSHA512", "SMD5", "CRAM-MD5", "HMAC-MD5",
    ]

    static func split(_ stored: String, defaultScheme: String) -> (scheme: String, data: String) {
        if stored.hasPrefix("{"), let close = stored.firstIndex(of: "}") {
            return (String(stored[stored.index(after: stored.startIndex)..<close]), String(stored[stored.index(after: close)...]))
        }
        if stored.hasPrefix("$1$"), stored.dropFirst(3).contains("$") { return ("MD5-CRYPT", stored) }
        return (defaultScheme, stored)
    }

    /// Dovecot's `password_decode`: a fixed-length scheme without an explicit suffix accepts
    /// hex when the length fits, base64 otherwise.
    private static func decode(_ data: String, scheme: PasswordScheme, encoding: PasswordEncoding, explicit: Bool) throws -> [UInt8] {
        var encoding = encoding
        var guessed = false
        if encoding != .none, scheme.rawLength != 0, !explicit {
            encoding = data.utf8.count == scheme.rawLength * 2 ? .hex : .base64
            guessed = true
        }
        var raw = encoding.decode(data)
        if raw == nil, guessed, encoding == .hex { raw = PasswordEncoding.base64.decode(data) }
        guard let raw else { throw MalformedPasswordHash(scheme: scheme.name, reason: "not valid \(encoding == .hex ? "hex" : "base64")") }
        guard scheme.rawLength == 0 || raw.count == scheme.rawLength else {
            throw MalformedPasswordHash(scheme: scheme.name, reason: "decodes to \(raw.count) bytes instead of \(scheme.rawLength)")
        }
        return raw
    }
}
