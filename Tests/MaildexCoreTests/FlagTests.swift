import MaildexCore
import Testing

@Suite struct FlagTests {
    @Test(arguments: [("\\Seen", Flag.seen), ("\\ANSWERED", .answered), ("\\flagged", .flagged), ("\\Deleted", .deleted),
                      ("\\Draft", .draft), ("$Forwarded", .keyword("$Forwarded")), ("Junk", .keyword("Junk"))])
    func parses(_ text: String, _ flag: Flag) {
        #expect(Flag(text) == flag)
    }

    @Test(arguments: ["\\Recent", "\\*", "\\Unknown", "", "two words", "paren(", "quote\"", "brace{", String(repeating: "k", count: 256)])
    func refuses(_ text: String) {
        #expect(Flag(text) == nil)
    }

    @Test func keywordsCompareCaseInsensitivelyAndSortAfterSystemFlags() {
        #expect(Flag.keyword("$junk") == Flag.keyword("$Junk"))
        #expect(Set<Flag>([.keyword("$junk"), .keyword("$JUNK")]).count == 1)
        #expect(Set<Flag>([.keyword("b"), .seen, .keyword("a"), .answered]).sorted == [.answered, .seen, .keyword("a"), .keyword("b")])
    }

    @Test func maildirLetters() {
        for flag in Flag.systemFlags {
            #expect(Flag(maildirLetter: flag.maildirLetter!) == flag)
        }
        #expect(Flag.keyword("x").maildirLetter == nil)
        #expect(Flag(maildirLetter: "a") == nil)
    }
}
