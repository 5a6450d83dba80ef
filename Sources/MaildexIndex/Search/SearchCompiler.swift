import Foundation
import GRDB
import MaildexCore

/// Turns a ``SearchQuery`` into a SQL condition over `message m`.
///
/// Substring criteria of 3+ characters go through the trigram FTS5 tables; shorter needles
/// (trigram cannot match them) scan the column with `maildex_contains`. Every criterion also
/// scans the rows above the catch-up indexer's watermarks (header fields, and header block with
/// body text), so results are complete while indexing lags.
struct SearchCompiler {
    private(set) var arguments: [String: (any DatabaseValueConvertible)?] = [:]
    private var counter = 0

    /// Long OR chains of UID ranges beyond this go through `json_each` instead, to stay below
    /// SQLite's expression depth limit (1000).
    static let maximumInlineRanges = 64

    mutating func condition(_ query: SearchQuery) -> String {
        switch query {
        case .all:
            return "1"
        case .uids(let ranges):
            return uidCondition(ranges)
        case .flag(let flag, let has):
            return flagCondition(flag, has)
        case .header(let key, let needle):
            return headerCondition(key.resolved, needle)
        case .body(let needle):
            return bodyCondition(needle)
        case .text(let needle):
            return textCondition(needle)
        case .internalDate(let from, let before):
            return rangeCondition("m.internal_date", from, before)
        case .sentDate(let from, let before):
            if from == nil && before == nil { return "1" }
            return "EXISTS (SELECT 1 FROM message_header h WHERE h.message_id = m.id AND \(rangeCondition("h.sent_date", from, before)))"
        case .larger(let size):
            return "m.virtual_size > \(bind(size))"
        case .smaller(let size):
            return "m.virtual_size < \(bind(size))"
        case .modSeq(let atLeast):
            return "m.mod_seq >= \(bind(Int64(clamping: atLeast.rawValue)))"
        case .and(let queries):
            return combine(queries.map { condition($0) }, "AND", empty: "1")
        case .or(let a, let b):
            return "(\(condition(a)) OR \(condition(b)))"
        case .not(let query):
            return "NOT (\(condition(query)))"
        }
    }

    // MARK: - Criteria

