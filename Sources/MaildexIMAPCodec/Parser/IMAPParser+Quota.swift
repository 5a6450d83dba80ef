// GETQUOTA, GETQUOTAROOT and SETQUOTA (RFC 9208 §4, §7).
extension IMAPParser {
    // getquota        = "GETQUOTA" SP quota-root-name
    // quota-root-name = astring
    mutating func parseGetQuota() throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        return .getQuota(root: try parseAString("quota root name"))
    }

    // getquotaroot    = "GETQUOTAROOT" SP mailbox
    mutating func parseGetQuotaRoot() throws(IMAPParseError) -> IMAPCommandKind {
        .getQuotaRoot(mailbox: try parseMailboxArgument())
    }

    // setquota        = "SETQUOTA" SP quota-root-name SP setquota-list
    // setquota-list   = "(" [setquota-resource *(SP setquota-resource)] ")"
    // setquota-resource = resource-name SP resource-limit
    // resource-name   = "STORAGE" / "MESSAGE" / "MAILBOX" / "ANNOTATION-STORAGE" / resource-name-ext
    // resource-name-ext = atom
    // resource-limit  = number64
    mutating func parseSetQuota() throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        let root = try parseAString("quota root name")
        try expectSP()
        var limits: [SetQuotaResource] = []
        try parseList { (p: inout IMAPParser) throws(IMAPParseError) in
            let name = try p.parseAtom("resource name").uppercased()
            try p.expectSP()
            limits.append(SetQuotaResource(name: name, limit: try p.parseNumber64("resource limit")))
        }
        return .setQuota(root: root, limits: limits)
    }

    // number64        = 1*DIGIT   ; unsigned 63-bit integer (RFC 9051 §9)
    mutating func parseNumber64(_ what: String) throws(IMAPParseError) -> UInt64 {
        let start = index
        let digits = take(while: IMAPGrammar.isDigit)
        guard !digits.isEmpty, let n = UInt64(String(decoding: digits, as: UTF8.self)), n <= UInt64(Int64.max) else {
            index = start
            throw error("invalid \(what) \(excerpt(from: start, to: tokenEnd(from: start)))")
        }
        return n
    }
}
