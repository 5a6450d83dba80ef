import MaildexCore

// SEARCH (RFC 3501 §6.4.4), with MODSEQ (RFC 7162 §3.1.5).
extension IMAPParser {
    // search          = "SEARCH" [SP "CHARSET" SP astring] 1*(SP search-key)
    mutating func parseSearch() throws(IMAPParseError) -> SearchProgram {
        try expectSP()
        var charset: String?
        if consumeKeyword("CHARSET") {
            try expectSP()
            charset = try parseAString("charset").uppercased()
            try expectSP()
        }
        if consumeKeyword("RETURN") { throw error("SEARCH RETURN is not supported") }
        var keys: [SearchKey] = []
        repeat {
            if !keys.isEmpty { index += 1 }
            keys.append(try parseSearchKey())
        } while hasMoreArguments
        return SearchProgram(charset: charset, key: keys.count == 1 ? keys[0] : .and(keys))
    }

    // search-key      = "ALL" / "ANSWERED" / "BCC" SP astring / "BEFORE" SP date / ... /
    //                   sequence-set / "(" search-key *(SP search-key) ")"
    //                   ; a list of one key is that key
    mutating func parseSearchKey() throws(IMAPParseError) -> SearchKey {
        try enter()
        defer { depth -= 1 }
        if peek == IMAPGrammar.openParen {
            var keys: [SearchKey] = []
            try parseList(allowEmpty: false) { (p: inout IMAPParser) throws(IMAPParseError) in
                keys.append(try p.parseSearchKey())
            }
            return keys.count == 1 ? keys[0] : .and(keys)
        }
        if let b = peek, IMAPGrammar.isDigit(b) || b == 0x2A || b == 0x24 {
            return .sequenceSet(try parseSequenceSet())
        }
        let start = index
        let name = String(decoding: take { IMAPGrammar.isAtomChar($0) }, as: UTF8.self).uppercased()
        if let key = Self.flagKeys[name] { return key }
        switch name {
        case "ALL": return .all
        case "NEW": return .new
        case "OLD": return .old
        case "RECENT": return .recent
        case "BCC", "CC", "FROM", "SUBJECT", "TO":
            return .header(name, try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseAString("search string") })
        case "HEADER":
            let field = try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseAString("header field name") }
            return .header(field, try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseAString("search string") })
        case "BODY": return .body(try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseAString("search string") })
        case "TEXT": return .text(try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseAString("search string") })
        case "KEYWORD", "UNKEYWORD":
            let flag = try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseKeyword() }
            return .flag(flag, name == "KEYWORD")
        case "BEFORE": return .internalDate(.before, try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseDate() })
        case "ON": return .internalDate(.on, try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseDate() })
        case "SINCE": return .internalDate(.since, try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseDate() })
        case "SENTBEFORE": return .sentDate(.before, try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseDate() })
        case "SENTON": return .sentDate(.on, try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseDate() })
        case "SENTSINCE": return .sentDate(.since, try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseDate() })
        case "LARGER": return .larger(try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseNumber("size") })
        case "SMALLER": return .smaller(try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseNumber("size") })
        case "UID": return .uid(try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseSequenceSet() })
        case "NOT": return .not(try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseSearchKey() })
        case "OR":
            let first = try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseSearchKey() }
            return .or(first, try argument { (p: inout IMAPParser) throws(IMAPParseError) in try p.parseSearchKey() })
        case "MODSEQ": return .modSeq(try parseSearchModSeq())
        case "": throw error(atEnd ? "missing search key" : "expected search key\(found)")
        default: throw error("unknown search key \(excerpt(from: start, to: index))")
        }
    }

    /// SP and one argument of a search key.
    mutating func argument<T>(_ parse: (inout IMAPParser) throws(IMAPParseError) -> T) throws(IMAPParseError) -> T {
        try expectSP()
        return try parse(&self)
    }

    static let flagKeys: [String: SearchKey] = [
        "ANSWERED": .flag(.answered, true), "UNANSWERED": .flag(.answered, false),
        "DELETED": .flag(.deleted, true), "UNDELETED": .flag(.deleted, false),
        "DRAFT": .flag(.draft, true), "UNDRAFT": .flag(.draft, false),
        "FLAGGED": .flag(.flagged, true), "UNFLAGGED": .flag(.flagged, false),
        "SEEN": .flag(.seen, true), "UNSEEN": .flag(.seen, false),
    ]

    // flag-keyword    = atom
    mutating func parseKeyword() throws(IMAPParseError) -> Flag {
        let flag = try parseFlag()
        guard flag.isKeyword else { throw error("invalid keyword \(flag)") }
        return flag
    }

    // search-modsequence = "MODSEQ" [search-modseq-ext] SP mod-sequence-valzer
    // search-modseq-ext  = SP entry-name SP entry-type-req
    // entry-name      = DQUOTE "/flags/" attr-flag DQUOTE
    // entry-type-req  = "priv" / "shared" / "all"
    mutating func parseSearchModSeq() throws(IMAPParseError) -> UInt64 {
        try expectSP()
        if peek == IMAPGrammar.dquote || peek == IMAPGrammar.openBrace {
            _ = try parseStringBytes("entry name")
            try expectSP()
            let type = try parseAtom("entry type").lowercased()
            guard ["priv", "shared", "all"].contains(type) else { throw error("invalid entry type \(type)") }
            try expectSP()
        }
        return try parseModSeq()
    }
}
