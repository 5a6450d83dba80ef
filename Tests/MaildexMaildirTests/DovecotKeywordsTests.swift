import Testing
@testable import MaildexMaildir

struct DovecotKeywordsTests {
    @Test func parseAndSerialize() {
        let keywords = DovecotKeywords(parsing: "0 $Forwarded\n1 Junk\n3 $label1\n")
        #expect(keywords.keywords == ["$Forwarded", "Junk", "", "$label1"])
        #expect(keywords.serialized == "0 $Forwarded\n1 Junk\n3 $label1\n")
        #expect(DovecotKeywords(parsing: keywords.serialized) == keywords)
    }

    @Test(arguments: [
        ("0 a\n", ["a"]),
        ("garbage\n0 a\n", ["a"]),          // no space: skipped (Dovecot: old .customflags first line)
        ("x a\n1 b\n", ["", "b"]),           // bad index
        ("26 toolarge\n0 a\n", ["a"]),        // index >= 26
        ("0 \n", []),                         // empty keyword
        ("1 b\r\n", ["", "b"]),
        ("", []),
    ])
    func tolerantParsing(_ text: String, _ expected: [String]) {
        #expect(DovecotKeywords(parsing: text).keywords == expected)
    }

    @Test func letters() {
        let keywords = DovecotKeywords(keywords: ["$Forwarded", "", "Junk"])
        #expect(keywords.letter(for: "junk") == "c")
        #expect(keywords.letter(for: "$forwarded") == "a")
        #expect(keywords.letter(for: "nope") == nil)
        #expect(keywords.keyword(for: "a") == "$Forwarded")
        #expect(keywords.keyword(for: "b") == nil)
        #expect(keywords.keyword(for: "z") == nil)
        #expect(keywords.keyword(for: "A") == nil)
    }

    @Test func addingFillsGapsThenStopsAt26() {
        var keywords = DovecotKeywords(keywords: ["a0", "", "a2"])
        #expect(keywords.addLetter(for: "A2") == "c")
        #expect(keywords.addLetter(for: "new") == "b")
        #expect(keywords.addLetter(for: "newer") == "d")
        for i in 4..<26 { #expect(keywords.addLetter(for: "k\(i)") != nil) }
        #expect(keywords.keywords.count == 26)
        #expect(keywords.addLetter(for: "one-too-many") == nil)
        #expect(keywords.keywords.count == 26)
    }
}
