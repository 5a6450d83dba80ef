import Testing
@testable import MaildexConfig

/// One line of configuration and what it must give: a value for `key`, or an exact error.
struct LineFixture: CustomTestStringConvertible, Sendable {
    enum Expected: Sendable { case value(String), error(String) }
    var text: String
    var expected: Expected
    var testDescription: String { text.debugDescription }

    static func valid(_ text: String, _ value: String) -> LineFixture { LineFixture(text: text, expected: .value(value)) }
    static func invalid(_ text: String, _ error: String) -> LineFixture { LineFixture(text: text, expected: .error(error)) }
}

@Suite struct ConfigLineTableTests {
    @Test(arguments: [
        // Plain values and whitespace
        LineFixture.valid("key = value", "value"),
        LineFixture.valid("key=value", "value"),
        LineFixture.valid("  key   =   two  words   ", "two  words"),
        LineFixture.valid("key =", ""),
        LineFixture.valid("key = a\tb", "a\tb"),
        LineFixture.valid("key = maildir:~/Maildir:INDEX=/var/index/%u", "maildir:~/Maildir:INDEX=/var/index/%u"),
        LineFixture.invalid("ssl required", "maildex.conf:1: expected 'key = value', got 'ssl required'"),
        LineFixture.invalid("= value", "maildex.conf:1: expected 'key = value', got '= value'"),
        LineFixture.invalid("protocols imap pop3 # comment", "maildex.conf:1: expected 'key = value', got 'protocols imap pop3'"),
        // Comments
        LineFixture.valid("key = value # comment", "value"),
        LineFixture.valid("key = value\t# comment", "value"),
        LineFixture.valid("key = a#b", "a#b"),
        LineFixture.valid("key = it's # comment", "it's"),
        LineFixture.valid("key = # only a comment", ""),
        LineFixture.valid("# key = commented out\nkey = real", "real"),
        // Quoting
        LineFixture.valid("key = \"x # y\" # comment", "x # y"),
        LineFixture.valid("key = 'single # quoted'", "single # quoted"),
        LineFixture.valid("key = \"  padded  \"", "  padded  "),
        LineFixture.valid("key = \"\"", ""),
        LineFixture.valid("key = \"say \\\"hi\\\"\"", "say \"hi\""),
        LineFixture.valid("key = 'it\\'s'", "it's"),
        LineFixture.valid("key = \"back\\\\slash\"", "back\\slash"),
        LineFixture.valid("key = \"$not_a_variable\"", "$not_a_variable"),
        LineFixture.invalid("key = \"open", "maildex.conf:1: missing closing \" in value of 'key'"),
        LineFixture.invalid("key = 'open", "maildex.conf:1: missing closing ' in value of 'key'"),
        LineFixture.invalid("key = \"a\" b", "maildex.conf:1: unexpected text after the closing quote of value of 'key': 'b'"),
        // Variables
        LineFixture.valid("a = x\nkey = $a y", "x y"),
        LineFixture.valid("key = cost$", "cost$"),
        LineFixture.invalid("key = $nope", "maildex.conf:1: unknown variable '$nope': no earlier setting 'nope' (quote the value to keep a literal '$')"),
        LineFixture.invalid("key = {SHA512-CRYPT}$6$salt$hash", "maildex.conf:1: unknown variable '$6$salt$hash': no earlier setting '6$salt$hash' (quote the value to keep a literal '$')"),
        LineFixture.invalid("key = $key", "maildex.conf:1: unknown variable '$key': no earlier setting 'key' (quote the value to keep a literal '$')"),
        // <file values
        LineFixture.valid("key = </etc/maildex/tls/server.crt", samplePEM),
        LineFixture.valid("key = <\"/etc/maildex/tls/server.crt\"", samplePEM),
        LineFixture.invalid("key = </etc/x.pem", "maildex.conf:1: cannot read '</etc/x.pem': No such file or directory"),
        LineFixture.invalid("key = <", "maildex.conf:1: 'key = <' needs a file name after '<'"),
        // Blocks
        LineFixture.valid("passdb {\n}\nkey = after", "after"),
        LineFixture.valid("passdb { # comment\n}\nkey = after", "after"),
        LineFixture.valid("mailbox \"{odd} name\" {\n}\nkey = after", "after"),
        LineFixture.invalid("mailbox a=b {", "maildex.conf:1: expected 'key = value', got 'mailbox a=b {'"),
        LineFixture.invalid("mailbox \"a\" b {", "maildex.conf:1: unexpected text after the closing quote of block name: 'b'"),
        LineFixture.invalid("\n\n}", "maildex.conf:3: '}' without an open block"),
        LineFixture.invalid("passdb {\n  driver = pam\n}\n}", "maildex.conf:4: '}' without an open block"),
        LineFixture.invalid("passdb {\n} x", "maildex.conf:2: unexpected text after '}': '} x'"),
        LineFixture.invalid("passdb {\n  driver = pam\n", "maildex.conf: unexpected end of file: block 'passdb' opened at line 1 is not closed"),
        LineFixture.invalid("service imap-login {\n  inet_listener imaps {\n  }\n", "maildex.conf: unexpected end of file: block 'service imap-login' opened at line 1 is not closed"),
        LineFixture.invalid("passdb { driver = pam }", "maildex.conf:1: '{' must end its line (write the block's settings on the lines after it): 'passdb { driver = pam }'"),
        LineFixture.invalid(String(repeating: "a {\n", count: 70), "maildex.conf:65: blocks nested more than 64 deep"),
        // Directives
        LineFixture.invalid("!include", "maildex.conf:1: !include needs a file name"),
        LineFixture.invalid("!include_try   # nothing", "maildex.conf:1: !include_try needs a file name"),
        LineFixture.invalid("!includes x.conf", "maildex.conf:1: unknown directive '!includes' (expected !include or !include_try)"),
        LineFixture.invalid("!include missing.conf", "maildex.conf:1: cannot read '!include missing.conf': No such file or directory"),
        LineFixture.valid("!include_try missing.conf\nkey = still here", "still here"),
        // Lines and encodings
        LineFixture.valid("key = one\r\n", "one"),
        LineFixture.valid("\u{FEFF}key = bom", "bom"),
        LineFixture.valid("key = caf\u{E9} \u{1F4EC}", "caf\u{E9} \u{1F4EC}"),
        LineFixture.valid("key = a \\\n  b", "a b"),
        LineFixture.valid("\n\n   \n\t\nkey = v\n\n", "v"),
    ])
    func line(_ fixture: LineFixture) {
        switch fixture.expected {
        case .value(let value):
            do {
                #expect(try parse(fixture.text, files: issue7Files).value("key") == value)
            } catch {
                Issue.record("unexpected error: \(error)")
            }
        case .error(let message):
            #expect(parseError(fixture.text, files: issue7Files)?.description == message)
        }
    }

    @Test func errorCarriesItsParts() throws {
        let error = try #require(parseError("a = 1\nb = 2\nssl required"))
        #expect(error.location == ConfigLocation(file: "maildex.conf", line: 3))
        #expect(error.file == "maildex.conf")
        #expect(error.reason == "expected 'key = value', got 'ssl required'")
        let eof = try #require(parseError("passdb {"))
        #expect(eof.location == nil)
        #expect(eof.file == "maildex.conf")
    }
}
