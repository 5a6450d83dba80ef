// SORT (RFC 5256 §3) with DISPLAYFROM/DISPLAYTO (RFC 5957 §3).
extension IMAPParser {
    // sort            = ["UID" SP] "SORT" SP sort-criteria SP search-criteria
    // sort-criteria   = "(" sort-criterion *(SP sort-criterion) ")"
    // sort-criterion  = ["REVERSE" SP] sort-key
    // sort-key        = "ARRIVAL" / "CC" / "DATE" / "FROM" / "SIZE" / "SUBJECT" / "TO" /
    //                   "DISPLAYFROM" / "DISPLAYTO"                                  (RFC 5957)
    // search-criteria = charset 1*(SP search-key)
    mutating func parseSort(uid: Bool) throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        guard peek == IMAPGrammar.openParen else { throw error("expected ( before sort criteria\(found)") }
        var criteria: [SortCriterion] = []
        try parseList(allowEmpty: false) { (p: inout IMAPParser) throws(IMAPParseError) in
            criteria.append(try p.parseSortCriterion())
        }
        try expectSP()
        let charset = try parseAString("charset").uppercased()
        var keys: [SearchKey] = []
        repeat {
            try expectSP()
            keys.append(try parseSearchKey())
        } while hasMoreArguments
        let program = SearchProgram(charset: charset, key: keys.count == 1 ? keys[0] : .and(keys))
        return .sort(criteria, program, uid: uid)
    }

    mutating func parseSortCriterion() throws(IMAPParseError) -> SortCriterion {
        var name = try parseAtom("sort key").uppercased()
        var reverse = false
        if name == "REVERSE" {
            reverse = true
            guard consume(IMAPGrammar.space) else { throw error("missing sort key after REVERSE") }
            name = try parseAtom("sort key").uppercased()
        }
        guard let key = SortCriterion.Key(rawValue: name) else { throw error("unknown sort key \(name)") }
        return SortCriterion(key: key, reverse: reverse)
    }
}
