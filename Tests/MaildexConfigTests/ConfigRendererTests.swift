import Testing
@testable import MaildexConfig

@Suite struct ConfigRendererTests {
    @Test func issue7ExampleRendersLikeDoveconf() throws {
        let config = try parse(issue7Example, files: issue7Files)
        #expect(ConfigRenderer.render(config) == """
            protocols = imap pop3 lmtp
            mail_location = maildir:~/Maildir
            ssl = required
            ssl_cert = </etc/maildex/tls/server.crt
            ssl_key = # hidden, use -P to show it
            ssl_ca = </etc/maildex/tls/intermediate.crt
            disable_plaintext_auth = yes
            auth_mechanisms = plain login
            passdb {
              driver = pam
            }
            userdb {
              driver = passwd
            }

            """)
        // With secrets shown, a <file value is still its path, never the key material.
        let shown = ConfigRenderer.render(config, showSecrets: true)
        #expect(shown == issue7Example)
        #expect(!shown.contains("PRIVATE KEY"))
    }

    @Test func nestedBlocksIndentAndSecretsAreMasked() throws {
        let config = try parse("""
            service imap-login {
              inet_listener imaps {
                port = 993
              }
              process_min_avail = 1
            }
            passdb {
              driver = static
              args = password=secret
            }
            ssl_key_password = hunter2
            ssl_alt_key = </k.pem
            auth_password = x
            """, files: ["/k.pem": "KEY"])
        #expect(ConfigRenderer.render(config) == """
            ssl_key_password = # hidden, use -P to show it
            ssl_alt_key = # hidden, use -P to show it
            auth_password = # hidden, use -P to show it
            service imap-login {
              process_min_avail = 1
              inet_listener imaps {
                port = 993
              }
            }
            passdb {
              driver = static
              args = password=secret
            }

            """)
        #expect(ConfigRenderer.render(config, showSecrets: true).contains("ssl_key_password = hunter2\n"))
        #expect(ConfigRenderer.render(config, showSecrets: true).contains("ssl_alt_key = </k.pem\n"))
        let passdb = try #require(config.blocks("passdb").first)
        #expect(ConfigRenderer.render(passdb) == "passdb {\n  driver = static\n  args = password=secret\n}\n")
    }

    @Test(arguments: ["plain", "", " lead", "trail ", "a # b", "a#b", "$x", "cost $", "\"q\"", "'q", "<not a file", "back\\",
                      "{PLAIN}pw", "}", "a=b", "mid \"quote\" # x", "tab\there", "caf\u{E9}", "100%"])
    func valuesRoundTrip(_ value: String) throws {
        let block = ConfigBlock(
            type: "",
            location: ConfigLocation(file: "x", line: 0),
            settings: [ConfigSetting(key: "key", value: value, location: ConfigLocation(file: "x", line: 1))],
            blocks: [ConfigBlock(type: "mailbox", name: value.isEmpty ? nil : value, location: ConfigLocation(file: "x", line: 2))]
        )
        let text = ConfigRenderer.render(block, showSecrets: true)
        let reparsed = try parse(text)
        #expect(reparsed.value("key") == value, "rendered as \(text.debugDescription)")
        #expect(reparsed.blocks.first?.name == block.blocks.first?.name, "rendered as \(text.debugDescription)")
    }

    @Test func secretKeys() {
        #expect(ConfigRenderer.isSecret("ssl_key"))
        #expect(ConfigRenderer.isSecret("ssl_client_key"))
        #expect(ConfigRenderer.isSecret("ssl_key_password"))
        #expect(ConfigRenderer.isSecret("mail_crypt_private_password"))
        #expect(!ConfigRenderer.isSecret("ssl_cert"))
        #expect(!ConfigRenderer.isSecret("ssl_ca"))
        #expect(!ConfigRenderer.isSecret("auth_mechanisms"))
    }
}

@Suite struct ConfigUnknownKeysTests {
    @Test func reportsKeysNotAllowedWhereTheyStand() throws {
        let config = try parse("""
            protocols = imap
            protcols = imap
            service imap-login {
              inet_listener imap {
                port = 143
                prot = 1
              }
              user = x
            }
            plugin {
              anything = goes
            }
            frobnicate {
              a = b
            }
            """)
        let unknown = config.unknownKeys(
            allowed: ["protocols"],
            allowedBlocks: ["service": ["process_min_avail"], "inet_listener": ["port", "ssl"]]
        )
        #expect(unknown.map(\.key) == ["protcols", "user", "prot", "anything", "a"])
        #expect(unknown.first?.location.description == "maildex.conf:2")
        let unknownBlocks = config.unknownBlocks(allowed: ["service", "inet_listener", "plugin"])
        #expect(unknownBlocks.map(\.type) == ["frobnicate"])
        #expect(unknownBlocks.first?.location.line == 13)
    }
}
