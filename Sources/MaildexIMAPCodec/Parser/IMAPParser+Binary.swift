// The BINARY fetch items (RFC 3516) and the UTF8 form of APPEND data (RFC 6855 §4).
extension IMAPParser {
    // fetch-att       =/ "BINARY" [".PEEK"] section-binary [partial] /
    //                    "BINARY.SIZE" section-binary                     (RFC 3516 §4.2)
    /// `name` is the upper-cased item name before the `[`, which is next.
    mutating func parseBinaryAttribute(_ name: String, from start: Int) throws(IMAPParseError) -> FetchItem {
        do {
            let part = try parseSectionBinary()
            switch name {
            case "BINARY", "BINARY.PEEK":
                let partial = peek == 0x3C ? try parsePartial() : nil
                return .binary(part: part, peek: name == "BINARY.PEEK", partial: partial)
            case "BINARY.SIZE":
                return .binarySize(part: part)
            default:
                break
            }
        } catch {}
        throw error("unknown item \(itemExcerpt(from: start))")
    }

    // section-binary  = "[" [section-part] "]"
    // section-part    = nz-number *("." nz-number)
    mutating func parseSectionBinary() throws(IMAPParseError) -> [Int] {
        try expect(IMAPGrammar.openBracket, "[")
        var part: [Int] = []
        if consume(IMAPGrammar.closeBracket) { return part }
        repeat {
            part.append(Int(try parseNumber("part number", nonZero: true)))
        } while consume(0x2E)
        try expect(IMAPGrammar.closeBracket, "]")
        return part
    }

    // append-data     =/ "UTF8" SP "(" literal8 ")"                       (RFC 6855 §4)
    /// After the `UTF8` keyword: the message of the literal8.
    mutating func parseUTF8AppendData() throws(IMAPParseError) -> [UInt8] {
        try expect(IMAPGrammar.space, "SP after UTF8")
        try expect(IMAPGrammar.openParen, "( after UTF8")
        guard peek == IMAPGrammar.tilde else { throw error("expected literal8 ~{n} after UTF8 (") }
        let data = try parseLiteral(allowLiteral8: true)
        try expect(IMAPGrammar.closeParen, ") after the UTF8 literal")
        return data
    }
}
