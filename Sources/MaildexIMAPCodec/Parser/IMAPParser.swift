import MaildexCore

/// A cursor over one command's bytes with the RFC 3501 §9 primitives. Every failure is an
/// ``IMAPParseError`` carrying the tag and, once known, the command name as a prefix.
struct IMAPParser {
    let bytes: [UInt8]
    var index = 0
    var tag: String?
    /// The command name, prefixed to error messages (`FETCH: ...`).
    var context: String?
    /// Nesting depth of parenthesised lists and NOT/OR, bounded so that no input exhausts the stack.
    var depth = 0
    static let maximumDepth = 64

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func error(_ message: String) -> IMAPParseError {
        IMAPParseError(tag: tag, message: context.map { "\($0): \(message)" } ?? message)
    }

    // MARK: - Position

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// At the end of the command. Trailing spaces are tolerated (as Dovecot does): a command
    /// followed only by SPs is complete.
    var atEnd: Bool { bytes[index...].allSatisfy { $0 == IMAPGrammar.space } }

    /// Whether another SP-separated argument follows (a SP that is not merely trailing).
    var hasMoreArguments: Bool { peek == IMAPGrammar.space && !atEnd }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(IMAPParseError) {
        guard consume(byte) else { throw error("expected \(what)\(found)") }
    }

    mutating func expectSP() throws(IMAPParseError) {
        guard !atEnd else { throw error("missing argument") }
        try expect(IMAPGrammar.space, "SP")
    }

    func expectEnd() throws(IMAPParseError) {
        guard atEnd else {
            let start = bytes[index...].firstIndex { $0 != IMAPGrammar.space } ?? index
            throw error("unexpected \(excerpt(from: start)) at end of command")
        }
    }

    /// ` near "..."` for an error message, or ` at end of command`.
    var found: String { index < bytes.count ? " before \(excerpt(from: index))" : " at end of command" }

    func excerpt(from start: Int, to end: Int? = nil, limit: Int = 30) -> String {
        let stop = min(end ?? bytes.count, bytes.count, start + limit)
        guard start < stop else { return "end of command" }
        return String(decoding: bytes[start..<stop], as: UTF8.self)
    }

    /// Consumes `word` when the next token is it (case-insensitive) followed by a delimiter.
    mutating func consumeKeyword(_ word: String) -> Bool {
        let end = index + word.utf8.count
        guard end <= bytes.count else { return false }
        for (b, w) in zip(bytes[index..<end], word.utf8) where uppercased(b) != w { return false }
        if end < bytes.count, IMAPGrammar.isAtomChar(bytes[end]) { return false }
        index = end
        return true
    }

    func uppercased(_ b: UInt8) -> UInt8 { b >= 0x61 && b <= 0x7A ? b - 0x20 : b }

    // MARK: - Tokens

    /// Bytes while `predicate` holds (possibly none).
    mutating func take(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count, predicate(bytes[index]) { index += 1 }
        return bytes[start..<index]
    }

    // atom            = 1*ATOM-CHAR
    mutating func parseAtom(_ what: String = "atom") throws(IMAPParseError) -> String {
        let atom = take(while: IMAPGrammar.isAtomChar)
        guard !atom.isEmpty else { throw error("expected \(what)\(found)") }
        return String(decoding: atom, as: UTF8.self)
    }

    // astring         = 1*ASTRING-CHAR / string
    mutating func parseAString(_ what: String) throws(IMAPParseError) -> String {
        try decodeUTF8(parseAStringBytes(what))
    }

    mutating func parseAStringBytes(_ what: String) throws(IMAPParseError) -> [UInt8] {
        if peek == IMAPGrammar.dquote || peek == IMAPGrammar.openBrace { return try parseStringBytes(what) }
        let atom = take(while: IMAPGrammar.isAStringChar)
        guard !atom.isEmpty else { throw error(atEnd ? "missing \(what)" : "expected \(what)\(found)") }
        return Array(atom)
    }

    // string          = quoted / literal
    mutating func parseString(_ what: String) throws(IMAPParseError) -> String {
        try decodeUTF8(parseStringBytes(what))
    }

    mutating func parseStringBytes(_ what: String) throws(IMAPParseError) -> [UInt8] {
        switch peek {
        case IMAPGrammar.dquote: return try parseQuoted()
        case IMAPGrammar.openBrace: return try parseLiteral()
        default: throw error(atEnd ? "missing \(what)" : "expected \(what)\(found)")
        }
    }

    // nstring         = string / nil
    mutating func parseNString(_ what: String) throws(IMAPParseError) -> String? {
        if consumeKeyword("NIL") { return nil }
        return try parseString(what)
    }

