// COMPRESS (RFC 4978).
extension IMAPParser {
    // compress        = "COMPRESS" SP algorithm               (RFC 4978 §5)
    // algorithm       = "DEFLATE"    ; other names parse, and the session refuses them (BAD)
    mutating func parseCompress() throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        return .compress(algorithm: try parseAtom("compression algorithm").uppercased())
    }
}
