import Foundation
import GRDB

/// Swift functions callable from SQL: the fallbacks where trigram FTS cannot answer.
enum SQLFunctions {
    static func register(in db: Database) {
        db.add(function: contains)
        db.add(function: headerContains)
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
        return haystack.range(of: needle, options: [.caseInsensitive]) != nil
    }
}
