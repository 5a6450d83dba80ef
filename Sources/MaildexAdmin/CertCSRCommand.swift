import ArgumentParser
import Foundation
import MaildexCertificates

extension CertCommand {
    /// `mailadm cert csr --key server.key --cn mail.example.com …`, like `openssl req -new -key server.key`.
    struct CSR: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csr",
            abstract: "Make a certificate signing request (PKCS #10) for a CA to sign.",
            discussion: """
                Like `openssl req -new -key server.key -out server.csr`. Without --cn on a terminal, asks for \
                each subject field as openssl req does (Enter keeps the [default], '.' leaves a field empty). \
                The subjectAltName lists the common name and every --san. Writes to standard output unless --out.
                """
        )
        @Option(help: "The private key to sign the request with (see `mailadm cert key`).") var key: String
        @Option(help: "Common name (CN): the server's host name, e.g. mail.example.com.") var cn: String?
        @Option(name: .customLong("o"), help: "Organization (O).") var organization: String?
        @Option(name: .customLong("ou"), help: "Organizational unit (OU).") var organizationalUnit: String?
        @Option(name: .customLong("c"), help: "Country (C): two letters, e.g. JP.") var country: String?
        @Option(name: .customLong("st"), help: "State or province (ST).") var state: String?
        @Option(name: .customLong("l"), help: "Locality (L): the city.") var locality: String?
        @Option(help: "Email address (emailAddress).") var email: String?
        @Option(help: "Another DNS name or IP address for the subjectAltName (repeatable; the CN is always listed).") var san: [String] = []
        @Option(help: "Where to write the request (default: standard output).") var out: String?
        @ArgumentParser.Flag(help: "Replace an existing --out file.") var force = false

        func run() throws {
            var subject = DistinguishedName(
                commonName: cn ?? "", organization: organization, organizationalUnit: organizationalUnit,
                country: country, state: state, locality: locality, email: email)
            if let problem = SubjectPrompt.countryProblem(country) { throw AdminError("--c: \(problem)") }
            if cn != nil {
                do { try subject.validate() } catch { throw AdminError("\(error)") }
            }
            if let out { try CertFiles.refuseExisting(out, force: force) }
            let privateKey = try CertFiles.readKey(key)
            if cn == nil {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw AdminError("no --cn, and standard input is not a terminal to ask for it; pass --cn (and --o --ou --c --st --l --email as needed)")
                }
                subject = try SubjectPrompt.terminal.ask(defaults: subject)
            }
            let request: CertificateSigningRequest
            do {
                try subject.validate()
                request = try CertificateSigningRequest.create(key: privateKey, subject: subject, alternativeNames: san)
            } catch {
                throw AdminError("\(error)")
            }
            if let out {
                try CertFiles.writePublic(request.pem, to: out)
                FileHandle.standardError.write(Data("wrote certificate request to \(out); send it to your CA\n".utf8))
            } else {
                print(request.pem, terminator: request.pem.hasSuffix("\n") ? "" : "\n")
            }
        }
    }
}
