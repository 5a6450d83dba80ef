import Foundation
import MaildexTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// maildexd on a root → intermediate → server chain (`ssl_cert` + `ssl_ca`): clients receive both
/// certificates, and SIGHUP re-reads the whole file for new connections without dropping open ones.
@Suite(.enabled(if: CLI.isBuilt, "build mailadm and maildexd first (scripts/test.sh does)"),
       .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "needs the openssl CLI (scripts/bootstrap.sh --test)"))
struct MaildexdReloadTests {
    static var maildexd: String { CLI.packageRoot + "/.build/debug/maildexd" }

    struct Setup {
        let pki: TestPKI
        let conf: String
        let imap: Int
        let imaps: Int

        static func make() async throws -> Setup {
            let pki = try await TestPKI.make()
            let dir = pki.dir
            let users = dir.path("users")
            try "alice:{PLAIN}wonderland::::\(dir.path("home/alice"))::\n".write(toFile: users, atomically: false, encoding: .utf8)
            chmod(users, 0o600)
            guard let imap = DaemonProcess.freePort(), let imaps = DaemonProcess.freePort() else { throw CocoaError(.fileReadUnknown) }
            let conf = dir.path("maildex.conf")
            try """
                protocols = imap
                listen = 127.0.0.1
                ssl = required
                ssl_cert = <\(pki.leaf)
                ssl_key = <\(pki.leafKey)
                ssl_ca = <\(pki.intermediate)
                auth_mechanisms = plain
                mail_uid = \(CLI.currentUser)
                state_dir = \(dir.path("data"))
                base_dir = \(dir.path("run"))
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

                """.write(toFile: conf, atomically: false, encoding: .utf8)
            return Setup(pki: pki, conf: conf, imap: imap, imaps: imaps)
        }

        func start() async throws -> DaemonProcess {
            let daemon = try DaemonProcess(MaildexdReloadTests.maildexd, ["-c", conf])
            guard try await daemon.waitForOutput("stop with SIGTERM") else {
                throw TestAccount.Failed(description: "maildexd did not start: \(daemon.stdout) \(daemon.stderr)")
            }
            return daemon
        }

        /// The IMAPS capabilities of a new connection include AUTH=LOGIN (printed as True/False).
        var newConnectionOffersLogin: String {
            """
            import imaplib, ssl
            tls = ssl.create_default_context(); tls.check_hostname = False; tls.verify_mode = ssl.CERT_NONE
            def offers_login():
                c = imaplib.IMAP4_SSL('127.0.0.1', \(imaps), ssl_context=tls); caps = c.capabilities; c.logout()
                return 'AUTH=LOGIN' in caps

            """
        }
    }

    @Test(.timeLimit(.minutes(2))) func clientsReceiveTheIntermediateFromSSLCA() async throws {
        let setup = try await Setup.make()
        defer { setup.pki.remove() }
        let daemon = try await setup.start()
        defer { daemon.kill() }
        let shown = try await ChildProcess.run("/bin/sh", ["-c",
            "openssl s_client -showcerts -connect 127.0.0.1:\(setup.imaps) -servername mail.example.com </dev/null"])
        #expect(try await daemon.terminate() == 0)
        #expect(shown.stdout.components(separatedBy: "-----BEGIN CERTIFICATE-----").count - 1 == 2, "\(shown.stdout) \(shown.stderr)")
        #expect(shown.stdout.contains(" 0 s:CN = mail.example.com") || shown.stdout.contains(" 0 s:CN=mail.example.com"), "\(shown.stdout)")
        #expect(shown.stdout.contains("1 s:O = Maildex Test, CN = Maildex Test Intermediate")
            || shown.stdout.contains("1 s:O=Maildex Test, CN=Maildex Test Intermediate"), "\(shown.stdout)")
    }

    @Test(.timeLimit(.minutes(2))) func sighupReloadsTheFileForNewConnectionsAndKeepsOpenOnes() async throws {
        let setup = try await Setup.make()
        defer { setup.pki.remove() }
        let daemon = try await setup.start()
        defer { daemon.kill() }

        // An open session; the file changes (a live setting and a listener); SIGHUP; new
        // connections get the new mechanisms while the open session goes on.
        let reloaded = try await ChildProcess.run("/usr/bin/env", ["python3", "-c", setup.newConnectionOffersLogin + """
            import os, signal, time
            print('before', offers_login())
            old = imaplib.IMAP4('127.0.0.1', \(setup.imap)); old.starttls(ssl_context=tls)
            print('old login', old.login('alice', 'wonderland')[0])
            with open('\(setup.conf)', 'a') as f: f.write('auth_mechanisms = plain login\\nlisten = 127.0.0.1, 127.0.0.2\\n')
            os.kill(\(daemon.pid), signal.SIGHUP)
            for _ in range(400):
                if offers_login(): break
                time.sleep(0.05)
            print('after', offers_login())
            print('old session', old.select('INBOX')[0], old.noop()[0], old.logout()[0])
            """])
        #expect(reloaded.stdout == "before False\nold login OK\nafter True\nold session OK OK BYE\n", "\(reloaded.stdout) \(reloaded.stderr)")
        #expect(try await daemon.waitForOutput("SIGHUP: configuration reloaded from \(setup.conf)"), "\(daemon.stdout) \(daemon.stderr)")
        #expect(daemon.stdout.contains("SIGHUP: these settings need a restart and keep their old values: listeners"), "\(daemon.stdout)")

        // A mistake keeps the running configuration entirely, and names file and line.
        let text = try String(contentsOfFile: setup.conf, encoding: .utf8) + "ssl_min_protocol = TLSv9\nauth_mechanisms = plain\n"
        try text.write(toFile: setup.conf, atomically: false, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("ssl_min_protocol") }.map { $0 + 1 }
        daemon.send(SIGHUP)
        #expect(try await daemon.waitForOutput("not reloaded", inStandardError: true), "\(daemon.stderr)")
        #expect(daemon.stderr.contains("\(setup.conf):\(line ?? 0): ssl_min_protocol must be"), "\(daemon.stderr)")
        let kept = try await ChildProcess.run("/usr/bin/env", ["python3", "-c", setup.newConnectionOffersLogin + "print('kept', offers_login())\n"])
        #expect(kept.stdout == "kept True\n", "\(kept.stdout) \(kept.stderr)")
        #expect(try await daemon.terminate() == 0)
    }
}

