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

@Suite(.enabled(if: CLI.isBuilt, "build maildexd first (scripts/test.sh does)"))
struct MaildexdConfigTests {
    static var maildexd: String { CLI.packageRoot + "/.build/debug/maildexd" }

    /// At start-up the configuration is checked: errors stop it with file and line, a passwd-file
    /// readable by others is a warning (the front ends are not built yet, so it then exits 69).
    @Test func startupChecksTheConfiguration() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let users = dir.path("users")
        try "alice:{PLAIN}x::::::\n".write(toFile: users, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: users)
        let conf = dir.path("maildex.conf")
        try "state_dir = \(dir.path("data"))\npassdb {\n  driver = passwd-file\n  args = \(users)\n}\n".write(toFile: conf, atomically: true, encoding: .utf8)
        let started = try ChildProcess.run(Self.maildexd, ["-c", conf])
        #expect(started.status == 69 && started.stderr.contains("warning") && started.stderr.contains(users), "\(started.stderr)")
        #expect(started.stderr.contains("not built yet"))
        try "state_dir = \(dir.path("data"))\npassdb {\n  driver = shadow\n}\n".write(toFile: conf, atomically: true, encoding: .utf8)
        let broken = try ChildProcess.run(Self.maildexd, ["-c", conf])
        #expect(broken.status == 1 && broken.stderr.contains("maildex.conf:3: unsupported passdb driver 'shadow'"), "\(broken.stderr)")
    }
}
