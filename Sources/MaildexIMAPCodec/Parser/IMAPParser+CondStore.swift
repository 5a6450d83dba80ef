import MaildexCore

// The RFC 7162 (CONDSTORE, QRESYNC) parameter lists, in the generic RFC 4466 syntax: SELECT/EXAMINE
// parameters, FETCH modifiers and STORE modifiers. A name the server does not know is a BAD that
// names it; so is a name given twice.
extension IMAPParser {
    // select-params   = SP "(" select-param *(SP select-param) ")"                    (RFC 4466)
    // select-param    =/ condstore-param / qresync-param                              (RFC 7162 §7)
    // condstore-param = "CONDSTORE"
    // qresync-param   = "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids]
    //                   [SP seq-match-data] ")"
    mutating func parseSelectParameters() throws(IMAPParseError) -> SelectParameters {
        var parameters = SelectParameters()
        var seen: Set<String> = []
        try parseList(allowEmpty: false) { (p: inout IMAPParser) throws(IMAPParseError) in
            let name = try p.parseAtom("select parameter").uppercased()
            guard seen.insert(name).inserted else { throw p.error("duplicate select parameter \(name)") }
            switch name {
            case "CONDSTORE":
                parameters.condStore = true
            case "QRESYNC":
                try p.expect(IMAPGrammar.space, "SP after QRESYNC")
                parameters.qresync = try p.parseQResyncParameters()
            default:
                throw p.error("unknown select parameter \(name)")
            }
        }
        return parameters
    }

    // "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"
    // uidvalidity     = nz-number
    // known-uids      = sequence-set     ; sequence of UIDs, "*" is not allowed
    // seq-match-data  = "(" known-sequence-set SP known-uid-set ")"
    // known-sequence-set = sequence-set  ; "*" is not allowed
    // known-uid-set   = sequence-set     ; "*" is not allowed
    mutating func parseQResyncParameters() throws(IMAPParseError) -> QResyncParameters {
        try expect(IMAPGrammar.openParen, "( after QRESYNC")
        try enter()
        defer { depth -= 1 }
        let uidValidity = try parseNumber("UIDVALIDITY", nonZero: true)
        try expect(IMAPGrammar.space, "SP after UIDVALIDITY")
        var qresync = QResyncParameters(uidValidity: uidValidity, modSeq: try parseModSeq(nonZero: true))
        var more = consume(IMAPGrammar.space)
        if more, peek != IMAPGrammar.openParen {
            qresync.knownUIDs = try parseSetWithoutStar("known UIDs")
            more = consume(IMAPGrammar.space)
        }
        if more {
            try expect(IMAPGrammar.openParen, "( before the sequence match data")
            let sequenceNumbers = try parseSetWithoutStar("known sequence numbers")
            try expect(IMAPGrammar.space, "SP after the known sequence numbers")
            let uids = try parseSetWithoutStar("known UIDs")
            try expect(IMAPGrammar.closeParen, ") after the sequence match data")
            qresync.sequenceMatch = QResyncParameters.SequenceMatch(sequenceNumbers: sequenceNumbers, uids: uids)
        }
        try expect(IMAPGrammar.closeParen, ") after the QRESYNC parameters")
        return qresync
    }

    /// A sequence set where the RFC forbids `*` (the QRESYNC sets).
    mutating func parseSetWithoutStar(_ what: String) throws(IMAPParseError) -> NumberSet {
        let start = index
        let set = try parseSequenceSet()
        guard !set.ranges.contains(where: { $0.0 == .star || $0.1 == .star }) else {
            throw error("* is not allowed in \(what) \(excerpt(from: start, to: index))")
        }
        return set
    }

    // fetch-modifiers = SP "(" fetch-modifier *(SP fetch-modifier) ")"                (RFC 4466)
    // fetch-modifier  =/ chgsince-fetch-mod / rexpunges-fetch-mod                     (RFC 7162 §7)
    // chgsince-fetch-mod = "CHANGEDSINCE" SP mod-sequence-value
    // rexpunges-fetch-mod = "VANISHED"   ; UID FETCH only, and only with CHANGEDSINCE (§3.2.6)
    //
    // CHANGEDSINCE 0 is accepted (every message has a mod-sequence above 0), as Dovecot does:
    // iOS Mail sends it for a mailbox it has no mod-sequence for.
    mutating func parseFetchModifiers(uid: Bool) throws(IMAPParseError) -> FetchModifiers {
        var modifiers = FetchModifiers()
        var seen: Set<String> = []
        try parseList(allowEmpty: false) { (p: inout IMAPParser) throws(IMAPParseError) in
            let name = try p.parseAtom("fetch modifier").uppercased()
            guard seen.insert(name).inserted else { throw p.error("duplicate fetch modifier \(name)") }
            switch name {
            case "CHANGEDSINCE":
                try p.expect(IMAPGrammar.space, "SP after CHANGEDSINCE")
                modifiers.changedSince = try p.parseModSeq()
            case "VANISHED":
                modifiers.vanished = true
            default:
                throw p.error("unknown fetch modifier \(name)")
            }
        }
        if modifiers.vanished {
            guard uid else { throw error("VANISHED is allowed only in UID FETCH") }
            guard modifiers.changedSince != nil else { throw error("VANISHED requires CHANGEDSINCE") }
        }
        return modifiers
    }

    // store-modifiers = SP "(" store-modifier *(SP store-modifier) ")"                (RFC 4466)
    // store-modifier  =/ "UNCHANGEDSINCE" SP mod-sequence-valzer                      (RFC 7162 §7)
    //                   ; only a single UNCHANGEDSINCE may be given
    /// The UNCHANGEDSINCE value (the only store modifier there is).
    mutating func parseStoreModifiers() throws(IMAPParseError) -> UInt64 {
        var unchangedSince: UInt64?
        try parseList(allowEmpty: false) { (p: inout IMAPParser) throws(IMAPParseError) in
            let name = try p.parseAtom("store modifier").uppercased()
            guard name == "UNCHANGEDSINCE" else { throw p.error("unknown store modifier \(name)") }
            guard unchangedSince == nil else { throw p.error("duplicate store modifier UNCHANGEDSINCE") }
            try p.expect(IMAPGrammar.space, "SP after UNCHANGEDSINCE")
            unchangedSince = try p.parseModSeq()
        }
        guard let unchangedSince else { throw error("missing UNCHANGEDSINCE") }
        return unchangedSince
    }
}
