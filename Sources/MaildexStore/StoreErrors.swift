public import MaildexCore

/// The named mailbox does not exist.
public struct MailboxNotFound: Error, Equatable, CustomStringConvertible {
    public var name: MailboxName
    public var description: String { "no such mailbox '\(name)'" }
}

/// A mailbox with that name exists already.
public struct MailboxAlreadyExists: Error, Equatable, CustomStringConvertible {
    public var name: MailboxName
    public var description: String { "mailbox '\(name)' already exists" }
}

/// An operation that the mailbox rules forbid (deleting INBOX, renaming onto a child…).
public struct MailboxOperationRefused: Error, Equatable, CustomStringConvertible {
    public var name: MailboxName
    public var reason: String
    public var description: String { "mailbox '\(name)': \(reason)" }
}

/// The user is not in the user table.
public struct UserNotFound: Error, Equatable, CustomStringConvertible {
    public var name: String
    public var description: String { "no such user '\(name)'" }
}

/// The message with that UID is gone (expunged, or its file vanished).
public struct MessageNotFound: Error, Equatable, CustomStringConvertible {
    public var mailbox: MailboxName
    public var uid: UID
    public var description: String { "message UID \(uid) in '\(mailbox)' no longer exists" }
}
