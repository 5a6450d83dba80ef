import Foundation
@testable import MaildexIndex
import Testing

@Suite struct TextMatchTests {
    @Test(arguments: [
        ("Ärger im Büro", "ärger", true),
        ("ärger", "ÄRGER", true),
        ("Straße", "STRASSE", false),      // no expansion of ß: SEARCH compares characters, like Dovecot
        ("日本語のテキスト", "テキ", true),
        ("日本語", "中", false),
        ("Hello World", "O W", true),
        ("Hello World", "ow", false),
        ("abc", "", true),
        ("", "a", false),
        ("ab", "abc", false),
        ("xxABCxx", "abc", true),
        ("café", "CAF", true),
    ])
    func contains(haystack: String, needle: String, expected: Bool) {
        #expect(TextMatch.contains(haystack, needle) == expected)
    }

    @Test(arguments: [
        ("X-Mailer: Mutt\r\nSubject: hi\r\n", "x-mailer", ["Mutt"]),
        ("X-Tag: a\r\nX-Tag:b\r\n", "X-TAG", ["a", "b"]),
        ("X-Long: one\r\n\ttwo\r\nTo: x\r\n", "x-long", ["one\ttwo"]),
        ("Subject: hi\r\n\r\nX-Body: not a header\r\n", "x-body", []),
        ("Broken line without colon\nX-A : spaced\n", "x-a", ["spaced"]),
        ("", "x", []),
    ])
    func headerValues(block: String, name: String, expected: [String]) {
        #expect(HeaderBlock.values(named: name, in: block).map { $0.trimmingCharacters(in: .whitespaces) } == expected)
    }

    @Test(arguments: [
        ("abc", nil, "\"abc\""),
        ("a\"b", nil, "\"a\"\"b\""),
        ("x OR y*", "subject", "{subject} : \"x OR y*\""),
    ] as [(String, String?, String)])
    func ftsPhrase(needle: String, column: String?, expected: String) {
        #expect(FTSQuery.phrase(needle, column: column) == expected)
    }
}
