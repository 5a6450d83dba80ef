import MaildexAdmin
import MaildexAuth
import MaildexConfig
import Testing

/// The mapping from a Dovecot-style file to listeners, with `<file` values served from memory.
struct DaemonConfigurationTests {
    static let tls = "ssl_cert = </etc/maildex/cert.pem\nssl_key = </etc/maildex/key.pem\n"

    static func read(_ text: String) throws(ConfigError) -> DaemonConfiguration {
        let files = [
            "/etc/maildex/cert.pem": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            "/etc/maildex/key.pem": "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n",
            "/etc/maildex/notes.txt": "not a certificate\n",
        ]
        let parsed = try ConfigParser.parse(text: text, file: "maildex.conf", baseDirectory: "/etc/maildex") { path in
            guard let content = files[path] else { throw ConfigReadFailure.missing(path) }
            return content
        }
        return try DaemonConfiguration(config: parsed)
    }

    static let valid: [(String, String, [String])] = [
        ("ssl = no: Dovecot's default listeners on * and ::, plain text", "ssl = no\n", [
            "IMAP on 0.0.0.0:143", "IMAP on [::]:143", "POP3 on 0.0.0.0:110", "POP3 on [::]:110", "LMTP on /run/maildex/lmtp",
        ]),
        ("ssl = yes (default): STARTTLS on 143/110, implicit TLS on 993/995", tls + "listen = 127.0.0.1\n", [
            "IMAP (STARTTLS) on 127.0.0.1:143", "IMAP (TLS) on 127.0.0.1:993",
            "POP3 (STARTTLS) on 127.0.0.1:110", "POP3 (TLS) on 127.0.0.1:995", "LMTP on /run/maildex/lmtp",
        ]),
        ("protocols picks services; port = 0 turns a listener off; [::1] is ::1", tls + """
            protocols = imap
            ssl = required
            listen = 127.0.0.1, [::1]
            service imap-login {
              inet_listener imap {
                port = 0
              }
              inet_listener imaps {
                port = 10993
              }
            }
            """, ["IMAP (TLS) on 127.0.0.1:10993", "IMAP (TLS) on [::1]:10993"]),
        ("LMTP: base_dir, a Postfix socket by path, an inet listener with its own address", """
            protocols = lmtp
            ssl = no
            base_dir = /run/md
            service lmtp {
              unix_listener /var/spool/postfix/private/maildex-lmtp {
                mode = 0600
                user = postfix
              }
              inet_listener lmtp {
                address = 127.0.0.1
                port = 24
              }
            }
            """, ["LMTP on /run/md/lmtp", "LMTP on /var/spool/postfix/private/maildex-lmtp", "LMTP on 127.0.0.1:24"]),
        ("an extra named listener; address replaces listen", tls + """
            protocols = pop3 imap
            listen = *
            service pop3-login {
              inet_listener pop3-alt {
                port = 1110
                address = 127.0.0.1
              }
              inet_listener pop3s {
                address = ::1
              }
            }
            service imap-login {
              inet_listener imaps {
                port = 0
              }
            }
            """, ["IMAP (STARTTLS) on 0.0.0.0:143",
                  "POP3 (STARTTLS) on 0.0.0.0:110", "POP3 (TLS) on [::1]:995", "POP3 (STARTTLS) on 127.0.0.1:1110"]),
        ("ssl = no skips TLS listeners, even configured ones", "protocols = imap\nssl = no\nlisten = 127.0.0.1\nservice imap-login {\n  inet_listener imaps {\n    port = 993\n  }\n}\n",
         ["IMAP on 127.0.0.1:143"]),
        ("protocols = none", "protocols = none\n", []),
        ("an empty listen leaves only Unix sockets", "listen =\nssl = no\n", ["LMTP on /run/maildex/lmtp"]),
        ("services for disabled protocols are ignored", "protocols = lmtp\nservice imap-login {\n  inet_listener imap {\n    port = 99999\n  }\n}\n",
         ["LMTP on /run/maildex/lmtp"]),
    ]

    @Test(arguments: valid)
    func listeners(_ name: String, _ text: String, _ expected: [String]) throws {
        let daemon = try Self.read(text)
        #expect(daemon.listeners.map(\.description) == expected, "\(name)")
    }