enum IPv6Host {
    static var hasLoopback: Bool {
        (try? String(contentsOfFile: "/proc/net/if_inet6", encoding: .utf8))?.contains("00000000000000000000000000000001") ?? false
    }
}

/// `listen` with IPv6 addresses: IPv6 sockets are IPV6_V6ONLY, so `*, ::` binds both on one port.
@Suite(.enabled(if: CLI.isBuilt, "build maildexd first (scripts/test.sh does)"),
       .enabled(if: IPv6Host.hasLoopback, "this host has no IPv6 loopback (::1 is not in /proc/net/if_inet6)"))
struct MaildexdIPv6Tests {
    @Test(.timeLimit(.minutes(2)), arguments: [
        ("*, ::", ["0.0.0.0", "[::]"]),
        ("127.0.0.1, ::1", ["127.0.0.1", "[::1]"]),
        ("::1", ["[::1]"]),
    ])
    func bindsIPv4AndIPv6SideBySide(_ listen: String, _ shown: [String]) async throws {
        for attempt in 1...3 {
            let dir = try TemporaryDirectory()
            defer { dir.remove() }
            guard let port = DaemonProcess.freePort() else { throw CocoaError(.fileReadUnknown) }
            let conf = dir.path("maildex.conf")
            try """
                protocols = imap
                listen = \(listen)
                ssl = no
                mail_uid = \(CLI.currentUser)
                state_dir = \(dir.path("data"))
                base_dir = \(dir.path("run"))
                service imap-login {
                  inet_listener imap {
                    port = \(port)
                  }
                }

                """.write(toFile: conf, atomically: false, encoding: .utf8)
            let daemon = try DaemonProcess(MaildexdReloadTests.maildexd, ["-c", conf])
            defer { daemon.kill() }
            guard try await daemon.waitForOutput("stop with SIGTERM") else {
                if attempt < 3, daemon.stderr.contains("in use") { continue }  // the port was taken meanwhile
                Issue.record("maildexd did not start: \(daemon.stdout) \(daemon.stderr)")
                return
            }
            for address in shown { #expect(daemon.stdout.contains("IMAP listening on \(address):\(port)\n"), "\(daemon.stdout)") }
            let hosts = shown.map { $0 == "0.0.0.0" ? "127.0.0.1" : $0 == "[::]" ? "::1" : $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }
            let greeted = try await ChildProcess.run("/usr/bin/env", ["python3", "-c", """
                import socket
                for host in \(hosts):
                    s = socket.create_connection((host, \(port))); print(host, s.recv(100).decode().split(' ')[1]); s.close()
                """])
            #expect(greeted.stdout == hosts.map { "\($0) OK\n" }.joined(), "\(greeted.stdout) \(greeted.stderr)")
            #expect(try await daemon.terminate() == 0)
            return
        }
    }
}
