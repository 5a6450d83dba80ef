public import Foundation
public import MaildexCore

/// One complete client command (RFC 3501 §6, §9 `command`), as ``IMAPCommandParser`` reads it
/// from the bytes of an ``IMAPFrame/command(_:)``.
///
/// Mailbox names are given as sent (modified UTF-7, RFC 3501 §5.1.3); the session decodes them,
/// so that a bad name gets a NO that names it rather than a BAD.
public struct IMAPCommand: Sendable, Equatable {
    public var tag: String
    public var kind: IMAPCommandKind

    public init(tag: String, kind: IMAPCommandKind) {
        self.tag = tag
        self.kind = kind
    }
}

/// What the command asks for. `uid: true` is the `UID` prefix (RFC 3501 §6.4.8).
public enum IMAPCommandKind: Sendable, Equatable {
    // Any state (RFC 3501 §6.1)
    case capability
    case noop
    case logout
    /// RFC 2971; nil for `ID NIL`.
    case id([IDParameter]?)

    // Not authenticated (RFC 3501 §6.2)
    case startTLS
    /// RFC 3501 §6.2.2 with RFC 4959 SASL-IR: `initialResponse` is the base64 text as sent
    /// (`"="` for an empty response), nil when absent.
    case authenticate(mechanism: String, initialResponse: String?)
    case login(username: String, password: String)

    // Authenticated (RFC 3501 §6.3)
    /// RFC 5161; capability names as sent.
    case enable([String])
    /// SELECT (`readOnly` false) or EXAMINE (true), with RFC 7162 parameters.
    case select(mailbox: String, readOnly: Bool, parameters: SelectParameters)
    /// CREATE, with the special uses of `(USE (\Sent))` as sent (RFC 6154 §3), `[]` without.
    case create(mailbox: String, specialUse: [String] = [])
    case delete(mailbox: String)
    case rename(from: String, to: String)
    case subscribe(mailbox: String)
    case unsubscribe(mailbox: String)
    /// LIST, basic (RFC 3501 §6.3.8) or extended (RFC 5258).
    case list(ListCommand)
    case lsub(reference: String, pattern: String)
    /// RFC 2342.
    case namespace
    /// GETQUOTA quota-root (RFC 9208 §4.2.1); the root name as sent.
    case getQuota(root: String)
    /// GETQUOTAROOT mailbox (RFC 9208 §4.2.2).
    case getQuotaRoot(mailbox: String)
    /// SETQUOTA quota-root (resource limit ...) (RFC 9208 §4.1.3), pairs in the order sent.
    case setQuota(root: String, limits: [SetQuotaResource])
    case status(mailbox: String, items: [StatusItem])
    /// APPEND, one message, or several with MULTIAPPEND (RFC 3502).
    case append(mailbox: String, messages: [AppendMessage])
    /// RFC 2177; the session then waits for the `DONE` line.
    case idle

    // Selected (RFC 3501 §6.4)
    case check
    case close
    /// RFC 3691.
    case unselect
    case expunge
    /// UID EXPUNGE (RFC 4315).
    case uidExpunge(SequenceSet)
    case search(SearchProgram, uid: Bool)
    /// SORT / UID SORT (RFC 5256 §3, RFC 5957 DISPLAYFROM/DISPLAYTO): the criteria in order
    /// (never empty) and the search program, whose charset is always set (SORT requires it).
    case sort([SortCriterion], SearchProgram, uid: Bool)
    /// THREAD / UID THREAD (RFC 5256 §3): the threading algorithm and the search program, whose
    /// charset is always set (THREAD requires it).
    case thread(ThreadAlgorithm, SearchProgram, uid: Bool)
    case fetch(SequenceSet, [FetchItem], uid: Bool, modifiers: FetchModifiers)
    case store(SequenceSet, StoreAction, uid: Bool)
    case copy(SequenceSet, mailbox: String, uid: Bool)
    /// RFC 6851.
    case move(SequenceSet, mailbox: String, uid: Bool)
    /// COMPRESS (RFC 4978 §3): the mechanism name, upper-cased (only `DEFLATE` is defined).
    case compress(algorithm: String)
}