    static let invalid: [(String, String)] = [
        ("protocols = imap sieve\n", "maildex.conf:1: unknown protocol 'sieve' (supported: imap pop3 lmtp)"),
        ("ssl = maybe\n", "maildex.conf:1: ssl must be no, yes or required, not 'maybe'"),
        ("ssl = yes\n", "maildex.conf:1: ssl = yes needs ssl_cert = </path/to/cert.pem and ssl_key = </path/to/key.pem, or set ssl = no"),
        ("listen = 127.0.0.1\n", "maildex.conf: ssl = yes (the default) needs ssl_cert = </path/to/cert.pem and ssl_key = </path/to/key.pem, or set ssl = no"),
        ("ssl = required\nssl_cert = </etc/maildex/cert.pem\n", "maildex.conf:1: ssl = required needs ssl_cert"),
        ("ssl_cert = -----BEGIN CERTIFICATE-----\n", "maildex.conf:1: ssl_cert must name a file: 'ssl_cert = </path/to/file.pem' (note the '<')"),
        ("ssl_cert = </etc/maildex/notes.txt\n", "maildex.conf:1: ssl_cert: /etc/maildex/notes.txt is not a PEM file with a 'CERTIFICATE' block"),
        ("ssl_cert = </etc/maildex/cert.pem\nssl_key = </etc/maildex/cert.pem\n", "maildex.conf:2: ssl_key: /etc/maildex/cert.pem is not a PEM file with a 'PRIVATE KEY' block"),
        ("ssl_cert = </etc/maildex/missing.pem\n", "maildex.conf:1: cannot read '</etc/maildex/missing.pem': No such file or directory"),
        (tls + "ssl_min_protocol = TLSv9\n", "maildex.conf:3: ssl_min_protocol must be TLSv1.2, TLSv1.3 or LATEST, not 'TLSv9'"),
        ("ssl = no\nservice imap-login {\n  inet_listener imap {\n    port = 70000\n  }\n}\n",
         "maildex.conf:4: port must be a number from 0 (off) to 65535, not '70000'"),
        ("ssl = no\nservice pop3-login {\n  inet_listener pop3 {\n    port = pop3\n  }\n}\n", "maildex.conf:4: port must be a number"),
        ("ssl = no\nservice imap-login {\n  inet_listener imap {\n    haproxy = yes\n  }\n}\n", "maildex.conf:4: haproxy = yes is not supported"),
        ("ssl = no\nservice imap-login {\n  inet_listener imap {\n    backlog = 5\n  }\n}\n",
         "maildex.conf:4: unsupported setting 'backlog' in inet_listener imap"),
        ("ssl = no\nservice lmtp {\n  unix_listener lmtp {\n    mode = 0999\n  }\n}\n", "maildex.conf:4: mode must be an octal file mode"),
        (tls + "service imap-login {\n  inet_listener imaps {\n    port = 143\n  }\n}\n", "maildex.conf:5: listener 'imaps' uses 0.0.0.0:143, as does a listener before it (a default)"),
    ]

    @Test(arguments: invalid)
    func errorsNameFileAndLine(_ text: String, _ expected: String) {
        let error = #expect(throws: ConfigError.self) { try Self.read(text) }
        #expect(error.map { "\($0)".hasPrefix(expected) } == true, "\(String(describing: error))")
    }

    @Test func tlsFilesHostnameAndDirectories() throws {
        let daemon = try Self.read(Self.tls + """
            ssl_ca = </etc/maildex/cert.pem
            ssl_min_protocol = TLSv1.3
            hostname = mail.example.org
            state_dir = /srv/maildex
            protocols = lmtp
            service lmtp {
              unix_listener lmtp {
                mode = 0600
                user = postfix
                group = postfix
              }
            }
            """)
        #expect(daemon.certificatePath == "/etc/maildex/cert.pem" && daemon.keyPath == "/etc/maildex/key.pem")
        #expect(daemon.caPath == "/etc/maildex/cert.pem")
        #expect(daemon.minimumTLSVersion == .tlsv13 && daemon.ssl == .yes)
        #expect(daemon.hostname == "mail.example.org" && daemon.stateDirectory == "/srv/maildex" && daemon.baseDirectory == "/run/maildex")
        #expect(daemon.listeners.first?.permissions == DaemonListener.SocketPermissions(mode: 0o600, user: "postfix", group: "postfix"))
    }

    @Test func defaults() throws {
        let daemon = try Self.read("ssl = no\n")
        #expect(daemon.protocols == [.imap, .pop3, .lmtp] && daemon.minimumTLSVersion == .tlsv12)
        #expect(daemon.hostname == nil && daemon.stateDirectory == "/var/lib/maildex" && daemon.certificatePath == nil)
        #expect(daemon.listeners.last?.permissions == DaemonListener.SocketPermissions(mode: 0o666), "Dovecot's lmtp socket mode")
        #expect(daemon.warnings.isEmpty)
        let postfix = try Self.read("ssl = no\nservice lmtp {\n  unix_listener /var/spool/postfix/private/lmtp {\n    user = postfix\n  }\n}\n")
        #expect(postfix.listeners.last?.permissions == DaemonListener.SocketPermissions(mode: 0o600, user: "postfix"), "a new socket: 0600")
    }

    @Test func olderTLSVersionsAreRaisedWithAWarning() throws {
        let daemon = try Self.read(Self.tls + "ssl_min_protocol = TLSv1\n")
        #expect(daemon.minimumTLSVersion == .tlsv12)
        #expect(daemon.warnings == ["maildex.conf:3: ssl_min_protocol = TLSv1 is raised to TLSv1.2, the oldest version maildex accepts"])
    }

    @Test func skippedTLSListenerIsAWarning() throws {
        let daemon = try Self.read("ssl = no\nservice imap-login {\n  inet_listener imaps {\n    port = 993\n  }\n}\n")
        #expect(daemon.warnings == ["maildex.conf:3: inet_listener imaps is not opened: it needs TLS and ssl = no"])
    }

    /// `ssl = required` disables plaintext authentication whatever `disable_plaintext_auth` says;
    /// otherwise `disable_plaintext_auth` (read by AuthConfiguration) stands.
    @Test(arguments: [(DaemonConfiguration.SSLMode.required, false, true), (.required, true, true), (.yes, false, false), (.no, true, true)])
    func sslRequiredWinsOverDisablePlaintextAuth(_ ssl: DaemonConfiguration.SSLMode, _ disablePlaintextAuth: Bool, _ expected: Bool) throws {
        let daemon = try Self.read(Self.tls + "ssl = \(ssl.rawValue)\n")
        var auth = LoginPolicy()
        auth.disablePlaintextAuth = disablePlaintextAuth
        #expect(daemon.loginPolicy(reconciling: auth).disablePlaintextAuth == expected)
    }
}
