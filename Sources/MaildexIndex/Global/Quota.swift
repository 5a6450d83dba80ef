/// A user's quota limits (RFC 9208 resources STORAGE and MESSAGE), as kept in the global
/// user table. nil means unlimited, which is the default.
public struct QuotaLimits: Sendable, Equatable, Codable {
    /// The most bytes (sum of RFC822.SIZE) the user's messages may take; nil: unlimited.
    public var storage: Int64?
    /// The most messages the user may have, over all mailboxes; nil: unlimited.
    public var messages: Int64?

    public init(storage: Int64? = nil, messages: Int64? = nil) {
        self.storage = storage
        self.messages = messages
    }

    /// No limits at all.
    public static let unlimited = QuotaLimits()

    /// Whether any limit is set.
    public var isLimited: Bool { storage != nil || messages != nil }
}

/// What a user's messages take now, over all mailboxes: the sum of their RFC822.SIZE (the
/// CRLF-counted size, Dovecot's `,W=`) and their number. Messages flagged `\Deleted` count
/// until they are expunged.
public struct QuotaUsage: Sendable, Equatable, Codable {
    public var storage: Int64
    public var messages: Int64

    public init(storage: Int64, messages: Int64) {
        self.storage = storage
        self.messages = messages
    }

    /// The first limit that adding `bytes` in `count` messages would pass, or nil if they fit.
    /// (Adding nothing never exceeds, so a MOVE or an empty COPY is always allowed.)
    public func exceededResource(adding bytes: Int64, messages count: Int64, limits: QuotaLimits) -> QuotaResource? {
        if count == 0, bytes == 0 { return nil }
        if let limit = limits.storage, storage + bytes > limit { return .storage }
        if let limit = limits.messages, messages + count > limit { return .message }
        return nil
    }
}

/// A quota resource (RFC 9208 §5): its name on the wire is the raw value.
public enum QuotaResource: String, Sendable, Equatable, Codable {
    /// §5.1: the sum of the messages' RFC822.SIZE, reported in units of 1024 octets.
    case storage = "STORAGE"
    /// §5.2: the number of messages.
    case message = "MESSAGE"
}
