import Foundation
import MaildexCertificates
import MaildexTesting
import Testing

/// `maildexd -c FILE` as an administrator runs it: a file on disk, the built binary, real sockets.
@Suite(.enabled(if: CLI.isBuilt, "build maildexd first (scripts/test.sh does)"))
struct MaildexdConfiguredTests {
    static var maildexd: String { CLI.packageRoot + "/.build/debug/maildexd" }

    /// A loopback configuration with a self-signed certificate and a passwd-file user; the ports are picked free.
    struct Setup {
        let dir: TemporaryDirectory
        let conf: String
        let imap: Int
        let imaps: Int

        init() throws {
            dir = try TemporaryDirectory()
            let key = try PrivateKey.generate()
            try key.write(to: dir.path("server.key"))
            let cert = try Certificate.selfSigned(key: key, subject: DistinguishedName(commonName: "localhost"),
                                                  alternativeNames: ["localhost", "127.0.0.1"], days: 2)
            try cert.pem.write(toFile: dir.path("server.crt"), atomically: false, encoding: .utf8)
            let users = dir.path("users")
            try "alice:{PLAIN}wonderland::::\(dir.path("home/alice"))::\n".write(toFile: users, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: users)
            guard let imap = DaemonProcess.freePort(), let imaps = DaemonProcess.freePort() else { throw CocoaError(.fileReadUnknown) }
            self.imap = imap
            self.imaps = imaps
            conf = dir.path("maildex.conf")
            try """
                protocols = imap lmtp
                listen = 127.0.0.1
                ssl = required
                ssl_cert = <server.crt
                ssl_key = <server.key
                state_dir = \(dir.path("data"))
                base_dir = \(dir.path("run"))
                hostname = mail.example.test
                log_path = \(dir.path("maildex.log"))
                mail_uid = \(CLI.currentUser)
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
                    port = \(imap)
                  }
                  inet_listener imaps {
                    port = \(imaps)
                  }
                }
                service lmtp {
                  unix_listener lmtp {
                    mode = 0600
                  }
                }

                """.write(toFile: conf, atomically: false, encoding: .utf8)
        }
    }

