// FETCH (RFC 3501 §6.4.5) and its items, with MODSEQ and the modifiers of RFC 7162.
extension IMAPParser {
    // fetch           = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" /
    //                   fetch-att / "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]   (RFC 4466)
    mutating func parseFetch(uid: Bool) throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        let set = try parseMessageSet()
        try expectSP()
        var items: [FetchItem] = []
        if peek == IMAPGrammar.openParen {
            try parseList(allowEmpty: false) { (p: inout IMAPParser) throws(IMAPParseError) in
                items.append(try p.parseFetchAttribute())
            }
        } else if consumeKeyword("ALL") {
            items = [.flags, .internalDate, .rfc822Size, .envelope]
        } else if consumeKeyword("FAST") {
            items = [.flags, .internalDate, .rfc822Size]
        } else if consumeKeyword("FULL") {
            items = [.flags, .internalDate, .rfc822Size, .envelope, .body]
        } else {
            items = [try parseFetchAttribute()]
        }
        var modifiers = FetchModifiers()
        if hasMoreArguments {
            index += 1
            guard peek == IMAPGrammar.openParen else {
                throw error("unexpected \(excerpt(from: index, to: tokenEnd(from: index))) after the fetch items")
            }
            modifiers = try parseFetchModifiers(uid: uid)
        }
        return .fetch(set, items, uid: uid, modifiers: modifiers)
    }

    // fetch-att       = "ENVELOPE" / "FLAGS" / "INTERNALDATE" / "RFC822" [".HEADER" / ".SIZE" / ".TEXT"] /
    //                   "BODY" ["STRUCTURE"] / "UID" / "MODSEQ" /
    //                   "BODY" section ["<" number "." nz-number ">"] /
    //                   "BODY.PEEK" section ["<" number "." nz-number ">"] /
    //                   "BINARY" [".PEEK"] section-binary [partial] / "BINARY.SIZE" section-binary   (RFC 3516)
    mutating func parseFetchAttribute() throws(IMAPParseError) -> FetchItem {
        let start = index
        let name = take { IMAPGrammar.isAtomChar($0) && $0 != IMAPGrammar.openBracket }
        let upper = String(decoding: name, as: UTF8.self).uppercased()
        if peek == IMAPGrammar.openBracket, upper.hasPrefix("BINARY") {
            return try parseBinaryAttribute(upper, from: start)
        }
        if peek == IMAPGrammar.openBracket, upper == "BODY" || upper == "BODY.PEEK" {
            do {
                let section = try parseSection()
                let partial = peek == 0x3C ? try parsePartial() : nil
                return .bodySection(section, peek: upper == "BODY.PEEK", partial: partial)
            } catch {
                throw self.error("unknown item \(itemExcerpt(from: start))")
            }
        }
        switch upper {
        case "UID": return .uid
        case "FLAGS": return .flags
        case "INTERNALDATE": return .internalDate
        case "RFC822.SIZE": return .rfc822Size
        case "ENVELOPE": return .envelope
        case "BODY": return .body
        case "BODYSTRUCTURE": return .bodyStructure
        case "RFC822": return .rfc822
        case "RFC822.HEADER": return .rfc822Header
        case "RFC822.TEXT": return .rfc822Text
        case "MODSEQ": return .modSeq
        case "": throw error(atEnd ? "missing item" : "expected item\(found)")
        default: throw error("unknown item \(itemExcerpt(from: start))")
        }
    }

    /// The item's text for an error: up to the first `]` (then any `<...>`), or the token.
    func itemExcerpt(from start: Int) -> String {
        var end = tokenEnd(from: start)
        if let bracket = bytes[start...].firstIndex(of: IMAPGrammar.openBracket), bracket < end,
           let close = bytes[bracket...].firstIndex(of: IMAPGrammar.closeBracket) {
            end = close + 1
        }
        return excerpt(from: start, to: end, limit: 60)
    }

    // section         = "[" [section-spec] "]"
    // section-spec    = section-msgtext / (section-part ["." section-text])
    // section-part    = nz-number *("." nz-number)
    // section-text    = section-msgtext / "MIME"
    // section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
    mutating func parseSection() throws(IMAPParseError) -> BodySection {
        try expect(IMAPGrammar.openBracket, "[")
        var section = BodySection()
        if consume(IMAPGrammar.closeBracket) { return section }
        var needsText = true
        while let b = peek, IMAPGrammar.isDigit(b) {
            section.part.append(Int(try parseNumber("part number", nonZero: true)))
            guard consume(0x2E) else {
                needsText = false
                break
            }
        }
        if needsText { section.text = try parseSectionText(afterPart: !section.part.isEmpty) }
        try expect(IMAPGrammar.closeBracket, "]")
        return section
    }

    mutating func parseSectionText(afterPart: Bool) throws(IMAPParseError) -> SectionText {
        let name = String(decoding: take { IMAPGrammar.isAtomChar($0) }, as: UTF8.self).uppercased()
        switch name {
        case "HEADER": return .header
        case "TEXT": return .text
        case "MIME" where afterPart: return .mime
        case "HEADER.FIELDS", "HEADER.FIELDS.NOT":
            try expect(IMAPGrammar.space, "SP")
            var fields: [String] = []
            // header-list = "(" header-fld-name *(SP header-fld-name) ")"
            try parseList(allowEmpty: false) { (p: inout IMAPParser) throws(IMAPParseError) in
                fields.append(try p.parseAString("header field name"))
            }
            return name == "HEADER.FIELDS" ? .headerFields(fields) : .headerFieldsNot(fields)
        default:
            throw error("unknown section text")
        }
    }

    // partial         = "<" number "." nz-number ">"
    mutating func parsePartial() throws(IMAPParseError) -> Partial {
        try expect(0x3C, "<")
        let offset = try parseNumber("partial offset")
        try expect(0x2E, ".")
        let length = try parseNumber("partial length", nonZero: true)
        try expect(0x3E, ">")
        return Partial(offset: offset, length: length)
    }
}