    // quoted          = DQUOTE *QUOTED-CHAR DQUOTE
    // QUOTED-CHAR     = <any TEXT-CHAR except quoted-specials> / "\" quoted-specials
    //                   (UTF-8 accepted, RFC 6855 / RFC 9051 §9 QUOTED-CHAR)
    mutating func parseQuoted() throws(IMAPParseError) -> [UInt8] {
        try expect(IMAPGrammar.dquote, "\"")
        var out: [UInt8] = []
        while let b = peek {
            index += 1
            switch b {
            case IMAPGrammar.dquote:
                return out
            case IMAPGrammar.backslash:
                guard let escaped = peek, escaped == IMAPGrammar.dquote || escaped == IMAPGrammar.backslash else {
                    throw error("invalid escape in quoted string")
                }
                index += 1
                out.append(escaped)
            case 0, IMAPGrammar.cr, IMAPGrammar.lf:
                throw error("invalid character in quoted string")
            default:
                out.append(b)
            }
        }
        throw error("unterminated quoted string")
    }

    // literal         = "{" number ["+"] "}" CRLF *CHAR8      (RFC 3501, RFC 7888 "+")
    // literal8        = "~{" number ["+"] "}" CRLF *OCTET     (RFC 3516), when allowed
    mutating func parseLiteral(allowLiteral8: Bool = false) throws(IMAPParseError) -> [UInt8] {
        if allowLiteral8 { _ = consume(IMAPGrammar.tilde) }
        try expect(IMAPGrammar.openBrace, "{")
        let digits = take(while: IMAPGrammar.isDigit)
        guard !digits.isEmpty, digits.count <= 10, let size = Int(String(decoding: digits, as: UTF8.self)) else {
            throw error("invalid literal size")
        }
        _ = consume(IMAPGrammar.plus)
        try expect(IMAPGrammar.closeBrace, "}")
        _ = consume(IMAPGrammar.cr)
        guard consume(IMAPGrammar.lf) else { throw error("expected CRLF after literal size") }
        guard bytes.count - index >= size else { throw error("literal shorter than announced") }
        defer { index += size }
        let data = Array(bytes[index..<index + size])
        if !allowLiteral8, data.contains(0) { throw error("NUL in literal") }
        return data
    }

    func decodeUTF8(_ bytes: [UInt8]) throws(IMAPParseError) -> String {
        guard let string = String(validating: bytes, as: UTF8.self) else { throw error("invalid UTF-8 in string") }
        return string
    }

    // MARK: - Numbers

    // number          = 1*DIGIT  ; unsigned 32-bit
    // nz-number       = digit-nz *DIGIT
    mutating func parseNumber(_ what: String = "number", nonZero: Bool = false) throws(IMAPParseError) -> UInt32 {
        let start = index
        let digits = take(while: IMAPGrammar.isDigit)
        guard !digits.isEmpty, let n = UInt32(String(decoding: digits, as: UTF8.self)), !nonZero || n > 0 else {
            index = start
            throw error("invalid \(what) \(excerpt(from: start, to: tokenEnd(from: start)))")
        }
        return n
    }

    // mod-sequence-value  = 1*DIGIT   ; 1 <= n <= 9,223,372,036,854,775,807 (RFC 7162 §7)
    // mod-sequence-valzer = "0" / mod-sequence-value
    /// A mod-sequence-valzer, or a mod-sequence-value with `nonZero`.
    mutating func parseModSeq(nonZero: Bool = false) throws(IMAPParseError) -> UInt64 {
        let start = index
        let digits = take(while: IMAPGrammar.isDigit)
        guard !digits.isEmpty, let n = UInt64(String(decoding: digits, as: UTF8.self)), n <= UInt64(Int64.max),
              !nonZero || n > 0 else {
            index = start
            throw error("invalid mod-sequence \(excerpt(from: start, to: tokenEnd(from: start)))")
        }
        return n
    }

    /// The end of the token starting at `start` (up to SP, parentheses or the end).
    func tokenEnd(from start: Int) -> Int {
        var end = start
        while end < bytes.count, bytes[end] != IMAPGrammar.space, bytes[end] != IMAPGrammar.openParen,
              bytes[end] != IMAPGrammar.closeParen {
            end += 1
        }
        return end
    }

    // sequence-set    = (seq-number / seq-range) ["," sequence-set]
    mutating func parseSequenceSet() throws(IMAPParseError) -> NumberSet {
        let end = tokenEnd(from: index)
        let token = String(decoding: bytes[index..<end], as: UTF8.self)
        if token.contains("$") { throw error("the search result variable $ is not allowed here") }
        guard !token.isEmpty else { throw error(atEnd ? "missing sequence set" : "expected sequence set\(found)") }
        guard let set = NumberSet(parsing: token) else { throw error("invalid sequence set \(excerpt(from: index, to: end))") }
        index = end
        return set
    }

    // MARK: - Lists

    /// Runs `element` for each element of `"(" [element *(SP element)] ")"`.
    mutating func parseList(allowEmpty: Bool = true, _ element: (inout IMAPParser) throws(IMAPParseError) -> Void) throws(IMAPParseError) {
        try expect(IMAPGrammar.openParen, "(")
        try enter()
        defer { depth -= 1 }
        if consume(IMAPGrammar.closeParen) {
            guard allowEmpty else { throw error("empty list") }
            return
        }
        repeat {
            try element(&self)
        } while consume(IMAPGrammar.space)
        try expect(IMAPGrammar.closeParen, ")")
    }

    mutating func enter() throws(IMAPParseError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("too deeply nested") }
    }
}