    /// Starts maildexd on the file, delivers over the LMTP socket (greeting with `hostname`), reads
    /// the message count over IMAP with STARTTLS, logs in over implicit TLS, checks the socket's
    /// mode, and stops it with SIGTERM (exit 0).
    @Test(.timeLimit(.minutes(2))) func servesIMAPFromTheFileAndStopsOnSIGTERM() async throws {
        var attempt = 0
        while true {
            attempt += 1
            let setup = try Setup()
            defer { setup.dir.remove() }
            let daemon = try DaemonProcess(Self.maildexd, ["-c", setup.conf])
            defer { daemon.kill() }
            guard try await daemon.waitForOutput("stop with SIGTERM") else {
                // A port taken between picking it and binding it: try again with new ones.
                if attempt < 3, daemon.stderr.contains("in use") { continue }
                Issue.record("maildexd did not start: \(daemon.stdout) \(daemon.stderr)")
                return
            }
            #expect(daemon.stdout.contains("maildexd: IMAP (STARTTLS) listening on 127.0.0.1:\(setup.imap)\n"), "\(daemon.stdout)")
            #expect(daemon.stdout.contains("maildexd: IMAP (TLS) listening on 127.0.0.1:\(setup.imaps)\n"))
            #expect(daemon.stdout.contains("maildexd: LMTP listening on \(setup.dir.path("run/lmtp"))\n"))
            let mode = try FileManager.default.attributesOfItem(atPath: setup.dir.path("run/lmtp"))[.posixPermissions] as? Int
            #expect(mode == 0o600)

            let login = try await ChildProcess.run("/usr/bin/env", ["python3", "-c", """
                import imaplib, smtplib, ssl
                lmtp = smtplib.LMTP()
                print('lmtp greeting', lmtp.connect('\(setup.dir.path("run/lmtp"))')[1].decode())
                lmtp.sendmail('bob@example.org', ['alice'], b'Subject: hi\\r\\n\\r\\nHello\\r\\n'); lmtp.quit()
                tls = ssl.create_default_context(); tls.check_hostname = False; tls.verify_mode = ssl.CERT_NONE
                m = imaplib.IMAP4('127.0.0.1', \(setup.imap))
                print('plain caps', ' '.join(m.capabilities))
                m.starttls(ssl_context=tls)
                print('login', m.login('alice', 'wonderland')[0])
                print('select', m.select('INBOX')[0], m.search(None, 'SUBJECT', 'hi')[1])
                print('logout', m.logout()[0])
                s = imaplib.IMAP4_SSL('127.0.0.1', \(setup.imaps), ssl_context=tls)
                print('tls login', s.login('alice', 'wonderland')[0])
                s.logout()
                try:
                    imaplib.IMAP4_SSL('127.0.0.1', \(setup.imaps), ssl_context=tls).login('alice', 'wrong')
                except imaplib.IMAP4.error as e:
                    print('refused', e)
                """])
            #expect(login.stdout.contains("STARTTLS"), "\(login.stdout) \(login.stderr)")
            #expect(login.stdout.contains("lmtp greeting mail.example.test Maildex LMTP ready\n"), "hostname: \(login.stdout) \(login.stderr)")
            #expect(login.stdout.contains("login OK\nselect OK [b'1']\nlogout BYE\ntls login OK\n"), "\(login.stdout) \(login.stderr)")
            #expect(login.stdout.contains("refused"))

            let status = try await daemon.terminate()
            #expect(status == 0, "\(daemon.stderr)")
            #expect(daemon.stdout.contains("maildexd: stopped"))
            // log_path: one line per connection, login (with the reason when refused, never the
            // password) and delivery.
            let log = try String(contentsOfFile: setup.dir.path("maildex.log"), encoding: .utf8)
            let lines = log.split(separator: "\n")
            #expect(lines.contains { $0.contains(" info Connect session=") && $0.contains("proto=imap rip=127.0.0.1") }, "\(log)")
            #expect(lines.contains { $0.contains(" info Login ") && $0.contains("user=alice") && $0.contains("method=LOGIN") }, "\(log)")
            #expect(lines.contains { $0.contains(" notice Login failed ") && $0.contains("reason=") && $0.contains("user=alice") }, "\(log)")
            #expect(lines.contains { $0.contains(" info Delivered ") && $0.contains("proto=lmtp") && $0.contains("rcpt=<alice>") && $0.contains("ms=") }, "\(log)")
            #expect(lines.contains { $0.contains(" info Logout ") }, "\(log)")
            #expect(!log.contains("wonderland") && !log.contains("wrong"), "no password in the log")
            // Each line starts with the time, ISO 8601 in UTC to the second.
            for line in lines {
                let stamp = try? Date(String(line.prefix(20)), strategy: .iso8601)
                #expect(stamp.map { abs($0.timeIntervalSinceNow) < 600 } == true && line.dropFirst(20).first == " ", "\(line)")
            }
            let logMode = try FileManager.default.attributesOfItem(atPath: setup.dir.path("maildex.log"))[.posixPermissions] as? Int
            #expect(logMode == 0o640)
            return
        }
    }

    /// `--check` reads the file, prints the listeners it would open, and exits 0 without binding.
    @Test func checkValidatesWithoutListening() async throws {
        let setup = try Setup()
        defer { setup.dir.remove() }
        let checked = try await ChildProcess.run(Self.maildexd, ["-c", setup.conf, "--check"])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("would listen: IMAP (STARTTLS) on 127.0.0.1:\(setup.imap)"), "\(checked.stdout)")
        #expect(checked.stdout.contains("\(setup.conf) is valid"))
    }

    /// A mistake stops start-up with file, line and reason, and exit code 1.
    @Test(arguments: [
        ("protocols = imap pop3 sieve\n", ":1: unknown protocol 'sieve'"),
        ("ssl = yes\n", ":1: ssl = yes needs ssl_cert"),
        ("ssl_cert = </nonexistent/server.crt\n", ":1: cannot read '</nonexistent/server.crt': No such file or directory"),
    ])
    func mistakesStopStartUp(_ text: String, _ expected: String) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let conf = dir.path("maildex.conf")
        try (text + "state_dir = \(dir.path("data"))\n").write(toFile: conf, atomically: false, encoding: .utf8)
        let result = try await ChildProcess.run(Self.maildexd, ["-c", conf])
        #expect(result.status == 1 && result.stderr.contains(conf + expected), "\(result.stderr)")
    }
}
