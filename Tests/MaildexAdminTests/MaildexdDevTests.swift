import Foundation
import MaildexTesting
import Testing

@Suite(.enabled(if: CLI.isBuilt, "build maildexd first (scripts/test.sh does)"))
struct MaildexdDevTests {
    /// `maildexd --dev` prepares data, certificate and demo user, serves POP3 and LMTP on loopback,
    /// and stops cleanly on SIGTERM.
    @Test(.timeLimit(.minutes(1))) func devServesPOP3AndStopsOnSIGTERM() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let daemon = try DaemonProcess(CLI.packageRoot + "/.build/debug/maildexd", ["--dev", "--dev-data", dir.path("dev"), "--ephemeral-ports"])
        try #require(await daemon.waitForOutput("with Ctrl-C"), "\(daemon.stdout) \(daemon.stderr)")  // "stop with Ctrl-C." since the IMAP commit
        let text = daemon.stdout
        #expect(text.contains("demo user 'demo', password '"), "\(text)")
        #expect(text.contains("IMAP (STARTTLS) listening on 127.0.0.1:") && text.contains("IMAP (TLS) listening on 127.0.0.1:"), "\(text)")
        let password = text.split(separator: "'")[3]
        let pop3 = try #require(text.split(separator: "\n").first { $0.contains("POP3 (STLS) listening on 127.0.0.1:") })
        let port = try #require(pop3.split(separator: ":").last)
        let login = try await ChildProcess.run("/usr/bin/env", ["python3", "-c", """
            import poplib, ssl
            tls = ssl.create_default_context(); tls.check_hostname = False; tls.verify_mode = ssl.CERT_NONE
            pop = poplib.POP3('127.0.0.1', \(port)); pop.stls(context=tls)
            pop.user('demo'); pop.pass_('\(password)'); print('stat', pop.stat()); pop.quit()
            """])
        #expect(login.stdout.contains("stat (1,"), "the welcome message: \(login.stdout) \(login.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path("dev/tls/server.crt")))
        let keyMode = try FileManager.default.attributesOfItem(atPath: dir.path("dev/tls/server.key"))[.posixPermissions] as? Int
        #expect(keyMode == 0o600)
        let saved = try String(contentsOfFile: dir.path("dev/demo-password"), encoding: .utf8)
        #expect(saved == "\(password)\n")
        let passwordMode = try FileManager.default.attributesOfItem(atPath: dir.path("dev/demo-password"))[.posixPermissions] as? Int
        #expect(passwordMode == 0o600)
        #expect(try await daemon.terminate() == 0)
        #expect(daemon.stdout.contains("stopped"), "\(daemon.stdout)")
    }
}

@Suite(.enabled(if: CLI.isBuilt, "build maildexd first (scripts/test.sh does)"))
struct MaildexdConfigTests {
    static var maildexd: String { CLI.packageRoot + "/.build/debug/maildexd" }

    /// At start-up the configuration is checked: errors stop it with file and line, a passwd-file
    /// readable by others is a warning.
    @Test func startupChecksTheConfiguration() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let users = dir.path("users")
        try "alice:{PLAIN}x::::::\n".write(toFile: users, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: users)
        let conf = dir.path("maildex.conf")
        try "ssl = no\nstate_dir = \(dir.path("data"))\npassdb {\n  driver = passwd-file\n  args = \(users)\n}\n".write(toFile: conf, atomically: false, encoding: .utf8)
        let checked = try await ChildProcess.run(Self.maildexd, ["-c", conf, "--check"])
        #expect(checked.status == 0 && checked.stderr.contains("warning") && checked.stderr.contains(users), "\(checked.stderr)")
        try "ssl = no\nstate_dir = \(dir.path("data"))\npassdb {\n  driver = shadow\n}\n".write(toFile: conf, atomically: false, encoding: .utf8)
        let broken = try await ChildProcess.run(Self.maildexd, ["-c", conf])
        #expect(broken.status == 1 && broken.stderr.contains("maildex.conf:4: unsupported passdb driver 'shadow'"), "\(broken.stderr)")
    }
}
