import Foundation
import Testing
@testable import MaildexConfig

/// The configuration from issue 7, exactly as a Dovecot administrator writes it.
let issue7Example = """
    protocols = imap pop3 lmtp
    mail_location = maildir:~/Maildir
    ssl = required
    ssl_cert = </etc/maildex/tls/server.crt
    ssl_key = </etc/maildex/tls/server.key
    ssl_ca = </etc/maildex/tls/intermediate.crt
    disable_plaintext_auth = yes
    auth_mechanisms = plain login
    passdb {
      driver = pam
    }
    userdb {
      driver = passwd
    }

    """

let issue7Files = [
    "/etc/maildex/tls/server.crt": samplePEM + "\n",
    "/etc/maildex/tls/server.key": "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n",
    "/etc/maildex/tls/intermediate.crt": samplePEM.replacingOccurrences(of: "MIIB", with: "MIIC") + "\n",
]

@Suite struct ConfigParserTests {
    @Test func issue7ExampleVerbatim() throws {
        let config = try parse(issue7Example, files: issue7Files)
        #expect(config.value("protocols") == "imap pop3 lmtp")
        #expect(config.value("mail_location") == "maildir:~/Maildir")
        #expect(config.value("ssl") == "required")
        #expect(config.value("ssl_cert") == samplePEM)
        #expect(config.setting("ssl_cert")?.sourceFile == "/etc/maildex/tls/server.crt")
        #expect(config.value("ssl_key") == "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----")
        #expect(config.value("ssl_ca")?.hasPrefix("-----BEGIN CERTIFICATE-----\nMIIC") == true)
        #expect(config.value("disable_plaintext_auth") == "yes")
        #expect(config.value("auth_mechanisms") == "plain login")
        #expect(config.blocks.map(\.type) == ["passdb", "userdb"])
        #expect(config.blocks("passdb").first?.value("driver") == "pam")
        #expect(config.blocks("userdb").first?.value("driver") == "passwd")
        #expect(config.blocks("passdb").first?.location == ConfigLocation(file: "maildex.conf", line: 9))
        #expect(config.setting("ssl")?.location.description == "maildex.conf:3")
    }

    @Test func nestedServiceBlocks() throws {
        let config = try parse("""
            service imap-login {
              inet_listener imap {
                port = 143
              }
              inet_listener imaps {
                port = 993
                ssl = yes
              }
            }
            service lmtp {
              unix_listener /var/spool/postfix/private/dovecot-lmtp {
                mode = 0600
                user = postfix
              }
            }
            protocol imap {
              mail_max_userip_connections = 20
            }
            """)
        let login = try #require(config.block("service", named: "imap-login"))
        #expect(login.blocks("inet_listener").map(\.name) == ["imap", "imaps"])
        #expect(login.block("inet_listener", named: "imaps")?.value("port") == "993")
        #expect(login.block("inet_listener", named: "imaps")?.value("ssl") == "yes")
        #expect(login.block("inet_listener", named: "imaps")?.location.line == 5)
        let lmtp = try #require(config.block("service", named: "lmtp"))
        #expect(lmtp.block("unix_listener", named: "/var/spool/postfix/private/dovecot-lmtp")?.value("user") == "postfix")
        #expect(config.block("protocol", named: "imap")?.value("mail_max_userip_connections") == "20")
        #expect(config.settings.isEmpty)
    }

    @Test func namedBlocksMergeAndUnnamedBlocksDoNot() throws {
        let config = try parse("""
            namespace inbox {
              inbox = yes
            }
            passdb {
              driver = passwd-file
            }
            passdb {
              driver = pam
            }
            namespace inbox {
              mailbox Trash {
                special_use = \\Trash
              }
              mailbox "Sent Messages" {
                auto = subscribe
              }
            }
            """)
        #expect(config.blocks("namespace").count == 1)
        let inbox = try #require(config.block("namespace", named: "inbox"))
        #expect(inbox.value("inbox") == "yes")
        #expect(inbox.block("mailbox", named: "Trash")?.value("special_use") == "\\Trash")
        #expect(inbox.block("mailbox", named: "Sent Messages")?.value("auto") == "subscribe")
        #expect(config.blocks("passdb").compactMap { $0.value("driver") } == ["passwd-file", "pam"])
    }

    @Test func laterDuplicateOverrides() throws {
        let config = try parse("ssl = yes\nssl = required\n")
        #expect(config.value("ssl") == "required")
        #expect(config.setting("ssl")?.location.line == 2)
        #expect(config.settings.count == 2)
        #expect(config.value("absent") == nil)
    }

    @Test func variablesSeeEnclosingBlocksInnermostFirst() throws {
        let config = try parse("""
            mail_plugins = quota
            mail_plugins = $mail_plugins acl
            protocol imap {
              mail_plugins = $mail_plugins imap_quota
              other = $mail_plugins
            }
            literal = "$mail_plugins"
            price = 100$
            """)
        #expect(config.value("mail_plugins") == "quota acl")
        #expect(config.block("protocol", named: "imap")?.value("mail_plugins") == "quota acl imap_quota")
        #expect(config.block("protocol", named: "imap")?.value("other") == "quota acl imap_quota")
        #expect(config.value("literal") == "$mail_plugins")
        #expect(config.value("price") == "100$")
    }

    @Test func environmentVariables() throws {
        // PATH is set in every test run. No setenv here: it races with ChildProcess, which passes
        // the environment to posix_spawn while other tests start child processes.
        let path = try #require(ProcessInfo.processInfo.environment["PATH"])
        let config = try parse("hostname = $ENV:PATH\n")
        #expect(config.value("hostname") == path)
        #expect(parseError("x = $ENV:MAILDEX_CONFIG_TEST_UNSET_VARIABLE")?.description
            == "maildex.conf:1: environment variable 'MAILDEX_CONFIG_TEST_UNSET_VARIABLE' is not set (in '$ENV:MAILDEX_CONFIG_TEST_UNSET_VARIABLE')")
    }

    @Test func crlfFileParsesLikeLF() throws {
        let lf = try parse(issue7Example, files: issue7Files)
        let crlf = try parse(issue7Example.replacingOccurrences(of: "\n", with: "\r\n"), files: issue7Files)
        #expect(crlf == lf)
        #expect(parseError("a = 1\r\nb = 2\r\nssl required\r\n")?.description
            == "maildex.conf:3: expected 'key = value', got 'ssl required'")
    }

    @Test func continuationLinesJoinWithOneSpaceAndKeepTheFirstLineNumber() throws {
        let config = try parse("""
            # header \\
            mail_plugins = acl quota \\
                zlib    \\
              fts
            service imap {
              vsz_limit = \\
                1G
            }
            """)
        #expect(config.value("mail_plugins") == "acl quota zlib fts")
        #expect(config.setting("mail_plugins")?.location.line == 2)
        #expect(config.block("service", named: "imap")?.value("vsz_limit") == "1G")
        #expect(parseError("a = 1 \\\n  2\nbad line\n")?.description == "maildex.conf:3: expected 'key = value', got 'bad line'")
    }
}
