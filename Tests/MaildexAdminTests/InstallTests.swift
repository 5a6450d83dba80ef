import Foundation
import MaildexTesting
import Testing

/// `scripts/install.sh` stages the binaries, the systemd unit and the example configuration;
/// an existing configuration is kept; the example parses (it fails only on its certificate paths).
@Suite(.enabled(if: CLI.isBuilt, "build mailadm and maildexd first (scripts/test.sh does)"))
struct InstallTests {
    @Test func installStagesFilesAndKeepsAnExistingConfiguration() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let stage = dir.path("stage")
        let env = "DESTDIR=\(stage) BIN_DIR=\(CLI.packageRoot)/.build/debug"
        let first = try ChildProcess.run("/bin/sh", ["-c", "\(env) \(CLI.packageRoot)/scripts/install.sh"])
        #expect(first.status == 0, "\(first.stderr)")
        func mode(_ path: String) throws -> Int? { try FileManager.default.attributesOfItem(atPath: stage + path)[.posixPermissions] as? Int }
        #expect(try mode("/usr/local/sbin/maildexd") == 0o755 && mode("/usr/local/sbin/mailadm") == 0o755)
        #expect(try mode("/etc/maildex/maildex.conf") == 0o640)
        let unit = try String(contentsOfFile: stage + "/etc/systemd/system/maildexd.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/local/sbin/maildexd -c /etc/maildex/maildex.conf"))

        try "protocols = imap\n".write(toFile: stage + "/etc/maildex/maildex.conf", atomically: false, encoding: .utf8)
        let second = try ChildProcess.run("/bin/sh", ["-c", "\(env) \(CLI.packageRoot)/scripts/install.sh"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try String(contentsOfFile: stage + "/etc/maildex/maildex.conf", encoding: .utf8) == "protocols = imap\n")

        let check = try ChildProcess.run(CLI.mailadm, ["config", "check", "-c", CLI.packageRoot + "/contrib/maildex.conf"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("maildex.conf:5:") && check.stderr.contains("/etc/maildex/tls/server.crt"), "\(check.stderr)")
    }
}
