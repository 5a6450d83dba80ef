import Foundation
import MaildexTesting
import Testing

@Suite(.enabled(if: CLI.isBuilt, "build maildexd first (scripts/test.sh does)"))
struct MaildexdDevTests {
    /// `maildexd --dev` prepares data, certificate and demo user, and says that no front end listens yet.
    @Test func devPreparesDataCertificateAndDemoUser() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try ChildProcess.run(CLI.packageRoot + "/.build/debug/maildexd", ["--dev", "--dev-data", dir.path("dev")])
        let text = run.stdout
        #expect(run.status == 0)
        #expect(text.contains("demo user 'demo', password '") && text.contains("not built yet"))
        #expect(FileManager.default.fileExists(atPath: dir.path("dev/tls/server.crt")))
        let keyMode = try FileManager.default.attributesOfItem(atPath: dir.path("dev/tls/server.key"))[.posixPermissions] as? Int
        #expect(keyMode == 0o600)
        // The demo user exists and has the welcome message.
        let status = try CLI(data: dir.path("dev")).run(["mailbox", "status", "demo", "INBOX", "--json"])
        #expect(status.stdout.contains("\"messages\" : 1"), "\(status.stdout) \(status.stderr)")
    }
}
