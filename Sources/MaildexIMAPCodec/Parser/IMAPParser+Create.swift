// CREATE, with the special uses a new mailbox is for (RFC 6154 §3 CREATE-SPECIAL-USE).
extension IMAPParser {
    // create          = "CREATE" SP mailbox [create-params]  (RFC 4466 §2.2)
    // create-params   = SP "(" create-param *(SP create-param) ")"
    // create-param    =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"   (RFC 6154 §6)
    // use-attr        = "\All" / "\Archive" / "\Drafts" / "\Flagged" / "\Junk" / "\Sent" / "\Trash" / use-attr-ext
    // use-attr-ext    = "\" atom
    mutating func parseCreate() throws(IMAPParseError) -> IMAPCommandKind {
        let name = try parseMailboxArgument()
        guard hasMoreArguments else { return .create(mailbox: name) }
        index += 1
        var uses: [String] = []
        try parseList(allowEmpty: false) { (p: inout IMAPParser) throws(IMAPParseError) in
            let start = p.index
            guard p.consumeKeyword("USE") else {
                throw p.error("unknown CREATE parameter \(p.excerpt(from: start, to: p.tokenEnd(from: start)))")
            }
            try p.expect(IMAPGrammar.space, "SP after USE")
            try p.parseList { (q: inout IMAPParser) throws(IMAPParseError) in
                try q.expect(IMAPGrammar.backslash, "\\ before a special use")
                let atom = try q.parseAtom("special use")
                let use = "\\" + atom
                if !uses.contains(where: { $0.lowercased() == use.lowercased() }) { uses.append(use) }
            }
        }
        return .create(mailbox: name, specialUse: uses)
    }
}