/// SELECT/EXAMINE parameters (RFC 7162 §3.1.8, §3.2.5): `(CONDSTORE)` or `(QRESYNC (...))`.
public struct SelectParameters: Sendable, Equatable {
    public var condStore: Bool
    public var qresync: QResyncParameters?

    public init(condStore: Bool = false, qresync: QResyncParameters? = nil) {
        self.condStore = condStore
        self.qresync = qresync
    }
}

/// `QRESYNC (uidvalidity modseq [known-uids [(seq-match-seqs seq-match-uids)]])` (RFC 7162 §3.2.5).
public struct QResyncParameters: Sendable, Equatable {
    public var uidValidity: UInt32
    public var modSeq: UInt64
    public var knownUIDs: NumberSet?
    /// The optional sequence-number/UID match data: message sequence numbers and their UIDs.
    public var sequenceMatch: SequenceMatch?

    public struct SequenceMatch: Sendable, Equatable {
        public var sequenceNumbers: NumberSet
        public var uids: NumberSet
        public init(sequenceNumbers: NumberSet, uids: NumberSet) {
            self.sequenceNumbers = sequenceNumbers
            self.uids = uids
        }
    }

    public init(uidValidity: UInt32, modSeq: UInt64, knownUIDs: NumberSet? = nil, sequenceMatch: SequenceMatch? = nil) {
        self.uidValidity = uidValidity
        self.modSeq = modSeq
        self.knownUIDs = knownUIDs
        self.sequenceMatch = sequenceMatch
    }
}

/// FETCH modifiers (RFC 7162 §3.1.4, §3.2.6): `(CHANGEDSINCE n [VANISHED])`.
public struct FetchModifiers: Sendable, Equatable {
    public var changedSince: UInt64?
    /// `VANISHED`: only valid with CHANGEDSINCE in a UID FETCH (the parser refuses it otherwise).
    public var vanished: Bool

    public init(changedSince: UInt64? = nil, vanished: Bool = false) {
        self.changedSince = changedSince
        self.vanished = vanished
    }
}

/// One field of an ID command (RFC 2971): `"name" "value"` or `"name" NIL`.
public struct IDParameter: Sendable, Equatable {
    public var name: String
    public var value: String?
    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}

/// LIST arguments (RFC 3501 §6.3.8, RFC 5258 LIST-EXTENDED, RFC 6154 SPECIAL-USE).
public struct ListCommand: Sendable, Equatable {
    /// `(SUBSCRIBED SPECIAL-USE ...)` before the reference, upper-cased; empty for basic LIST.
    public var selectionOptions: [String]
    public var reference: String
    /// One pattern, or several with `("a*" "b*")`.
    public var patterns: [String]
    /// `RETURN (CHILDREN SPECIAL-USE ...)`, upper-cased; empty when absent.
    public var returnOptions: [String]
    /// The items of a `RETURN (STATUS (MESSAGES UNSEEN))` option (RFC 5819 LIST-STATUS); nil
    /// when there is no STATUS option (which then also appears in ``returnOptions``).
    public var statusItems: [StatusItem]?

    public init(selectionOptions: [String] = [], reference: String, patterns: [String], returnOptions: [String] = [], statusItems: [StatusItem]? = nil) {
        self.selectionOptions = selectionOptions
        self.reference = reference
        self.patterns = patterns
        self.returnOptions = returnOptions
        self.statusItems = statusItems
    }
}

/// A STATUS data item (RFC 3501 §6.3.10, RFC 7162 HIGHESTMODSEQ, RFC 8438 SIZE, RFC 9051 DELETED).
public enum StatusItem: String, Sendable, Equatable, CaseIterable {
    case messages = "MESSAGES"
    case recent = "RECENT"
    case uidNext = "UIDNEXT"
    case uidValidity = "UIDVALIDITY"
    case unseen = "UNSEEN"
    case highestModSeq = "HIGHESTMODSEQ"
    case size = "SIZE"
    case deleted = "DELETED"
}

