import MaildexCertificates
import Testing

@Suite struct DistinguishedNameTests {
    static let full = DistinguishedName(
        commonName: "mail.example.com", organization: "Example Inc.", organizationalUnit: "IT",
        country: "JP", state: "Tokyo", locality: "Koto-ku", email: "admin@example.com")

    @Test(arguments: [
        (full, nil),
        (DistinguishedName(commonName: "mail.example.com"), nil),
        (DistinguishedName(commonName: "メール.example.jp", organization: "株式会社例", locality: "江東区"), nil),
        (DistinguishedName(commonName: "x", country: ""), nil),  // empty means absent, as at an `openssl req` prompt
        (DistinguishedName(commonName: "x", country: "jp"), nil),
        (DistinguishedName(commonName: ""), "CN"),
        (DistinguishedName(commonName: "  "), "CN"),
        (DistinguishedName(commonName: "x", country: "JPN"), "C"),
        (DistinguishedName(commonName: "x", country: "J"), "C"),
        (DistinguishedName(commonName: "x", country: "1A"), "C"),
        (DistinguishedName(commonName: "x", country: "日本"), "C"),
        (DistinguishedName(commonName: String(repeating: "a", count: 65)), "CN"),
        (DistinguishedName(commonName: String(repeating: "あ", count: 64)), nil),
        (DistinguishedName(commonName: "x", organization: String(repeating: "o", count: 65)), "O"),
        (DistinguishedName(commonName: "x", email: "admin"), "emailAddress"),
        (DistinguishedName(commonName: "x", email: "ädmin@example.com"), "emailAddress"),
        (DistinguishedName(commonName: "x\u{0}y"), "CN"),
        (DistinguishedName(commonName: "x", organizationalUnit: "line\nbreak"), "OU"),
    ] as [(DistinguishedName, String?)])
    func validate(_ name: DistinguishedName, invalidField: String?) {
        if let invalidField {
            let error = #expect(throws: InvalidDistinguishedName.self) { try name.validate() }
            #expect(error?.field == invalidField)
        } else {
            #expect(throws: Never.self) { try name.validate() }
        }
    }
}
