public import Foundation
public import MaildexCore

/// A message to add to a mailbox with ``MailIndex/insert(_:into:)``.
public struct NewMessage: Sendable {
    /// nil: allocate from UIDNEXT. Set (import from `dovecot-uidlist`): keep it and move UIDNEXT
    /// past it; a UID below UIDNEXT throws ``InvalidUID``.
    public var uid: UID?
    public var flags: Set<Flag>
    public var internalDate: Date
    public var size: Int
    public var virtualSize: Int
    public var baseName: String
    public var fileName: String
    public var headers: HeaderValues
    public var envelope: String
    public var bodyStructure: String
    public var body: String

    public init(
        uid: UID? = nil, flags: Set<Flag> = [], internalDate: Date, size: Int, virtualSize: Int,
        baseName: String, fileName: String, headers: HeaderValues = HeaderValues(),
        envelope: String = "", bodyStructure: String = "", body: String = ""
    ) {
        self.uid = uid
        self.flags = flags
        self.internalDate = internalDate
        self.size = size
        self.virtualSize = virtualSize
        self.baseName = baseName
        self.fileName = fileName
        self.headers = headers
        self.envelope = envelope
        self.bodyStructure = bodyStructure
        self.body = body
    }
}

/// How STORE combines flags (RFC 3501 §6.4.6): `FLAGS`, `+FLAGS`, `-FLAGS`.
public enum FlagUpdate: Sendable {
    case replace, add, remove
}

/// A message whose flags a ``MailIndex/setFlags(_:_:uids:in:unchangedSince:)`` call changed:
/// its full new flag set and new MODSEQ (for the untagged FETCH, RFC 7162 §3.1.4).
public struct FlagChange: Sendable, Equatable {
    public var uid: UID
    public var flags: Set<Flag>
    public var modSeq: ModSeq

    public init(uid: UID, flags: Set<Flag>, modSeq: ModSeq) {
        self.uid = uid
        self.flags = flags
        self.modSeq = modSeq
    }
}
