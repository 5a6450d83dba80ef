import Foundation
import MaildexCertificates

/// Asks for the subject fields one by one, as `openssl req -new` does:
///
/// ```
/// Country Name (2 letter code) [JP]:
/// State or Province Name (full name) []:Tokyo
/// Common Name (e.g. server FQDN) []:mail.example.com
/// ```
/// An empty answer keeps the default in brackets; `.` leaves the field empty. A country that is
/// not two letters and an empty common name are asked again.
struct SubjectPrompt {
    /// Reads one line without its newline; nil at end of input.
    var readLine: () -> String?
    /// Shows a prompt or a message.
    var write: (String) -> Void

    /// Prompts on standard error and reads standard input.
    static var terminal: SubjectPrompt { SubjectPrompt(
        readLine: { Swift.readLine(strippingNewline: true) },
        write: { FileHandle.standardError.write(Data($0.utf8)) }
    ) }

    /// How many times a field is asked before giving up.
    static let attempts = 3

    static let introduction = """
        You are about to be asked to enter information that will be incorporated
        into your certificate request. Enter '.' to leave a field empty.

        """

    func ask(defaults: DistinguishedName) throws -> DistinguishedName {
        write(Self.introduction)
        var subject = defaults
        subject.country = try field("Country Name (2 letter code)", defaults.country, check: Self.countryProblem)
        subject.state = try field("State or Province Name (full name)", defaults.state)
        subject.locality = try field("Locality Name (eg, city)", defaults.locality)
        subject.organization = try field("Organization Name (eg, company)", defaults.organization)
        subject.organizationalUnit = try field("Organizational Unit Name (eg, section)", defaults.organizationalUnit)
        subject.commonName = try field("Common Name (e.g. server FQDN)", defaults.commonName.isEmpty ? nil : defaults.commonName) { value in
            value == nil ? "the common name is required: the server's host name" : nil
        } ?? ""
        subject.email = try field("Email Address", defaults.email)
        return subject
    }

    /// One field: nil when left empty. `check` returns why an answer is refused, or nil.
    private func field(_ label: String, _ fallback: String?, check: (String?) -> String? = { _ in nil }) throws -> String? {
        for _ in 0..<Self.attempts {
            write("\(label) [\(fallback ?? "")]:")
            guard let line = readLine() else { throw AdminError("no answer for \(label): end of input") }
            let answer = line.trimmingCharacters(in: .whitespaces)
            let value: String? = answer == "." ? nil : answer.isEmpty ? fallback : answer
            if let problem = check(value) {
                write("\(problem)\n")
                continue
            }
            return value
        }
        throw AdminError("no valid answer for \(label) after \(Self.attempts) tries")
    }

    static func countryProblem(_ value: String?) -> String? {
        guard let value else { return nil }
        let ok = value.unicodeScalars.count == 2 && value.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
        return ok ? nil : "'\(value)' is not a two-letter country code (e.g. JP, US, DE)"
    }
}
