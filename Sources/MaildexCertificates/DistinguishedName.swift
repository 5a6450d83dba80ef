/// The subject of a request or certificate, with the fields `openssl req` asks for
/// (RFC 5280 §4.1.2.4, attribute types from X.520 and PKCS #9).
///
/// Empty optional fields are treated as absent, as `openssl req` does when you answer a prompt with nothing.
/// Values are UTF-8; they are encoded as UTF8String (countryName as PrintableString, emailAddress as IA5String).
///
/// ```swift
/// let subject = DistinguishedName(commonName: "mail.example.com", organization: "Example Inc.", country: "JP")
/// // C=JP, O=Example Inc., CN=mail.example.com
/// ```
public struct DistinguishedName: Sendable, Equatable {
    /// `CN`: for a server certificate, its host name. Required.
    public var commonName: String
    /// `O`.
    public var organization: String?
    /// `OU`.
    public var organizationalUnit: String?
    /// `C`: two letters, ISO 3166 (`JP`).
    public var country: String?
    /// `ST`: state or province.
    public var state: String?
    /// `L`: locality (city).
    public var locality: String?
    /// `emailAddress` (PKCS #9), ASCII only.
    public var email: String?

    public init(
        commonName: String, organization: String? = nil, organizationalUnit: String? = nil, country: String? = nil,
        state: String? = nil, locality: String? = nil, email: String? = nil
    ) {
        self.commonName = commonName
        self.organization = organization
        self.organizationalUnit = organizationalUnit
        self.country = country
        self.state = state
        self.locality = locality
        self.email = email
    }

    /// One field as it goes into the X.509 name: `openssl req` short name, value and the
    /// X.520 upper bound in characters (RFC 5280 Appendix A, as libcrypto enforces them).
    struct Field {
        var shortName: String
        var value: String
        var maximumLength: Int
    }

    /// The present, non-empty fields in `openssl req` order: C, ST, L, O, OU, CN, emailAddress.
    var fields: [Field] {
        let all: [(String, String?, Int)] = [
            ("C", country, 2), ("ST", state, 128), ("L", locality, 128), ("O", organization, 64),
            ("OU", organizationalUnit, 64), ("CN", commonName, 64), ("emailAddress", email, 128),
        ]
        return all.compactMap { shortName, value, maximum in
            guard let value, !value.isEmpty else { return nil }
            return Field(shortName: shortName, value: value, maximumLength: maximum)
        }
    }

    /// Checks what `openssl req` would refuse, so the error names the field instead of an ASN.1 routine.
    ///
    /// - Throws: ``InvalidDistinguishedName`` when the common name is empty, the country is not
    ///   two letters, the email is not ASCII with an `@`, a value has control characters, or a value
    ///   is longer than its X.520 upper bound.
    public func validate() throws {
        guard !commonName.allSatisfy(\.isWhitespace) else {
            throw InvalidDistinguishedName(field: "CN", value: commonName, reason: "the common name must not be empty")
        }
        for field in fields {
            let scalars = field.value.unicodeScalars
            if scalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw InvalidDistinguishedName(field: field.shortName, value: field.value, reason: "contains control characters")
            }
            if scalars.count > field.maximumLength {
                throw InvalidDistinguishedName(
                    field: field.shortName, value: field.value,
                    reason: "longer than \(field.maximumLength) characters")
            }
        }
        if let country, !country.isEmpty {
            guard country.unicodeScalars.count == 2, country.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else {
                throw InvalidDistinguishedName(field: "C", value: country, reason: "must be a two-letter ISO 3166 country code")
            }
        }
        if let email, !email.isEmpty {
            guard email.unicodeScalars.allSatisfy({ $0.isASCII && $0 != " " }), email.contains("@") else {
                throw InvalidDistinguishedName(field: "emailAddress", value: email, reason: "must be an ASCII address like admin@example.com")
            }
        }
    }
}