/// One message of an APPEND (RFC 3501 §6.3.11).
public struct AppendMessage: Sendable, Equatable {
    /// The flag list; `\Recent` is refused by the parser.
    public var flags: [Flag]
    /// The date-time argument, nil when absent.
    public var internalDate: Date?
    /// The literal: the message exactly as sent.
    public var data: [UInt8]
    /// Sent as `UTF8 (~{n}...)` (RFC 6855 §4): a message with UTF-8 header fields (RFC 6532).
    public var utf8: Bool

    public init(flags: [Flag] = [], internalDate: Date? = nil, data: [UInt8], utf8: Bool = false) {
        self.flags = flags
        self.internalDate = internalDate
        self.data = data
        self.utf8 = utf8
    }
}

/// A FETCH data item (RFC 3501 §6.4.5). The macros ALL, FAST and FULL are expanded by the parser
/// (FAST = FLAGS INTERNALDATE RFC822.SIZE; ALL adds ENVELOPE; FULL adds ENVELOPE BODY).
public enum FetchItem: Sendable, Equatable {
    case uid
    case flags
    case internalDate
    case rfc822Size
    case envelope
    /// `BODY` without a section: the non-extensible BODYSTRUCTURE.
    case body
    case bodyStructure
    /// `RFC822` (= BODY[], sets \Seen).
    case rfc822
    /// `RFC822.HEADER` (= BODY.PEEK[HEADER]).
    case rfc822Header
    /// `RFC822.TEXT` (= BODY[TEXT], sets \Seen).
    case rfc822Text
    /// `BODY[section]<partial>` or `BODY.PEEK[...]`.
    case bodySection(BodySection, peek: Bool, partial: Partial?)
    /// `MODSEQ` (RFC 7162), for CONDSTORE.
    case modSeq
    /// `BINARY[part]<partial>` or `BINARY.PEEK[...]` (RFC 3516): the part with its
    /// Content-Transfer-Encoding removed; `part` is `[]` for the whole message.
    case binary(part: [Int], peek: Bool, partial: Partial?)
    /// `BINARY.SIZE[part]` (RFC 3516): the size of what `BINARY[part]` returns.
    case binarySize(part: [Int])
}

/// `[1.2.HEADER.FIELDS (Subject)]` (RFC 3501 §6.4.5 section-spec).
public struct BodySection: Sendable, Equatable {
    /// The part numbers, `[]` for the whole message.
    public var part: [Int]
    /// What of the part; nil for the whole part (`BODY[]`, `BODY[1.2]`).
    public var text: SectionText?

    public init(part: [Int] = [], text: SectionText? = nil) {
        self.part = part
        self.text = text
    }
}

/// The text specifier of a section (RFC 3501 §6.4.5). `MIME` is allowed only after a part number.
public enum SectionText: Sendable, Equatable {
    case header
    /// Field names as sent (compare case-insensitively).
    case headerFields([String])
    case headerFieldsNot([String])
    case text
    case mime
}

/// `<offset.length>` of a partial fetch (RFC 3501 §6.4.5).
public struct Partial: Sendable, Equatable {
    public var offset: UInt32
    public var length: UInt32
    public init(offset: UInt32, length: UInt32) {
        self.offset = offset
        self.length = length
    }
}

/// The STORE arguments (RFC 3501 §6.4.6): `FLAGS`, `+FLAGS`, `-FLAGS`, each optionally `.SILENT`.
public struct StoreAction: Sendable, Equatable {
    public enum Mode: Sendable, Equatable { case replace, add, remove }
    public var mode: Mode
    public var silent: Bool
    /// `\Recent` is refused by the parser.
    public var flags: [Flag]
    /// `(UNCHANGEDSINCE n)` (RFC 7162 §3.1.3), nil when absent.
    public var unchangedSince: UInt64?

    public init(mode: Mode, silent: Bool, flags: [Flag], unchangedSince: UInt64? = nil) {
        self.mode = mode
        self.silent = silent
        self.flags = flags
        self.unchangedSince = unchangedSince
    }
}

