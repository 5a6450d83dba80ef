import MaildexCore

// SEARCH (RFC 3501 §6.4.4), with MODSEQ (RFC 7162 §3.1.5), RETURN options (RFC 4731 ESEARCH)
// and OLDER/YOUNGER (RFC 5032 WITHIN).
extension IMAPParser {
    // search          = "SEARCH" [search-return-opts] SP search-program               (RFC 4466)
    // search-program  = ["CHARSET" SP charset SP] search-key *(SP search-key)
    mutating func parseSearch() throws(IMAPParseError) -> SearchProgram {
        try expectSP()
        var returnOptions: [SearchReturnOption]?
        if consumeKeyword("RETURN") {
            returnOptions = try parseSearchReturnOptions()
            try expectSP()
        }
        var charset: String?
        if consumeKeyword("CHARSET") {
            try expectSP()
            charset = try parseAString("charset").uppercased()
            try expectSP()
        }
        if consumeKeyword("RETURN") { throw error(charset == nil ? "RETURN given twice" : "RETURN must come before CHARSET") }
        var keys: [SearchKey] = []
        repeat {
            if !keys.isEmpty { index += 1 }
            keys.append(try parseSearchKey())
        } while hasMoreArguments
        return SearchProgram(charset: charset, key: keys.count == 1 ? keys[0] : .and(keys), returnOptions: returnOptions)
    }

    // search-return-opts = SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"
    // search-return-opt  = "MIN" / "MAX" / "ALL" / "COUNT" / "SAVE"          (RFC 4731 §3.1, RFC 5182 §5)
    //                      ; an option given twice counts once
    /// The options after RETURN, `[]` for `RETURN ()`.
    mutating func parseSearchReturnOptions() throws(IMAPParseError) -> [SearchReturnOption] {
        try expect(IMAPGrammar.space, "SP after RETURN")
        var options: [SearchReturnOption] = []
        try parseList { (p: inout IMAPParser) throws(IMAPParseError) in
            let name = try p.parseAtom("return option").uppercased()
            guard let option = SearchReturnOption(rawValue: name) else { throw p.error("unknown return option \(name)") }
            if !options.contains(option) { options.append(option) }
        }
        return options
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
        if let b = peek, IMAPGrammar.isDigit(b) || b == 0x2A || b == IMAPGrammar.dollar {
            return try Self.searchKey(parseMessageSet(), uid: false)
        }
        let start = index
        let name = String(decoding: take { IMAPGrammar.isAtomChar($0) }, as: UTF8.self).uppercased()
        if let key = Self.flagKeys[name] { return key }
        switch name {
        case "ALL": return .all
        case "NEW": return .new
        case "OLD": return .old
        case "RECENT": return .recent
        case "BCC", "CC", "FROM", "SUBJECT", "TO": return .header(name, try searchString())
        case "HEADER":
            try expectSP()
            let field = try parseAString("header field name")
            return .header(field, try searchString())
        case "BODY": return .body(try searchString())
        case "TEXT": return .text(try searchString())
        case "KEYWORD", "UNKEYWORD":
            try expectSP()
            return .flag(try parseKeyword(), name == "KEYWORD")
        case "BEFORE": return .internalDate(.before, try searchDate())
        case "ON": return .internalDate(.on, try searchDate())
        case "SINCE": return .internalDate(.since, try searchDate())
        case "SENTBEFORE": return .sentDate(.before, try searchDate())
        case "SENTON": return .sentDate(.on, try searchDate())
        case "SENTSINCE": return .sentDate(.since, try searchDate())
        case "LARGER": return .larger(try searchSize())
        case "SMALLER": return .smaller(try searchSize())
        case "UID":
            try expectSP()
            return try Self.searchKey(parseMessageSet(), uid: true)
        case "NOT": return .not(try searchSubkey())
        case "OR":
            let first = try searchSubkey()
            return .or(first, try searchSubkey())
        case "MODSEQ": return .modSeq(try parseSearchModSeq())
        // search-key      =/ ("OLDER" / "YOUNGER") SP nz-number                        (RFC 5032)
        case "OLDER": return .older(try searchInterval())
        case "YOUNGER": return .younger(try searchInterval())
        case "": throw error(atEnd ? "missing search key" : "expected search key\(found)")
        default: throw error("unknown search key \(excerpt(from: start, to: index))")
        }
    }

    /// SP astring, decoded.
    mutating func searchString() throws(IMAPParseError) -> String {
        try expectSP()
        return try parseAString("search string")
    }

    /// SP date.
    mutating func searchDate() throws(IMAPParseError) -> IMAPDay {
        try expectSP()
        return try parseDate()
    }

    /// SP number.
    mutating func searchSize() throws(IMAPParseError) -> UInt32 {
        try expectSP()
        return try parseNumber("size")
    }

    /// SP nz-number, the seconds of OLDER and YOUNGER.
    mutating func searchInterval() throws(IMAPParseError) -> UInt32 {
        try expectSP()
        return try parseNumber("interval", nonZero: true)
    }

    /// SP search-key, for NOT and OR.
    mutating func searchSubkey() throws(IMAPParseError) -> SearchKey {
        try expectSP()
        return try parseSearchKey()
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
