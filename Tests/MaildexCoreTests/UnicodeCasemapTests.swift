import MaildexCore
import Testing

// RFC 5051 §2, step by step: each character's titlecase mapping (UnicodeData.txt, simple), then
// its full decomposition, repeated until stable. Expected values written out by hand.
@Test(arguments: [
    ("", ""),
    ("hello, World 42 [x]_", "HELLO, WORLD 42 [X]_"),
    ("Ñandú", "N\u{303}ANDU\u{301}"),
    ("n\u{303}andu\u{301}", "N\u{303}ANDU\u{301}"),        // already decomposed: the same key
    ("café", "CAFE\u{301}"),
    ("Straße", "STRA\u{DF}E"),                            // ß has no simple titlecase mapping
    ("\u{FB01}le", "FILE"),                               // ligature fi: decomposed, then titlecased
    ("\u{1C6}emal", "DZ\u{30C}EMAL"),                      // dž: titlecase Dž, decomposed, Z titlecased
    ("παράδειγμα", "\u{3A0}\u{391}\u{3A1}\u{391}\u{301}\u{394}\u{395}\u{399}\u{393}\u{39C}\u{391}"),
    ("Привет", "\u{41F}\u{420}\u{418}\u{412}\u{415}\u{422}"),
    ("日本語", "日本語"),                                   // no case, no decomposition
    ("ＡＢＣ", "ABC"),                                      // fullwidth: compatibility decomposition
    ("\u{216B}", "XII"),                                   // roman numeral twelve
    ("\u{212B}", "A\u{30A}"),                              // angstrom sign
])
func casemapKey(_ input: String, _ expected: String) {
    #expect(Array(UnicodeCasemap.key(input).unicodeScalars) == Array(expected.unicodeScalars))
}

// Ordering is octet order of the keys (what SQLite's BINARY collation does): accented letters
// sort with their base letter, case does not matter, and a key compares equal to its variants.
@Test func keysOrderAsTheCollationDoes() {
    let words = ["Zebra", "ñandú", "Nabo", "ánimo", "apple", "NZ", "Émile", "eagle", "Ötzi", "oak"]
    let sorted = words.sorted { Array(UnicodeCasemap.key($0).utf8).lexicographicallyPrecedes(Array(UnicodeCasemap.key($1).utf8)) }
    #expect(sorted == ["apple", "ánimo", "eagle", "Émile", "Nabo", "NZ", "ñandú", "oak", "Ötzi", "Zebra"])
    #expect(UnicodeCasemap.key("RÉSUMÉ").utf8.elementsEqual(UnicodeCasemap.key("re\u{301}sume\u{301}").utf8))
    #expect(!UnicodeCasemap.key("resume").utf8.elementsEqual(UnicodeCasemap.key("résumé").utf8))
}