/// SEARCH arguments (RFC 3501 §6.4.4): the charset (nil when not given) and the criteria, which
/// are ANDed (a single key when there was one).
public struct SearchProgram: Sendable, Equatable {
    /// As sent, upper-cased (`UTF-8`, `US-ASCII`, ...).
    public var charset: String?
    public var key: SearchKey
    /// `RETURN (MIN MAX COUNT ALL)` (RFC 4731 ESEARCH); nil without RETURN (a classic
    /// `* SEARCH` answer), `[]` for `RETURN ()` (which means ALL).
    public var returnOptions: [SearchReturnOption]?

    public init(charset: String? = nil, key: SearchKey, returnOptions: [SearchReturnOption]? = nil) {
        self.charset = charset
        self.key = key
        self.returnOptions = returnOptions
    }
}

/// One SORT criterion (RFC 5256 §3 `sort-criterion`): a key, reversed when `REVERSE` preceded it.
public struct SortCriterion: Sendable, Equatable {
    /// RFC 5256 §3 `sort-key`, plus DISPLAYFROM/DISPLAYTO (RFC 5957 §3).
    public enum Key: String, Sendable, Equatable, CaseIterable {
        case arrival = "ARRIVAL"
        case cc = "CC"
        case date = "DATE"
        case from = "FROM"
        case size = "SIZE"
        case subject = "SUBJECT"
        case to = "TO"
        case displayFrom = "DISPLAYFROM"
        case displayTo = "DISPLAYTO"
    }

    public var key: Key
    public var reverse: Bool

    public init(key: Key, reverse: Bool = false) {
        self.key = key
        self.reverse = reverse
    }
}

/// A SEARCH RETURN option (RFC 4731 §3.1, RFC 5182 §2.1 SAVE).
public enum SearchReturnOption: String, Sendable, Equatable, CaseIterable {
    case min = "MIN"
    case max = "MAX"
    case count = "COUNT"
    case all = "ALL"
    /// Keep the result for `$` (RFC 5182); with only MIN and/or MAX, just those messages.
    case save = "SAVE"
}

/// A calendar day as SEARCH writes it (`1-Feb-1994`, RFC 3501 §9 `date`).
public struct IMAPDay: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}

/// How a SEARCH date key compares (BEFORE/ON/SINCE, SENTBEFORE/SENTON/SENTSINCE).
public enum DayRelation: Sendable, Equatable { case before, on, since }

/// A SEARCH key (RFC 3501 §6.4.4). Strings are decoded text (UTF-8).
public indirect enum SearchKey: Sendable, Equatable {
    case all
    /// ANSWERED/UNANSWERED, DELETED/UNDELETED, DRAFT/UNDRAFT, FLAGGED/UNFLAGGED, SEEN/UNSEEN,
    /// KEYWORD k/UNKEYWORD k: has (true) or has not (false) the flag.
    case flag(Flag, Bool)
    case new
    case old
    case recent
    /// BCC/CC/FROM/SUBJECT/TO are `.header("BCC", s)` etc., upper-cased names; HEADER f s keeps `f` as sent.
    case header(String, String)
    case body(String)
    case text(String)
    /// BEFORE/ON/SINCE (INTERNALDATE).
    case internalDate(DayRelation, IMAPDay)
    /// SENTBEFORE/SENTON/SENTSINCE (the Date: header).
    case sentDate(DayRelation, IMAPDay)
    case larger(UInt32)
    case smaller(UInt32)
    case uid(NumberSet)
    /// A bare sequence set.
    case sequenceSet(NumberSet)
    /// `$` or `UID $` (RFC 5182 §2.1): the messages of the saved search result.
    case lastResult
    /// MODSEQ n (RFC 7162 §3.1.5; entry-name arguments are skipped).
    case modSeq(UInt64)
    /// OLDER n / YOUNGER n (RFC 5032 WITHIN): INTERNALDATE more / less than n seconds ago.
    case older(UInt32)
    case younger(UInt32)
    case not(SearchKey)
    case or(SearchKey, SearchKey)
    /// A parenthesised list, or several keys in a row.
    case and([SearchKey])
}
