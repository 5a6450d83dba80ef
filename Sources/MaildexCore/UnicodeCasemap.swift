import Foundation

/// The i;unicode-casemap collation (RFC 5051), which SORT and THREAD compare strings with
/// (RFC 5256 §2.1, §3).
///
/// Each string is turned into its "titlecased canonicalized UTF-8" form: every character is
/// replaced by its titlecase mapping, then by its full (compatibility) decomposition, and that
/// is repeated until nothing changes (RFC 5051 §2). Two such keys are then ordered octet by
/// octet, which is what SQLite's default BINARY collation does with TEXT, so the keys can be
/// stored once and sorted with a plain `ORDER BY`:
///
///     UnicodeCasemap.key("Ñandú")  // "N\u{303}ANDU\u{301}": among the N's, after "NZ"
///     UnicodeCasemap.key("ﬁle")    // "FILE"
public enum UnicodeCasemap {
    /// The titlecased canonicalized form of `string` (RFC 5051 §2).
    public static func key(_ string: String) -> String {
        if string.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: string.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
        }
        var current = string
        // A decomposition can bring characters that have a titlecase mapping again (the
        // ligature "ﬁ" gives "fi"); a few rounds reach the fixed point.
        for _ in 0..<4 {
            let next = titlecased(current).decomposedStringWithCompatibilityMapping
            if next.utf8.elementsEqual(current.utf8) { break }
            current = next
        }
        return current
    }

    /// Each scalar replaced by its simple titlecase mapping (UnicodeData.txt, as RFC 5051 asks):
    /// a full mapping of more than one scalar (SpecialCasing.txt, "ß" to "Ss") is not used.
    static func titlecased(_ string: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            let mapped = scalar.properties.titlecaseMapping.unicodeScalars
            if mapped.count == 1, let only = mapped.first {
                out.append(only)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