    private mutating func uidCondition(_ ranges: [ClosedRange<UInt32>]) -> String {
        if ranges.isEmpty { return "0" }
        if ranges.count <= Self.maximumInlineRanges {
            let terms = ranges.map { "m.uid BETWEEN \(bind(Int64($0.lowerBound))) AND \(bind(Int64($0.upperBound)))" }
            return combine(terms, "OR", empty: "0")
        }
        let json = "[" + ranges.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]"
        return """
            EXISTS (SELECT 1 FROM json_each(\(bind(json))) r \
            WHERE m.uid BETWEEN json_extract(r.value, '$[0]') AND json_extract(r.value, '$[1]'))
            """
    }

    private mutating func flagCondition(_ flag: Flag, _ has: Bool) -> String {
        if case .keyword(let keyword) = flag {
            // Keywords are ASCII atoms, so SQLite's ASCII lower() is the right comparison.
            let word = bind(" " + keyword.lowercased() + " ")
            return "instr(' ' || lower(coalesce(m.keywords, '')) || ' ', \(word)) \(has ? ">" : "=") 0"
        }
        return "(m.system_flags & \(FlagColumns.bit(flag))) \(has ? "<>" : "=") 0"
    }

    private mutating func headerCondition(_ key: HeaderKey, _ needle: String) -> String {
        switch key {
        case .from: return addressCondition("from_text", needle)
        case .to: return addressCondition("to_text", needle)
        case .cc: return addressCondition("cc_text", needle)
        case .bcc: return addressCondition("bcc_text", needle)
        case .subject: return addressCondition("subject", needle)
        case .messageID: return addressCondition("message_id_text", needle)
        case .inReplyTo: return addressCondition("in_reply_to_text", needle)
        case .references: return addressCondition("references_text", needle)
        case .other(let name):
            let scan = "maildex_header_contains(b.header_text, \(bind(name)), \(bind(needle)))"
            guard Self.usesFTS(needle) else { return headerBlockScan(scan) }
            return "((\(ftsMatch("message_text_fts", column: "header_text", needle)) AND \(headerBlockScan(scan))) OR (\(Self.pending) AND \(headerBlockScan(scan))))"
        }
    }

    /// One of the FTS-indexed header columns; an empty needle asks for a non-empty field.
    private mutating func addressCondition(_ column: String, _ needle: String) -> String {
        if needle.isEmpty {
            return "EXISTS (SELECT 1 FROM message_header h WHERE h.message_id = m.id AND h.\(column) <> '')"
        }
        guard Self.usesFTS(needle) else { return detailScan(column, needle) }
        // A long needle (a Message-ID) costs one trigram doclist per character, and the common
        // ones (`mai`, `.co`) list every message. Its most distinctive word finds the few
        // candidates through the FTS; the column check then keeps exactly the substring matches.
        // Rows the header indexer has not reached are scanned.
        if let probe = Self.distinctiveWord(of: needle) {
            return "((\(ftsMatch("message_header_fts", column: column, probe)) OR \(Self.headersPending)) AND \(detailScan(column, needle)))"
        }
        return "(\(ftsMatch("message_header_fts", column: column, needle)) OR (\(Self.headersPending) AND \(detailScan(column, needle))))"
    }

    /// For needles of 16+ characters, the word (a run of letters and digits, 4+ long) most likely
    /// to be rare: the most distinct characters, digits counting double (ids, hashes, numbers).
    /// Nil for shorter needles or when no word qualifies.
    static func distinctiveWord(of needle: String) -> String? {
        guard needle.unicodeScalars.count >= 16 else { return nil }
        let words = needle.split { !($0.isLetter || $0.isNumber) }.filter { $0.unicodeScalars.count >= 4 }
        func score(_ word: Substring) -> Int { Set(word.lowercased()).count + word.filter(\.isNumber).count }
        return words.max { score($0) < score($1) }.map(String.init)
    }

    private mutating func detailScan(_ column: String, _ needle: String) -> String {
        "EXISTS (SELECT 1 FROM message_header h WHERE h.message_id = m.id AND h.\(column) IS NOT NULL AND \(contains("h.\(column)", needle)))"
    }

    /// Any of `columns` of this message's `message_header` row holds the needle.
    private mutating func fieldsScan(_ columns: [String], _ needle: String) -> String {
        let fields = columns.map { contains("h.\($0)", needle) }.joined(separator: " OR ")
        return "EXISTS (SELECT 1 FROM message_header h WHERE h.message_id = m.id AND (\(fields)))"
    }

    /// A substring test for a scan. An ASCII needle uses SQLite's LIKE, which folds ASCII case
    /// only (like ``TextMatch/asciiContains(_:_:)``) and allocates nothing, so it is about twice
    /// as fast as `instr(lower(...))`; other needles call the Swift `maildex_contains`.
    private mutating func contains(_ column: String, _ needle: String) -> String {
        if needle.utf8.allSatisfy({ $0 < 0x80 }) {
            return "\(column) LIKE \(bind(Self.likePattern(needle))) ESCAPE '\\'"
        }
        return "maildex_contains(\(column), \(bind(needle)))"
    }

    /// `%needle%` with LIKE's own wildcards escaped.
    static func likePattern(_ needle: String) -> String {
        var pattern = "%"
        for character in needle {
            if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern + "%"
    }

    private mutating func bodyCondition(_ needle: String) -> String {
        if needle.isEmpty { return "1" }
        let scan = bodyFileScan(needle)
        guard Self.usesFTS(needle) else { return scan }
        return "(\(ftsMatch("message_text_fts", column: "body_text", needle)) OR (\(Self.pending) AND \(scan)))"
    }

    private mutating func textCondition(_ needle: String) -> String {
        if needle.isEmpty { return "1" }
        let scan = "(\(headerBlockScan(contains("b.header_text", needle))) OR \(bodyFileScan(needle)))"
        guard Self.usesFTS(needle) else {
            return "(\(fieldsScan(["from_text", "to_text", "cc_text", "bcc_text", "subject"], needle)) OR \(scan))"
        }
        let headerFields = ["from_text", "to_text", "cc_text", "bcc_text", "subject", "message_id_text", "in_reply_to_text", "references_text"]
        return "(\(ftsMatch("message_header_fts", column: nil, needle)) OR \(ftsMatch("message_text_fts", column: nil, needle))"
            + " OR (\(Self.pending) AND \(scan)) OR (\(Self.headersPending) AND \(fieldsScan(headerFields, needle))))"
    }

    /// Messages the catch-up indexer has not reached with their header block and body text.
    static let pending = "m.id > (SELECT value FROM state WHERE key = 'body_fts_indexed_through')"
    /// Messages whose header fields the catch-up indexer has not put in `message_header_fts`.
    static let headersPending = "m.id > (SELECT value FROM state WHERE key = 'header_fts_indexed_through')"

    /// A predicate over this message's raw header block `b.header_text`.
    private func headerBlockScan(_ predicate: String) -> String {
        "EXISTS (SELECT 1 FROM message_header_block b WHERE b.message_id = m.id AND \(predicate))"
    }

    /// Reads this message's file and tests its body text (slow: for unindexed rows and short needles).
    private mutating func bodyFileScan(_ needle: String) -> String {
        "maildex_body_contains((SELECT name FROM mailbox WHERE id = m.mailbox_id), m.file_name, \(bind(needle)))"
    }

    private mutating func ftsMatch(_ table: String, column: String?, _ needle: String) -> String {
        let query = FTSQuery.phrase(needle, column: column)
        return "m.id IN (SELECT rowid FROM \(table) WHERE \(table) MATCH \(bind(query)))"
    }

    private mutating func rangeCondition(_ column: String, _ from: Date?, _ before: Date?) -> String {
        var terms: [String] = []
        if let from { terms.append("\(column) >= \(bind(from.timeIntervalSince1970))") }
        if let before { terms.append("\(column) < \(bind(before.timeIntervalSince1970))") }
        if terms.isEmpty { return "1" }
        return "(" + terms.joined(separator: " AND ") + ")"
    }

    // MARK: - Helpers

    /// True when the query is, or is an AND with, a header criterion answered by the header FTS
    /// (`m.id IN (SELECT rowid ...)`): that set is usually far smaller than the mailbox.
    static func isDrivenByHeaderFTS(_ query: SearchQuery) -> Bool {
        switch query {
        case .header(let key, let needle):
            switch key.resolved {
            case .from, .to, .cc, .bcc, .subject: return usesFTS(needle)
            default: return false
            }
        case .and(let queries): return queries.contains { isDrivenByHeaderFTS($0) }
        default: return false
        }
    }

    /// Trigram FTS matches needles of at least three characters (code points).
    static func usesFTS(_ needle: String) -> Bool { needle.unicodeScalars.count >= 3 }

    /// Joins terms as a balanced tree, so long lists stay far below SQLite's expression depth limit.
    private func combine(_ terms: [String], _ op: String, empty: String) -> String {
        switch terms.count {
        case 0: return empty
        case 1: return terms[0]
        default:
            let middle = terms.count / 2
            return "(\(combine(Array(terms[..<middle]), op, empty: empty)) \(op) \(combine(Array(terms[middle...]), op, empty: empty)))"
        }
    }

    private mutating func bind(_ value: some DatabaseValueConvertible) -> String {
        counter += 1
        let name = "p\(counter)"
        arguments[name] = value
        return ":" + name
    }
}

/// FTS5 query strings (https://sqlite.org/fts5.html §3).
enum FTSQuery {
    /// The needle as one phrase, `"` doubled, so no character of it is FTS5 syntax
    /// (`*`, `-`, `OR`, `:`, `^`…); with a column filter: `{subject} : "needle"`.
    static func phrase(_ needle: String, column: String?) -> String {
        let quoted = "\"" + needle.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        guard let column else { return quoted }
        return "{\(column)} : \(quoted)"
    }
}
