import MaildexAdmin
import MaildexConfig
import Testing

/// Dovecot settings maildex ignores are named in one warning; unknown ones stop start-up with file:line.
struct SettingCatalogTests {
    @Test func ignoredDovecotSettingsAreNamedInOneWarning() throws {
        let daemon = try DaemonConfigurationTests.read("""
            ssl = no
            first_valid_uid = 1000
            mail_location = maildir:~/Maildir
            namespace inbox {
              inbox = yes
            }
            protocol imap {
              mail_plugins = quota
            }
            service imap-login {
              process_min_avail = 4
              inet_listener imap {
                port = 143
              }
            }
            service auth {
              unix_listener auth-userdb {
                mode = 0600
              }
            }

            """)
        let ignored = daemon.warnings.filter { $0.hasPrefix("Dovecot settings maildex ignores: ") }
        #expect(ignored == ["Dovecot settings maildex ignores: first_valid_uid (maildex.conf:2), namespace inbox (maildex.conf:4), "
            + "protocol imap (maildex.conf:7), service imap-login { process_min_avail } (maildex.conf:11), service auth (maildex.conf:16)"],
            "\(daemon.warnings)")
    }

    @Test func aFileOfKnownSettingsHasNoIgnoredLine() throws {
        let daemon = try DaemonConfigurationTests.read("ssl = no\nprotocols = imap\nmail_location = maildir:%h/Maildir\n")
        #expect(!daemon.warnings.contains { $0.contains("ignores") })
    }

    @Test(arguments: [
        ("ssl = no\nmail_frobnicate = yes\n", "maildex.conf:2: unknown setting 'mail_frobnicate'"),
        ("ssl = no\n\nfrobnicate {\n  x = 1\n}\n", "maildex.conf:3: unknown block 'frobnicate'"),
        ("ssl = no\nmail_location = mbox:~/mail\n", "maildex.conf:2: mail_location = mbox:~/mail is not supported"),
        ("ssl = no\nmail_uid = no-such-user-here\n", "maildex.conf:2: mail_uid = no-such-user-here: no such system user"),
        ("ssl = no\nmail_uid = 5000\n", "maildex.conf:2: mail_uid = 5000 has no account to take a group from"),
        ("ssl = no\nmail_gid = no-such-group-here\n", "maildex.conf:2: mail_gid = no-such-group-here: no such system group"),
    ])
    func unknownSettingsStopStartUp(_ text: String, _ expected: String) {
        #expect(throws: ConfigError.self) { try DaemonConfigurationTests.read(text) }
        do {
            _ = try DaemonConfigurationTests.read(text)
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error)")
        }
    }

    @Test func mailUIDAndGIDByNameOrNumber() throws {
        let daemon = try DaemonConfigurationTests.read("ssl = no\nmail_uid = root\nmail_gid = 0\n")
        #expect(daemon.mailAccount == MailAccount(user: "root", uid: 0, gid: 0))
        let numeric = try DaemonConfigurationTests.read("ssl = no\nmail_uid = 5000\nmail_gid = 5000\n")
        #expect(numeric.mailAccount == MailAccount(user: "5000", uid: 5000, gid: 5000))
    }
}
