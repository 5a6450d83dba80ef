import Foundation
import MaildexAuth
import MaildexTesting
import Testing

@Suite struct PasswordHashTests {
    @Test func vectorFileCoversEveryRequiredScheme() {
        let schemes = Set(DoveadmVector.all.map { $0.scheme.uppercased() })
        let required = ["PLAIN", "CLEAR", "CRYPT", "MD5-CRYPT", "SHA256-CRYPT", "SHA512-CRYPT", "BLF-CRYPT", "SSHA", "SSHA256",
                        "SSHA512", "SHA", "SHA256", "SHA512", "PBKDF2", "CRAM-MD5", "SHA256.HEX", "PLAIN.B64",
                        "PLAIN-MD5", "LDAP-MD5", "SMD5"]
        #expect(DoveadmVector.all.count > 100)
        for scheme in required { #expect(schemes.contains(scheme), "no vector for \(scheme)") }
        #expect(DoveadmVector.all.contains { $0.hash.hasPrefix("{CRYPT}$y$") }, "no yescrypt vector")
        #expect(DoveadmVector.all.contains { $0.password.isEmpty })
    }

    @Test(arguments: DoveadmVector.all)
    func doveadmHashVerifies(_ vector: DoveadmVector) throws {
        #expect(try PasswordHash.verify(vector.password, against: vector.hash))
        #expect(try !PasswordHash.verify(vector.password + "x", against: vector.hash))
        #expect(try !PasswordHash.verify("Secret", against: vector.hash))
    }

    /// A bare crypt string (as in /etc/shadow or passwd-file with `scheme=CRYPT`).
    @Test(arguments: DoveadmVector.all.filter { $0.hash.hasPrefix("{CRYPT}") || $0.hash.hasPrefix("{SHA512-CRYPT}") })
    func bareCryptStringVerifiesWithCryptDefault(_ vector: DoveadmVector) throws {
        let bare = String(vector.hash.drop { $0 != "}" }.dropFirst())
        #expect(try PasswordHash.verify(vector.password, against: bare, defaultScheme: "CRYPT"))
        #expect(try !PasswordHash.verify(vector.password + "x", against: bare, defaultScheme: "CRYPT"))
    }

    @Test func bareMD5CryptIsDetectedWhateverTheDefault() throws {
        let hash = try #require(DoveadmVector.all.first { $0.hash.hasPrefix("{MD5-CRYPT}$1$") && $0.password == "secret" })
        let bare = String(hash.hash.dropFirst("{MD5-CRYPT}".count))
        #expect(try PasswordHash.verify("secret", against: bare, defaultScheme: "PLAIN"))
    }

    @Test(arguments: [
        ("secret", "secret", "PLAIN", true),
        ("secret", "secreT", "PLAIN", false),
        ("secret", "{plain}secret", "CRYPT", true),            // scheme names are case-insensitive
        ("secret", "{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=", "PLAIN", true),
        ("secret", "{SHA}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4", "PLAIN", true), // hex guessed by length
        ("secret", "{SHA.hex}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4", "PLAIN", true),
        ("", "{PLAIN}", "PLAIN", true),
        ("a\u{0}b", "{PLAIN}a", "PLAIN", false),                // NUL never matches
    ])
    func verifyTable(password: String, stored: String, defaultScheme: String, expected: Bool) throws {
        #expect(try PasswordHash.verify(password, against: stored, defaultScheme: defaultScheme) == expected)
    }

    @Test(arguments: ["{ARGON2ID}$argon2id$v=19$x", "{SHA.XYZ}abc", "{}abc"])
    func unknownSchemeIsAClearError(_ stored: String) {
        #expect(throws: UnknownPasswordScheme.self) { try PasswordHash.verify("secret", against: stored) }
    }

    @Test(arguments: ["{SHA}not base64!", "{SHA}AAAA", "{SSHA}AAAA", "{PBKDF2}$1$salt$x$abc", "{PBKDF2}nope",
                      "{CRAM-MD5}abcd", "{SHA512-CRYPT}$9$unknown$method", "{MD5}zz"])
    func malformedHashIsAClearErrorWithoutTheHash(_ stored: String) {
        let error = #expect(throws: MalformedPasswordHash.self) { try PasswordHash.verify("secret", against: stored) }
        let data = String(stored.drop { $0 != "}" }.dropFirst())
        if let error, data.count > 3 { #expect(!error.description.contains(data)) }
    }

    @Test func lockedCryptEntriesNeverMatch() throws {
        #expect(try !PasswordHash.verify("", against: "{CRYPT}"))
        #expect(try !PasswordHash.verify("x", against: "!", defaultScheme: "CRYPT"))
        #expect(try !PasswordHash.verify("x", against: "*", defaultScheme: "CRYPT"))
    }

    @Test(arguments: PasswordHash.generatableSchemes + ["SHA256.HEX", "PLAIN.B64", "SSHA512.HEX", "PBKDF2.B64"])
    func generatedHashRoundTrips(_ scheme: String) throws {
        for password in ["secret", "pässwörd 日本", ""] {
            let hash = try PasswordHash.generate(password, scheme: scheme)
            #expect(hash.hasPrefix("{\(scheme.uppercased())}"))
            #expect(try PasswordHash.verify(password, against: hash))
            #expect(try !PasswordHash.verify(password + "!", against: hash))
        }
    }

    @Test func generatedFormatsMatchDoveadm() throws {
        #expect(try PasswordHash.generate("x").hasPrefix("{SHA512-CRYPT}$6$"))
        #expect(try PasswordHash.generate("x", scheme: "BLF-CRYPT").hasPrefix("{BLF-CRYPT}$2y$10$"))
        let pbkdf2 = try PasswordHash.generate("x", scheme: "PBKDF2")
        #expect(pbkdf2.wholeMatch(of: /\{PBKDF2\}\$1\$[.\/0-9A-Za-z]{16}\$5000\$[0-9a-f]{40}/) != nil)
        #expect(try PasswordHash.generate("x", scheme: "SSHA512").count == "{SSHA512}".count + 92)
        #expect(try PasswordHash.generate("x", scheme: "SSHA512") != PasswordHash.generate("x", scheme: "SSHA512"))
        #expect(try PasswordHash.generate("secret", scheme: "SHA") == "{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=")
    }

    @Test func generateRejectsUnknownAndVerifyOnlySchemes() {
        #expect(throws: UnknownPasswordScheme(name: "ARGON2ID")) { try PasswordHash.generate("x", scheme: "ARGON2ID") }
        #expect(throws: PasswordSchemeNotGeneratable.self) { try PasswordHash.generate("x", scheme: "DES-CRYPT") }
    }

    static let doveadm = ["/usr/bin/doveadm", "/usr/local/bin/doveadm"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: doveadm != nil, "doveadm is not installed (apt-get install dovecot-core); cross-check skipped"),
          arguments: PasswordHash.generatableSchemes + ["SHA256.HEX", "SSHA.B64"])
    func doveadmAcceptsGeneratedHash(_ scheme: String) throws {
        for password in ["secret", "pässwörd 日本"] {
            let hash = try PasswordHash.generate(password, scheme: scheme)
            #expect(try Self.runDoveadmTest(hash: hash, password: password) == 0, "doveadm rejects \(scheme)")
            #expect(try Self.runDoveadmTest(hash: hash, password: password + "x") != 0)
        }
    }

    static func runDoveadmTest(hash: String, password: String) throws -> Int32 {
        try ChildProcess.run(try #require(doveadm), ["-O", "pw", "-t", hash, "-p", password]).status
    }
}
