public import MaildexIndex
import MaildexMIME

/// Where a ``UserStore`` reads its user's quota limits, at each check, so that a change made by
/// `mailadm user set-quota` (another process) applies to the next message.
public typealias QuotaLimitsSource = @Sendable () throws -> QuotaLimits

/// Storing the message(s) would pass the user's quota (IMAP `NO [OVERQUOTA]`, RFC 9208 §4.3;
/// LMTP `552 5.2.2`, RFC 3463). Nothing was stored.
public struct QuotaExceeded: Error, Equatable, CustomStringConvertible {
    public var resource: QuotaResource
    /// The limit, and what is used before the refused message(s): bytes for STORAGE, messages for MESSAGE.
    public var limit: Int64
    public var used: Int64
    /// What the refused message(s) would add (same unit).
    public var adding: Int64

    public init(resource: QuotaResource, limit: Int64, used: Int64, adding: Int64) {
        self.resource = resource
        self.limit = limit
        self.used = used
        self.adding = adding
    }

    public var description: String {
        let unit = resource == .storage ? " bytes" : " messages"
        return "\(resource.rawValue) quota exceeded: \(used)\(unit) used of \(limit), \(adding) more refused"
    }
}

extension UserStore {
    /// The user's limits (read now from the user table) and usage (one row of the index, kept
    /// by triggers).
    public func quota() throws -> (limits: QuotaLimits, usage: QuotaUsage) {
        (try quotaLimits(), try index.quotaUsage())
    }

    /// Whether the user has limits at all, answered without waiting for this store's queue (the
    /// limits come from the user table): LMTP asks before ``isOverQuota()``, which must wait.
    public nonisolated var hasQuotaLimits: Bool {
        (try? quotaLimits().isLimited) ?? true
    }

    /// Whether the user is full already: not even a one-byte message would fit (LMTP checks it
    /// at RCPT TO, like Dovecot's `lmtp_rcpt_check_quota`). False without limits.
    public func isOverQuota() throws -> Bool {
        let limits = try quotaLimits()
        guard limits.isLimited else { return false }
        return try index.quotaUsage().exceededResource(adding: 1, messages: 1, limits: limits) != nil
    }

    /// Throws ``QuotaExceeded`` if messages of these RFC822.SIZEs would pass a limit. Users
    /// without limits cost no usage query.
    func checkQuota(adding sizes: [Int]) throws {
        let limits = try quotaLimits()
        guard limits.isLimited, !sizes.isEmpty else { return }
        let usage = try index.quotaUsage()
        let bytes = sizes.reduce(Int64(0)) { $0 + Int64($1) }
        let count = Int64(sizes.count)
        switch usage.exceededResource(adding: bytes, messages: count, limits: limits) {
        case .storage?: throw QuotaExceeded(resource: .storage, limit: limits.storage ?? 0, used: usage.storage, adding: bytes)
        case .message?: throw QuotaExceeded(resource: .message, limit: limits.messages ?? 0, used: usage.messages, adding: count)
        case nil: return
        }
    }

    /// ``checkQuota(adding:)`` for raw messages, counted as IMAP counts RFC822.SIZE (CRLF).
    func checkQuota(for messages: [[UInt8]]) throws {
        try checkQuota(adding: messages.map(\.virtualSize))
    }
}
