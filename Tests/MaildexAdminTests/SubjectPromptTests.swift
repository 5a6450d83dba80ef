@testable import MaildexAdmin
import MaildexCertificates
import Testing

/// The `openssl req`-style questions of `mailadm cert csr` on a terminal, with scripted answers.
struct SubjectPromptTests {
    final class Script {
        var answers: [String]
        var shown = ""
        init(_ answers: [String]) { self.answers = answers }
        var prompt: SubjectPrompt {
            SubjectPrompt(
                readLine: { self.answers.isEmpty ? nil : self.answers.removeFirst() },
                write: { self.shown += $0 })
        }
    }

    @Test func asksEachFieldInOpenSSLOrder() throws {
        let script = Script(["jp", "Tokyo", "Koto-ku", "Example Inc.", "IT", "mail.example.com", "admin@example.com"])
        let subject = try script.prompt.ask(defaults: DistinguishedName(commonName: ""))
        #expect(subject == DistinguishedName(commonName: "mail.example.com", organization: "Example Inc.", organizationalUnit: "IT",
                                             country: "jp", state: "Tokyo", locality: "Koto-ku", email: "admin@example.com"))
        #expect(script.shown.contains("Country Name (2 letter code) []:State or Province Name (full name) []:"))
        #expect(script.shown.contains("Common Name (e.g. server FQDN) []:Email Address []:"))
    }

    @Test func emptyKeepsTheDefaultAndDotClearsIt() throws {
        let script = Script(["", ".", "", "", "", "", ""])
        let defaults = DistinguishedName(commonName: "mail.example.com", organization: "Example Inc.", country: "JP", state: "Tokyo")
        let subject = try script.prompt.ask(defaults: defaults)
        #expect(subject == DistinguishedName(commonName: "mail.example.com", organization: "Example Inc.", country: "JP"))
        #expect(script.shown.contains("Country Name (2 letter code) [JP]:"))
        #expect(script.shown.contains("Organization Name (eg, company) [Example Inc.]:"))
    }

    @Test func badCountryAndEmptyCommonNameAreAskedAgain() throws {
        let script = Script(["Japan", "JP", "", "", "", "", "", "mail.example.com", ""])
        let subject = try script.prompt.ask(defaults: DistinguishedName(commonName: ""))
        #expect(subject.country == "JP" && subject.commonName == "mail.example.com")
        #expect(script.shown.contains("'Japan' is not a two-letter country code"))
        #expect(script.shown.contains("the common name is required"))
    }

    @Test(arguments: [
        ([String](), "no answer for Country Name (2 letter code): end of input"),
        (["USA", "USA", "USA"], "no valid answer for Country Name (2 letter code) after 3 tries"),
    ])
    func givesUp(answers: [String], message: String) throws {
        let script = Script(answers)
        #expect { try script.prompt.ask(defaults: DistinguishedName(commonName: "")) } throws: { "\($0)" == message }
    }
}
