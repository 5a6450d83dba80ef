public import Foundation
public import MaildexCore

/// A user of the `sql` passdb/userdb driver, as kept in the global index.
public struct UserRecord: Codable, Sendable, Equatable {
    public var username: Username
    /// The hash with its scheme prefix, as `doveadm pw` prints it: `{SHA512-CRYPT}$6$...`.
    public var passwordHash: String
    /// The user's home directory; nil lets the store decide (`<data>/users/<name>`).
    public var home: String?
    /// Storage quota in bytes; nil means unlimited.
    public var quotaBytes: Int64?
    /// Quota on the number of messages; nil means unlimited.
    public var quotaMessages: Int64?
    public var createdAt: Date

    public init(
        username: Username, passwordHash: String, home: String? = nil,
        quotaBytes: Int64? = nil, quotaMessages: Int64? = nil, createdAt: Date = Date()
    ) {
        self.username = username
        self.passwordHash = passwordHash
        self.home = home
        self.quotaBytes = quotaBytes
        self.quotaMessages = quotaMessages
        self.createdAt = createdAt
    }

    /// ``quotaBytes`` and ``quotaMessages`` as one value.
    public var quotaLimits: QuotaLimits {
        get { QuotaLimits(storage: quotaBytes, messages: quotaMessages) }
        set { quotaBytes = newValue.storage; quotaMessages = newValue.messages }
    }
}
