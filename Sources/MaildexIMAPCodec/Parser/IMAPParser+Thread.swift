// THREAD (RFC 5256 §3).
extension IMAPParser {
    // thread          = ["UID" SP] "THREAD" SP thread-alg SP search-criteria
    // thread-alg      = "ORDEREDSUBJECT" / "REFERENCES" / thread-alg-ext
    // search-criteria = charset 1*(SP search-key)
    mutating func parseThread(uid: Bool) throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        let name = try parseAtom("threading algorithm").uppercased()
        guard let algorithm = ThreadAlgorithm(rawValue: name) else { throw error("unknown threading algorithm \(name)") }
        try expectSP()
        let charset = try parseAString("charset").uppercased()
        var keys: [SearchKey] = []
        repeat {
            try expectSP()
            keys.append(try parseSearchKey())
        } while hasMoreArguments
        let program = SearchProgram(charset: charset, key: keys.count == 1 ? keys[0] : .and(keys))
        return .thread(algorithm, program, uid: uid)
    }
}
