public import MaildexCore
public import MaildexIndex
import MaildexMaildir

/// A mailbox as LIST shows it.
public struct MailboxInfo: Sendable, Equatable {
    public var name: MailboxName
    public var specialUse: String?
    public var subscribed: Bool
    public var hasChildren: Bool
    /// False for a parent that exists only because it has children (`\Noselect`).
    public var selectable: Bool
}

extension UserStore {
    /// Every mailbox, INBOX first, after reconciling the folder list with the index: folders made by
    /// another program are adopted, index rows of folders deleted by hand are dropped. Parents that
    /// exist only as a path to a child are listed as not selectable.
    public func mailboxes() throws -> [MailboxInfo] {
        forgetMailboxes()
        let onDisk = Set(try maildir.folderNames())
        for record in try index.mailboxes() where !onDisk.contains(record.name) {
            try index.deleteMailbox(id: record.id)
        }
        var records: [MailboxName: MailboxRecord] = [:]
        for record in try index.mailboxes() { records[record.name] = record }
        for name in onDisk where records[name] == nil {
            records[name] = try Self.adoptFolder(name, maildir: maildir, index: index)
        }
        var names = Set(records.keys)
        for name in records.keys {
            var parent = name.parent
            while let p = parent { names.insert(p); parent = p.parent }
        }
        let subscribed = Set(try index.subscriptions())
        return names.sorted().map { name in
            MailboxInfo(
                name: name, specialUse: records[name]?.specialUse, subscribed: subscribed.contains(name),
                hasChildren: names.contains { $0.isDescendant(of: name) }, selectable: records[name] != nil
            )
        }
    }

    /// Creates a mailbox (its Maildir++ folder and index row). Throws ``MailboxAlreadyExists``.
    public func createMailbox(_ name: MailboxName, specialUse: String? = nil) throws {
        if try index.mailbox(name) != nil || maildir.folder(name).exists { throw MailboxAlreadyExists(name: name) }
        forgetMailboxes()
        try maildir.createFolder(name)
        _ = try index.createMailbox(name, specialUse: specialUse)
    }

    /// Deletes a mailbox and its messages. Its children stay (Maildir++ folders are independent).
    /// INBOX cannot be deleted (RFC 3501 §6.3.4).
    public func deleteMailbox(_ name: MailboxName) throws {
        guard !name.isInbox else { throw MailboxOperationRefused(name: name, reason: "INBOX cannot be deleted") }
        let record = try record(name)
        forgetMailboxes()
        try maildir.deleteFolder(name)
        try index.deleteMailbox(id: record.id)
    }

    /// Renames a mailbox and its children. Renaming INBOX moves its messages into the new
    /// mailbox and leaves INBOX empty (RFC 3501 §6.3.5).
    public func renameMailbox(_ from: MailboxName, to: MailboxName) throws {
        if try index.mailbox(to) != nil || maildir.folder(to).exists { throw MailboxAlreadyExists(name: to) }
        guard !to.isDescendant(of: from), from != to else { throw MailboxOperationRefused(name: from, reason: "cannot be renamed into itself") }
        guard !to.isInbox else { throw MailboxOperationRefused(name: to, reason: "the name INBOX is reserved") }
        let source = try record(from)
        forgetMailboxes()
        if from.isInbox {
            try createMailbox(to)
            let uids = try index.messages(in: source.id).map(\.uid)
            _ = try move(uids: uids, from: from, to: to)
            return
        }
        let children = try index.mailboxes().filter { $0.name.isDescendant(of: from) }
        try maildir.renameFolder(from, to: to)
        try index.renameMailbox(id: source.id, to: to)
        for child in children {
            try index.renameMailbox(id: child.id, to: child.name.replacingPrefix(from, with: to))
        }
    }

    /// Adds or removes a subscription; the mailbox need not exist (RFC 3501 §6.3.6).
    public func setSubscribed(_ name: MailboxName, _ subscribed: Bool) throws {
        try index.setSubscribed(name, subscribed)
    }

    /// The subscribed names.
    public func subscriptions() throws -> [MailboxName] { try index.subscriptions() }

    /// Opens a mailbox: reconciles it with its folder and returns its record (UIDVALIDITY, UIDNEXT…).
    public func open(_ name: MailboxName) throws -> MailboxRecord {
        try synchronize(name)
        return try record(name)
    }

    /// Message counts and sizes, after reconciling with the folder.
    public func status(_ name: MailboxName) throws -> MailboxStatus {
        let record = try open(name)
        return try index.status(of: record.id)
    }
}
