import Foundation
import GRDB
import MaildexCore

/// Swift functions callable from SQL: the fallbacks where trigram FTS cannot answer, and the
/// SORT collation.
enum SQLFunctions {
    static func register(in db: Database, bodyText: BodyTextSource?) {
        db.add(function: unicodeCasemap)
        db.add(function: contains)
        db.add(function: headerContains)
        if let bodyText { db.add(function: bodyContains(bodyText)) }
    }

    /// `maildex_body_contains(mailbox_name, file_name, needle)`: 1 if the body text of that
    /// message file contains `needle` (case-insensitive); reads the file through the index's
    /// ``BodyTextSource``. For messages the catch-up indexer has not reached, and short needles.
    static func bodyContains(_ source: @escaping BodyTextSource) -> DatabaseFunction {
        DatabaseFunction("maildex_body_contains", argumentCount: 3, pure: false) { values in
            guard let name = String.fromDatabaseValue(values[0]), let mailbox = try? MailboxName(name),
                  let file = String.fromDatabaseValue(values[1]),
                  let needle = String.fromDatabaseValue(values[2]),
                  let text = source(mailbox, file) else { return false }
            return TextMatch.contains(text, needle)
        }
    }

    /// `maildex_unicode_casemap(text)`: the i;unicode-casemap form of `text` (RFC 5051), as the
    /// SORT key columns hold it; NULL stays NULL. Migration `user_v0007` converts stored keys with it.
    static let unicodeCasemap = DatabaseFunction("maildex_unicode_casemap", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(UnicodeCasemap.key)
    }

    /// `maildex_contains(haystack, needle)`: 1 if `needle` occurs in `haystack`, compared
    /// case-insensitively over Unicode (IMAP SEARCH semantics, RFC 3501 §6.4.4). NULL haystack: 0.
    static let contains = DatabaseFunction("maildex_contains", argumentCount: 2, pure: true) { values in
        guard let haystack = String.fromDatabaseValue(values[0]),
              let needle = String.fromDatabaseValue(values[1]) else { return false }
        return TextMatch.contains(haystack, needle)
    }

    /// `maildex_header_contains(header_block, field_name, needle)`: 1 if a field of that name in
    /// the raw header block contains `needle` (case-insensitive); an empty needle asks only
    /// whether the field is present (RFC 3501 §6.4.4 HEADER).
    static let headerContains = DatabaseFunction("maildex_header_contains", argumentCount: 3, pure: true) { values in
        guard let block = String.fromDatabaseValue(values[0]),
              let field = String.fromDatabaseValue(values[1]),
              let needle = String.fromDatabaseValue(values[2]) else { return false }
        return HeaderBlock.values(named: field, in: block).contains { needle.isEmpty || TextMatch.contains($0, needle) }
    }
}

/// Case-insensitive substring matching as IMAP SEARCH needs it.
enum TextMatch {
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        if let ascii = asciiContains(haystack, needle) { return ascii }
        return haystack.range(of: needle, options: [.caseInsensitive]) != nil
    }

    /// A byte scan with ASCII case folding when the needle is ASCII (the common case, and ten
    /// times faster than Foundation); nil when the needle is not ASCII. Non-ASCII bytes in the
    /// haystack can then never match, which only misses exotic foldings such as the Kelvin sign.
    static func asciiContains(_ haystack: String, _ needle: String) -> Bool? {
        var needleBytes = Array(needle.utf8)
        for (i, byte) in needleBytes.enumerated() {
            guard byte < 0x80 else { return nil }
            needleBytes[i] = byte.asciiLowercased
        }
        var haystack = haystack
        return haystack.withUTF8 { bytes in
            let n = needleBytes.count
            guard bytes.count >= n else { return false }
            let first = needleBytes[0]
            var start = 0
            while start <= bytes.count - n {
                if bytes[start].asciiLowercased == first {
                    var k = 1
                    while k < n && bytes[start + k].asciiLowercased == needleBytes[k] { k += 1 }
                    if k == n { return true }
                }
                start += 1
            }
            return false
        }
    }
}
