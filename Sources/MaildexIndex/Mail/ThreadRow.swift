public import Foundation
public import MaildexCore

/// What THREAD (RFC 5256 §4–5) needs of one message, read from the index alone.
public struct ThreadRow: Sendable, Equatable {
    public var uid: UID
    /// The Message-ID and In-Reply-To fields as stored (trimmed), and the References msg-ids in order.
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    /// The base subject (RFC 5256 §2.1), casemapped (RFC 5051); for a row without one, the casemapped subject.
    public var baseSubject: String
    /// The decoded subject (to tell replies and forwards, RFC 5256 §5 step 5).
    public var subject: String
    /// The sent date, else the internal date (RFC 5256 §2.2).
    public var sentDate: Date

    public init(uid: UID, messageID: String?, inReplyTo: String?, references: [String], baseSubject: String, subject: String, sentDate: Date) {
        self.uid = uid
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.baseSubject = baseSubject
        self.subject = subject
        self.sentDate = sentDate
    }
}
