public import Foundation

/// A message file found in (or written to) a folder's `new/` or `cur/`.
public struct MaildirEntry: Sendable, Hashable {
    public var fileName: MaildirFileName
    /// Whether the file is in `new/` (not yet seen by any client); otherwise it is in `cur/`.
    public var isNew: Bool
    /// The file's path: the folder's path, `new` or `cur`, and the file name.
    public var path: String
    /// The file's mtime, which Dovecot uses as the message's received (internal) date.
    public var modificationDate: Date

    public init(fileName: MaildirFileName, isNew: Bool, path: String, modificationDate: Date) {
        self.fileName = fileName
        self.isNew = isNew
        self.path = path
        self.modificationDate = modificationDate
    }
}

/// When a written message must be on stable storage.
public enum Durability: Sendable {
    /// Before the call returns: the file and its directory are fsynced (DESIGN.md §Storage).
    /// Use for LMTP delivery and IMAP APPEND, which acknowledge the message afterwards.
    case immediate
    /// Later, when ``Maildir/sync()`` is called: no fsync per message. For bulk imports,
    /// which call `sync()` once before reporting success.
    case deferred
}
