import Foundation
import MaildexTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Started as root, maildexd binds its listeners and then becomes `mail_uid` for virtual users; with
/// system users it stays root and what it creates in `~/Maildir` belongs to the user.
@Suite(.enabled(if: CLI.isBuilt, "build maildexd first (scripts/test.sh does)"),
       .enabled(if: TestAccount.canCreate, "needs root and useradd: maildexd starts as root and becomes another user"))
struct MaildexdPrivilegeTests {
    static var maildexd: String { CLI.packageRoot + "/.build/debug/maildexd" }

    /// Delivers `Subject: hi` to `user` over the LMTP socket, then (with a password) logs in over
    /// IMAP and prints the INBOX count.
    static func deliver(to user: String, socket: String, imap: (port: Int, password: String)? = nil) async throws -> ChildProcess.Result {
        var script = """
            import imaplib, smtplib
            lmtp = smtplib.LMTP(); lmtp.connect('\(socket)')
            print('refused', lmtp.sendmail('bob@example.org', ['\(user)'], b'Subject: hi\\r\\n\\r\\nHello\\r\\n')); lmtp.quit()

            """
        if let imap {
            script += """
                m = imaplib.IMAP4('127.0.0.1', \(imap.port))
                print('login', m.login('\(user)', '\(imap.password)')[0])
                print('select', m.select('INBOX')[0], m.search(None, 'SUBJECT', 'hi')[1])
                m.logout()

                """
        }
        return try await ChildProcess.run("/usr/bin/env", ["python3", "-c", script])
    }

    @Test(.timeLimit(.minutes(2))) func becomesMailUIDAfterBindingForVirtualUsers() async throws {
        let account = try await TestAccount.create()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        chmod(dir.path, 0o755)  // the account reaches state_dir through it
        let users = dir.path("users")
        try "alice:{PLAIN}wonderland::::\(dir.path("data/home/alice"))::\n".write(toFile: users, atomically: false, encoding: .utf8)
        chmod(users, 0o600)
        chown(users, account.uid, account.gid)
        guard let port = DaemonProcess.freePort() else { throw TestAccount.Failed(description: "no free port") }
        let conf = dir.path("maildex.conf")
        try """
            protocols = imap lmtp
            listen = 127.0.0.1
            ssl = no
            state_dir = \(dir.path("data"))
            base_dir = \(dir.path("run"))
            log_path = \(dir.path("maildex.log"))
            mail_uid = \(account.name)
            passdb {
              driver = passwd-file
              args = \(users)
            }
            userdb {
              driver = passwd-file
              args = \(users)
            }
            service imap-login {
              inet_listener imap {
                port = \(port)
              }
            }

            """.write(toFile: conf, atomically: false, encoding: .utf8)
        let daemon = try DaemonProcess(Self.maildexd, ["-c", conf])
        defer { daemon.kill() }
        let started = try await daemon.waitForOutput("stop with SIGTERM")
        let ids = try TestAccount.ids(of: daemon.pid)
        let delivered = try await Self.deliver(to: "alice", socket: dir.path("run/lmtp"), imap: (port, "wonderland"))
        #expect(try await daemon.terminate() == 0, "\(daemon.stderr)")
        await account.remove()

        #expect(started, "\(daemon.stdout) \(daemon.stderr)")
        #expect(daemon.stdout.contains("runs as \(account.name) (uid \(account.uid), gid \(account.gid))"), "\(daemon.stdout)")
        #expect(ids.uid == Array(repeating: account.uid, count: 4), "real, effective, saved and file-system uid")
        #expect(ids.gid == Array(repeating: account.gid, count: 4))
        #expect(ids.groups == [account.gid], "supplementary groups: only the account's")
        #expect(delivered.stdout.contains("refused {}\nlogin OK\nselect OK [b'1']\n"), "\(delivered.stdout) \(delivered.stderr)")
        // Everything in the data directory is the account's: what root made before the drop
        // (the directory, the global index) and what the account made after.
        let maildir = dir.path("data/home/alice/Maildir")
        let newMessage = try FileManager.default.contentsOfDirectory(atPath: maildir + "/new").first.map { maildir + "/new/" + $0 }
        for path in [dir.path("data"), dir.path("data/global.sqlite"), maildir, maildir + "/maildex-index.sqlite", try #require(newMessage)] {
            let owner = TestAccount.owner(of: path)
            #expect(owner?.uid == account.uid && owner?.gid == account.gid, "\(path): \(String(describing: owner))")
        }
    }

    @Test(.timeLimit(.minutes(2))) func staysRootForSystemUsersAndGivesTheirFilesToThem() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        chmod(dir.path, 0o755)
        let user = try await TestAccount.create(home: dir.path("home"))
        let conf = dir.path("maildex.conf")
        try """
            protocols = lmtp
            ssl = no
            mail_location = maildir:~/Maildir
            state_dir = \(dir.path("data"))
            base_dir = \(dir.path("run"))
            passdb {
              driver = pam
            }
            userdb {
              driver = passwd
            }

            """.write(toFile: conf, atomically: false, encoding: .utf8)
        let daemon = try DaemonProcess(Self.maildexd, ["-c", conf])
        defer { daemon.kill() }
        let started = try await daemon.waitForOutput("stop with SIGTERM")
        let ids = try TestAccount.ids(of: daemon.pid)
        let delivered = try await Self.deliver(to: user.name, socket: dir.path("run/lmtp"))
        #expect(try await daemon.terminate() == 0, "\(daemon.stderr)")
        await user.remove()

        #expect(started, "\(daemon.stdout) \(daemon.stderr)")
        #expect(daemon.stdout.contains("runs as root: system users are configured"), "\(daemon.stdout)")
        #expect(ids.uid == [0, 0, 0, 0])
        #expect(delivered.stdout.contains("refused {}"), "\(delivered.stdout) \(delivered.stderr)")
        let maildir = dir.path("home/Maildir")
        let message = try FileManager.default.contentsOfDirectory(atPath: maildir + "/new").first.map { maildir + "/new/" + $0 }
        let created = [maildir, maildir + "/new", maildir + "/tmp", maildir + "/maildex-index.sqlite", try #require(message)]
        for path in created {
            let owner = TestAccount.owner(of: path)
            #expect(owner?.uid == user.uid && owner?.gid == user.gid, "\(path): \(String(describing: owner)) should be \(user.name)'s")
        }
    }
}
