import Foundation
import MaildexAuth
import MaildexCertificates
import MaildexCore
import MaildexIndex
import MaildexStore

/// The embedded defaults of `maildexd --dev`: a data directory under the current directory,
/// a self-signed certificate for localhost, and a demo user whose password is kept in a file
/// (mode 0600) so that it can be printed at every start.
public struct DevEnvironment: Sendable {
    public var dataDirectory: String
    public var certificatePath: String { dataDirectory + "/tls/server.crt" }
    public var keyPath: String { dataDirectory + "/tls/server.key" }
    public var demoUser = "demo"
    public var demoPasswordPath: String { dataDirectory + "/demo-password" }

    public init(dataDirectory: String = ".maildex-dev") {
        self.dataDirectory = dataDirectory
    }

    /// Creates whatever is missing and returns the demo password.
    public func prepare() async throws -> String {
        let store = try MailStore(configuration: StoreConfiguration(dataDirectory: dataDirectory))
        if !FileManager.default.fileExists(atPath: certificatePath) {
            try FileManager.default.createDirectory(atPath: dataDirectory + "/tls", withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let key = try PrivateKey.generate()
            try key.write(to: keyPath)
            let cert = try Certificate.selfSigned(key: key, subject: DistinguishedName(commonName: "localhost"),
                                                  alternativeNames: ["localhost", "127.0.0.1"], days: 825)
            try Data(cert.pem.utf8).write(to: URL(fileURLWithPath: certificatePath))
        }
        let user = try Username(demoUser)
        if let saved = try? String(contentsOfFile: demoPasswordPath, encoding: .utf8), try store.global.user(user) != nil {
            return saved.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let password = Self.randomPassword()
        if var record = try store.global.user(user) {
            record.passwordHash = try PasswordHash.generate(password)
            try store.global.updateUser(record)
        } else {
            let record = try await store.addUser(user, passwordHash: try PasswordHash.generate(password))
            try await store.userStore(for: record).deliver(Array(Self.welcome.utf8))
        }
        try writeFileAtomically(Array((password + "\n").utf8), to: demoPasswordPath, mode: 0o600)
        return password
    }

    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
    }

    static let welcome = """
        From: Maildex <postmaster@localhost>\r
        To: demo@localhost\r
        Subject: Welcome to Maildex\r
        Message-ID: <welcome@maildex.localhost>\r
        Date: Sun, 29 Nov 2026 00:00:00 +0000\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        This message was delivered by `maildexd --dev` when it created the demo user.\r

        """
}
