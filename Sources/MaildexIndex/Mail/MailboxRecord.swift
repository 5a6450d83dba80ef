public import MaildexCore

/// One mailbox of the per-user index (RFC 3501 §2.3.1.1, RFC 7162, RFC 6154), with the Maildir
/// sync state: the mtimes of `new/` and `cur/` at the last reconciliation (0 = never synced).
public struct MailboxRecord: Sendable, Equatable {
    public var id: Int64
    public var name: MailboxName
    public var uidValidity: UIDValidity
    public var uidNext: UID
    public var highestModSeq: ModSeq
    /// A special-use attribute such as `\Sent` (RFC 6154), or nil.
    public var specialUse: String?
    public var syncedNewMTime: Double
    public var syncedCurMTime: Double

    public init(
        id: Int64, name: MailboxName, uidValidity: UIDValidity, uidNext: UID, highestModSeq: ModSeq,
        specialUse: String? = nil, syncedNewMTime: Double = 0, syncedCurMTime: Double = 0
    ) {
        self.id = id
        self.name = name
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.highestModSeq = highestModSeq
        self.specialUse = specialUse
        self.syncedNewMTime = syncedNewMTime
        self.syncedCurMTime = syncedCurMTime
    }
}

/// What STATUS reports (RFC 3501 §6.3.10, RFC 7162 HIGHESTMODSEQ, RFC 8438 SIZE), plus the
/// number of messages flagged `\Deleted`.
public struct MailboxStatus: Sendable, Equatable {
    public var messages: Int
    public var unseen: Int
    public var uidNext: UID
    public var uidValidity: UIDValidity
    public var highestModSeq: ModSeq
    /// The sum of the messages' virtual (RFC822.SIZE) sizes.
    public var size: Int64
    public var deleted: Int

    public init(
        messages: Int, unseen: Int, uidNext: UID, uidValidity: UIDValidity, highestModSeq: ModSeq,
        size: Int64, deleted: Int
    ) {
        self.messages = messages
        self.unseen = unseen
        self.uidNext = uidNext
        self.uidValidity = uidValidity
        self.highestModSeq = highestModSeq
        self.size = size
        self.deleted = deleted
    }
}
