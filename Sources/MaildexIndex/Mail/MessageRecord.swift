public import Foundation
public import MaildexCore

/// The light row of a message: what FETCH FLAGS/UID/INTERNALDATE/RFC822.SIZE and STORE need.
public struct MessageRecord: Sendable, Equatable {
    /// The row id in the user's index (not an IMAP value).
    public var id: Int64
    public var uid: UID
    public var modSeq: ModSeq
    /// System flags and keywords together.
    public var flags: Set<Flag>
    public var internalDate: Date
    /// The size of the file in bytes.
    public var size: Int
    /// RFC822.SIZE: the size with CRLF line ends (Maildir `,W=`).
    public var virtualSize: Int
    /// The stable Maildir identity: the file name without its `:2,` info.
    public var baseName: String
    /// The file's current name (the flags in its info part may change).
    public var fileName: String

    public init(
        id: Int64, uid: UID, modSeq: ModSeq, flags: Set<Flag>, internalDate: Date, size: Int,
        virtualSize: Int, baseName: String, fileName: String
    ) {
        self.id = id
        self.uid = uid
        self.modSeq = modSeq
        self.flags = flags
        self.internalDate = internalDate
        self.size = size
        self.virtualSize = virtualSize
        self.baseName = baseName
        self.fileName = fileName
    }
}

/// A message with the strings FETCH returns without opening the file.
public struct MessageDetail: Sendable, Equatable {
    public var record: MessageRecord
    /// The ENVELOPE (RFC 3501 §7.4.2) as it goes on the wire.
    public var envelope: String
    /// BODYSTRUCTURE, with extension data.
    public var bodyStructure: String
    /// BODY: the BODYSTRUCTURE without extension data.
    public var body: String
    public var headers: HeaderValues

    public init(record: MessageRecord, envelope: String, bodyStructure: String, body: String, headers: HeaderValues) {
        self.record = record
        self.envelope = envelope
        self.bodyStructure = bodyStructure
        self.body = body
        self.headers = headers
    }
}

/// Header fields parsed once at delivery (decoded to UTF-8 text), and the raw header block.
public struct HeaderValues: Sendable, Equatable {
    /// Decoded field text, empty when the field is absent.
    public var from, to, cc, bcc, subject: String
    public var sentDate: Date?
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    /// The raw header block (for SEARCH HEADER <field> and HEADER.FIELDS fallbacks).
    public var headerText: String
    /// The SORT keys (RFC 5256 §2, RFC 5957 §3), casemapped (RFC 5051); nil ones are stored as NULL and
    /// sort by a fallback computed from the fields above (see ``MailIndex/sort(_:by:in:)``).
    public var sort: SortValues

    public init(
        from: String = "", to: String = "", cc: String = "", bcc: String = "", subject: String = "",
        sentDate: Date? = nil, messageID: String? = nil, inReplyTo: String? = nil,
        references: [String] = [], headerText: String = "", sort: SortValues = SortValues()
    ) {
        self.sort = sort
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.subject = subject
        self.sentDate = sentDate
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.headerText = headerText
    }
}

/// The stored SORT keys of a message (RFC 5256 §2.1 base subject, §2.2 first addr-mailbox,
/// RFC 5957 §3 display name or addr-spec), already casemapped (RFC 5051, `UnicodeCasemap`). nil: not computed.
public struct SortValues: Sendable, Equatable {
    public var baseSubject: String?
    public var from: String?
    public var to: String?
    public var cc: String?
    public var displayFrom: String?
    public var displayTo: String?

    public init(baseSubject: String? = nil, from: String? = nil, to: String? = nil, cc: String? = nil,
                displayFrom: String? = nil, displayTo: String? = nil) {
        self.baseSubject = baseSubject
        self.from = from
        self.to = to
        self.cc = cc
        self.displayFrom = displayFrom
        self.displayTo = displayTo
    }
}
