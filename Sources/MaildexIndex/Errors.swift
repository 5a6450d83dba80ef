public import MaildexCore

/// `addUser` for a name that is already in the global index.
public struct DuplicateUser: Error, Equatable, CustomStringConvertible {
    public var name: Username
    public init(name: Username) { self.name = name }
    public var description: String { "user '\(name)' already exists" }
}

/// The named user is not in the global index.
public struct NoSuchUser: Error, Equatable, CustomStringConvertible {
    public var name: Username
    public init(name: Username) { self.name = name }
    public var description: String { "no such user '\(name)'" }
}

/// `createMailbox` or `renameMailbox` to a name that is already taken.
public struct MailboxExists: Error, Equatable, CustomStringConvertible {
    public var name: MailboxName
    public init(name: MailboxName) { self.name = name }
    public var description: String { "mailbox '\(name)' already exists" }
}

/// No mailbox with this row id in the user's index (deleted meanwhile, or never created).
public struct NoSuchMailbox: Error, Equatable, CustomStringConvertible {
    public var id: Int64
    public init(id: Int64) { self.id = id }
    public var description: String { "no such mailbox (id \(id))" }
}

/// An explicit UID that would break the rule that UIDs are strictly ascending and never reused
/// (RFC 3501 §2.3.1.1): below the mailbox's UIDNEXT, or the largest UID, which leaves no UIDNEXT.
public struct InvalidUID: Error, Equatable, CustomStringConvertible {
    public var uid: UID
    public var uidNext: UID
    public init(uid: UID, uidNext: UID) {
        self.uid = uid
        self.uidNext = uidNext
    }
    public var description: String {
        uid.rawValue == UInt32.max
            ? "UID \(uid) leaves no room for UIDNEXT"
            : "UID \(uid) is below the mailbox's UIDNEXT \(uidNext): UIDs must ascend and are never reused"
    }
}

/// The mailbox ran out of UIDs (UIDNEXT would pass 4294967295); it needs a new UIDVALIDITY.
public struct UIDsExhausted: Error, Equatable, CustomStringConvertible {
    public var mailboxID: Int64
    public init(mailboxID: Int64) { self.mailboxID = mailboxID }
    public var description: String { "mailbox (id \(mailboxID)) has used up all UIDs; it needs a new UIDVALIDITY" }
}

/// The database's schema version is newer than any migration this binary knows: a newer Maildex
/// wrote it, and this one must not touch it.
public struct DatabaseTooNew: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var version: Int
    public var supported: Int
    public init(path: String, version: Int, supported: Int) {
        self.path = path
        self.version = version
        self.supported = supported
    }
    public var description: String {
        "database \(path) was written by a newer Maildex (schema \(version), this binary knows \(supported))"
    }
}

/// The database file could not be created or opened (missing directory, permissions…).
public struct CannotOpenDatabase: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "cannot open database \(path): \(reason)" }
}

/// The file is not a usable SQLite database (damaged, truncated, or something else entirely).
/// An index can be rebuilt from the Maildir; `mailadm index rebuild` does so.
public struct CorruptDatabase: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "database \(path) is damaged: \(reason)" }
}
