/// Parses the bytes of one ``IMAPFrame/command(_:)`` into an ``IMAPCommand`` (RFC 3501 §9).
///
/// ```
/// C: a1 UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (Subject)])
///    -> IMAPCommand(tag: "a1", kind: .fetch(1:*, [.flags, .bodySection(...)], uid: true))
/// ```
///
/// Command names and keywords are case-insensitive; arguments are separated by exactly one SP
/// as the RFC writes it, but trailing spaces at the end of the command are tolerated (as in
/// Dovecot). Literals are read inline (`{5}\r\nhello`, `{5+}`); a bare LF after the marker is
/// accepted like the decoder accepts it. Quoted strings may hold UTF-8 (RFC 6855); invalid
/// UTF-8, CR, LF or NUL in a string is an error. The RFC 7162 SELECT/EXAMINE parameters
/// (`(CONDSTORE)`, `(QRESYNC (...))`), FETCH modifiers (`(CHANGEDSINCE n VANISHED)`) and STORE
/// modifier (`(UNCHANGEDSINCE n)`), SEARCH `RETURN (...)` (RFC 4731), OLDER/YOUNGER
/// (RFC 5032) and SORT/UID SORT (RFC 5256, with RFC 5957 DISPLAYFROM/DISPLAYTO) are parsed; any other parameter or modifier is a BAD that names it. Not supported
/// (BAD): CATENATE. The `$` search result variable (RFC 5182) is accepted where a sequence set is.
///
/// Throws ``IMAPParseError`` with the tag when the command began with a valid one; never traps.
public enum IMAPCommandParser {
    public static func parse(_ bytes: [UInt8]) throws(IMAPParseError) -> IMAPCommand {
        var parser = IMAPParser(bytes)
        let tag = try parser.parseTag()
        parser.tag = tag
        try parser.expect(IMAPGrammar.space, "SP after tag")
        let kind = try parser.parseCommandKind()
        try parser.expectEnd()
        return IMAPCommand(tag: tag, kind: kind)
    }
}

extension IMAPParser {
    // tag             = 1*<any ASTRING-CHAR except "+">
    mutating func parseTag() throws(IMAPParseError) -> String {
        guard !bytes.isEmpty else { throw error("empty command") }
        let tag = take(while: IMAPGrammar.isTagChar)
        guard !tag.isEmpty, peek == nil || peek == IMAPGrammar.space else { throw error("invalid tag") }
        return String(decoding: tag, as: UTF8.self)
    }

    // command         = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF
    mutating func parseCommandKind() throws(IMAPParseError) -> IMAPCommandKind {
        let name = take(while: IMAPGrammar.isAtomChar)
        guard !name.isEmpty else { throw error("missing command name") }
        let command = String(decoding: name, as: UTF8.self).uppercased()
        if command == "UID" { return try parseUIDCommand() }
        context = command
        switch command {
        case "CAPABILITY": return .capability
        case "NOOP": return .noop
        case "LOGOUT": return .logout
        case "STARTTLS": return .startTLS
        case "NAMESPACE": return .namespace
        case "IDLE": return .idle
        case "CHECK": return .check
        case "CLOSE": return .close
        case "UNSELECT": return .unselect
        case "EXPUNGE": return .expunge
        case "ID": return try parseID()
        case "AUTHENTICATE": return try parseAuthenticate()
        case "LOGIN": return try parseLogin()
        case "ENABLE": return try parseEnable()
        case "COMPRESS": return try parseCompress()
        case "SELECT": return try parseSelect(readOnly: false)
        case "EXAMINE": return try parseSelect(readOnly: true)
        case "CREATE": return try parseCreate()
        case "DELETE": return try .delete(mailbox: parseMailboxArgument())
        case "SUBSCRIBE": return try .subscribe(mailbox: parseMailboxArgument())
        case "UNSUBSCRIBE": return try .unsubscribe(mailbox: parseMailboxArgument())
        case "RENAME": return try parseRename()
        case "LIST": return try parseList()
        case "LSUB": return try parseLSub()
        case "GETQUOTA": return try parseGetQuota()
        case "GETQUOTAROOT": return try parseGetQuotaRoot()
        case "SETQUOTA": return try parseSetQuota()
        case "STATUS": return try parseStatus()
        case "APPEND": return try parseAppend()
        case "SEARCH": return try .search(parseSearch(), uid: false)
        case "SORT": return try parseSort(uid: false)
        case "THREAD": return try parseThread(uid: false)
        case "FETCH": return try parseFetch(uid: false)
        case "STORE": return try parseStore(uid: false)
        case "COPY": return try parseCopy(uid: false)
        case "MOVE": return try parseMove(uid: false)
        default:
            context = nil
            throw error("unknown command \(excerpt(from: index - name.count, to: index))")
        }
    }

    // uid             = "UID" SP (copy / move / fetch / search / sort / store / thread / uid-expunge)
    mutating func parseUIDCommand() throws(IMAPParseError) -> IMAPCommandKind {
        context = "UID"
        try expectSP()
        let name = take(while: IMAPGrammar.isAtomChar)
        let command = String(decoding: name, as: UTF8.self).uppercased()
        context = "UID \(command)"
        switch command {
        case "FETCH": return try parseFetch(uid: true)
        case "STORE": return try parseStore(uid: true)
        case "SEARCH": return try .search(parseSearch(), uid: true)
        case "SORT": return try parseSort(uid: true)
        case "THREAD": return try parseThread(uid: true)
        case "COPY": return try parseCopy(uid: true)
        case "MOVE": return try parseMove(uid: true)
        // uid-expunge = "UID" SP "EXPUNGE" SP sequence-set   (RFC 4315)
        case "EXPUNGE":
            try expectSP()
            return try .uidExpunge(parseMessageSet())
        default:
            context = nil
            throw error(name.isEmpty ? "missing command after UID" : "unknown command UID \(command)")
        }
    }

    // copy            = "COPY" SP sequence-set SP mailbox
    mutating func parseCopy(uid: Bool) throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        let set = try parseMessageSet()
        return try .copy(set, mailbox: parseMailboxArgument(), uid: uid)
    }

    // move            = "MOVE" SP sequence-set SP mailbox    (RFC 6851)
    mutating func parseMove(uid: Bool) throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        let set = try parseMessageSet()
        return try .move(set, mailbox: parseMailboxArgument(), uid: uid)
    }
}
