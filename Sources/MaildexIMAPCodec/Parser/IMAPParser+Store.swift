import MaildexCore

// STORE (RFC 3501 §6.4.6), with UNCHANGEDSINCE (RFC 7162 §3.1.3).
extension IMAPParser {
    // store           = "STORE" SP sequence-set [store-modifiers] SP store-att-flags   (RFC 4466)
    // store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
    mutating func parseStore(uid: Bool) throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        let set = try parseMessageSet()
        try expectSP()
        var unchangedSince: UInt64?
        if peek == IMAPGrammar.openParen {
            unchangedSince = try parseStoreModifiers()
            try expectSP()
        }
        let start = index
        var mode = StoreAction.Mode.replace
        if consume(IMAPGrammar.plus) {
            mode = .add
        } else if consume(0x2D) {
            mode = .remove
        }
        let name = String(decoding: take { IMAPGrammar.isAtomChar($0) }, as: UTF8.self).uppercased()
        guard name == "FLAGS" || name == "FLAGS.SILENT" else {
            throw error(atEnd ? "missing data item" : "unknown data item \(excerpt(from: start, to: tokenEnd(from: start)))")
        }
        try expectSP()
        var flags: [Flag] = []
        if peek == IMAPGrammar.openParen {
            flags = try parseFlagList()
        } else {
            repeat {
                flags.append(try parseFlag())
            } while consume(IMAPGrammar.space) && !atEnd
        }
        return .store(set, StoreAction(mode: mode, silent: name == "FLAGS.SILENT", flags: flags, unchangedSince: unchangedSince), uid: uid)
    }
}
