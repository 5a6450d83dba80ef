import Foundation
import Glibc
import MaildexAuth
import MaildexTesting
import Testing

/// PAM against a real system user, created here and removed afterwards. Needs root (to add
/// the user and for pam_unix to read /etc/shadow), as in CI.
@Suite(.serialized, .enabled(if: getuid() == 0, "PAM tests need root to create a system user and read /etc/shadow; skipped"))
struct PAMTests {
    static let user = "maildex-pamtest"
    static let password = "Pam-test pässword 42"

    static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> Int32 {
        try ChildProcess.run(executable, arguments, stdin: input).status
    }

    /// scripts/install-pam-service.sh, found from this file's path.
    static var installScript: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/install-pam-service.sh").path
    }

    @Test func realSystemUser() async throws {
        if !FileManager.default.fileExists(atPath: "/etc/pam.d/maildex") {
            #expect(try Self.run("/bin/sh", [Self.installScript]) == 0)
        }
        _ = try? Self.run("/usr/sbin/userdel", [Self.user])
        try #require(try Self.run("/usr/sbin/useradd", ["-M", "-s", "/usr/sbin/nologin", Self.user]) == 0)
        defer { _ = try? Self.run("/usr/sbin/userdel", [Self.user]) }
        try #require(try Self.run("/usr/sbin/chpasswd", [], input: "\(Self.user):\(Self.password)\n") == 0)

        let log = ProblemLog()
        let passdb = PAMPassDB(onMessage: { log.append($0) })
        #expect(try await passdb.verify(user: Self.user, password: Self.password) == .success(UserFields(username: Self.user)))
        // pam_unix sleeps ~2 s after a failure; checked once.
        #expect(try await passdb.verify(user: Self.user, password: "wrong") == .passwordMismatch)
        #expect(log.all.count == 1)
        #expect(!log.all.joined().contains("wrong"))

        let authenticator = Authenticator(passdbs: [passdb], userdbs: [SystemUserDB()])
        guard case .success(let user) = await authenticator.authenticate(user: Self.user, password: Self.password) else {
            Issue.record("PAM + passwd userdb did not authenticate")
            return
        }
        #expect(user.passdb == "pam" && user.userdb == "passwd")
        #expect(user.fields.uid == SystemAccounts.userID(named: Self.user))
    }
}
