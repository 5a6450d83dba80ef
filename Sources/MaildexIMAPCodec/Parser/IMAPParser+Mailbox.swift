// Commands of the authenticated state that name mailboxes: SELECT/EXAMINE, RENAME, LIST, LSUB
// and STATUS (APPEND has its own file).
extension IMAPParser {
    // mailbox         = "INBOX" / astring    ; kept as sent (modified UTF-7)
    mutating func parseMailbox() throws(IMAPParseError) -> String {
        try parseAString("mailbox name")
    }

    /// SP mailbox.
    mutating func parseMailboxArgument() throws(IMAPParseError) -> String {
        guard !atEnd else { throw error("missing mailbox name") }
        try expect(IMAPGrammar.space, "SP")
        return try parseMailbox()
    }

    // select          = "SELECT" SP mailbox [select-params]                  (RFC 4466)
    // examine         = "EXAMINE" SP mailbox [select-params]
    mutating func parseSelect(readOnly: Bool) throws(IMAPParseError) -> IMAPCommandKind {
        let mailbox = try parseMailboxArgument()
        var parameters = SelectParameters()
        if hasMoreArguments {
            index += 1
            parameters = try parseSelectParameters()
        }
        return .select(mailbox: mailbox, readOnly: readOnly, parameters: parameters)
    }

    // rename          = "RENAME" SP mailbox SP mailbox
    mutating func parseRename() throws(IMAPParseError) -> IMAPCommandKind {
        let from = try parseMailboxArgument()
        return try .rename(from: from, to: parseMailboxArgument())
    }

    // list            = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
    // list-select-opts = "(" [list-select-option *(SP list-select-option)] ")"   (RFC 5258)
    // mbox-or-pat     = list-mailbox / patterns
    // patterns        = "(" list-mailbox *(SP list-mailbox) ")"
    // list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")"
    mutating func parseList() throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        var command = ListCommand(reference: "", patterns: [])
        if peek == IMAPGrammar.openParen {
            command.selectionOptions = try parseOptionNames()
            try expectSP()
        }
        command.reference = try parseMailbox()
        try expectSP()
        if peek == IMAPGrammar.openParen {
            try parseList(allowEmpty: false) { (p: inout IMAPParser) throws(IMAPParseError) in
                command.patterns.append(try p.parseListMailbox())
            }
        } else {
            command.patterns = [try parseListMailbox()]
        }
        if hasMoreArguments {
            index += 1
            guard consumeKeyword("RETURN") else { throw error("expected RETURN\(found)") }
            try expect(IMAPGrammar.space, "SP after RETURN")
            try parseList { (p: inout IMAPParser) throws(IMAPParseError) in
                let option = try p.parseAtom("return option").uppercased()
                command.returnOptions.append(option)
                // status-option = "STATUS" SP "(" status-att *(SP status-att) ")"   (RFC 5819)
                if option == "STATUS" {
                    try p.expect(IMAPGrammar.space, "SP after STATUS")
                    command.statusItems = try p.parseStatusItems()
                }
            }
        }
        return .list(command)
    }

    /// `(A B C)`, upper-cased atoms.
    mutating func parseOptionNames() throws(IMAPParseError) -> [String] {
        var names: [String] = []
        try parseList { (p: inout IMAPParser) throws(IMAPParseError) in
            names.append(try p.parseAtom("option").uppercased())
        }
        return names
    }

    // list-mailbox    = 1*list-char / string
    mutating func parseListMailbox() throws(IMAPParseError) -> String {
        if peek == IMAPGrammar.dquote || peek == IMAPGrammar.openBrace { return try parseString("mailbox pattern") }
        let pattern = take(while: IMAPGrammar.isListChar)
        guard !pattern.isEmpty else { throw error(atEnd ? "missing mailbox pattern" : "expected mailbox pattern\(found)") }
        return String(decoding: pattern, as: UTF8.self)
    }

    // lsub            = "LSUB" SP mailbox SP list-mailbox
    mutating func parseLSub() throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        let reference = try parseMailbox()
        try expectSP()
        return try .lsub(reference: reference, pattern: parseListMailbox())
    }

    // status          = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"
    mutating func parseStatus() throws(IMAPParseError) -> IMAPCommandKind {
        let mailbox = try parseMailboxArgument()
        try expectSP()
        return try .status(mailbox: mailbox, items: parseStatusItems())
    }

    mutating func parseStatusItems() throws(IMAPParseError) -> [StatusItem] {
        var items: [StatusItem] = []
        try parseList(allowEmpty: false) { (p: inout IMAPParser) throws(IMAPParseError) in
            let name = try p.parseAtom("status item")
            guard let item = StatusItem(rawValue: name.uppercased()) else { throw p.error("unknown item \(name)") }
            items.append(item)
        }
        return items
    }
}
