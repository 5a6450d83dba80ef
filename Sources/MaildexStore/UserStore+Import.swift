public import Foundation
public import MaildexCore
import MaildexIndex
import MaildexMaildir

/// One message to import.
public struct ImportMessage: Sendable {
    public var bytes: [UInt8]
    public var flags: Set<Flag>
    public var internalDate: Date
    /// A UID to keep (from a Dovecot `dovecot-uidlist`); nil allocates the next one.
    public var uid: UID?

    public init(bytes: [UInt8], flags: Set<Flag> = [], internalDate: Date = Date(), uid: UID? = nil) {
        self.bytes = bytes
        self.flags = flags
        self.internalDate = internalDate
        self.uid = uid
    }
}

/// A message parsed for import, ready for ``UserStore/importBatch(_:into:skipDuplicates:)``.
/// Preparing is pure CPU work that needs no store, so an importer can prepare the next batch
/// while the store writes the previous one.
public struct PreparedMessage: Sendable {
    let message: ImportMessage
    let row: NewMessage

    /// Parses a batch on all cores.
    public static func prepare(_ messages: [ImportMessage]) -> [PreparedMessage] {
        zip(messages, NewMessage.parseConcurrently(messages)).map { PreparedMessage(message: $0, row: $1) }
    }
}

/// What one import batch did.
public struct ImportBatchResult: Sendable, Equatable {
    public var imported: Int = 0
    public var duplicates: Int = 0
}

extension UserStore {
    /// Imports a batch of messages with one durability point: every file is written and renamed
    /// into place without its own fsync, then the Maildir is synced once, then all index rows are
    /// committed in one transaction. An interruption before the commit leaves complete files that
    /// the next sync indexes (and that `skipDuplicates` then recognises), never half a message.
    ///
    /// With `skipDuplicates`, a message whose Message-ID (or, without one, Date and Subject) and
    /// size match a message already in the mailbox is skipped.
    public func importBatch(_ messages: [ImportMessage], into name: MailboxName, skipDuplicates: Bool) throws -> ImportBatchResult {
        try importBatch(PreparedMessage.prepare(messages), into: name, skipDuplicates: skipDuplicates)
    }

    /// Appends several messages (IMAP MULTIAPPEND) with one durability point, as an import
    /// batch: all of them or none. Returns their UIDs, in order. Throws ``QuotaExceeded``,
    /// storing none, when together they would pass the user's quota.
    public func append(_ messages: [ImportMessage], to name: MailboxName) throws -> [UID] {
        var uids: [UID] = []
        let prepared = PreparedMessage.prepare(messages)
        try checkQuota(adding: prepared.map(\.row.virtualSize))
        _ = try importBatch(prepared, into: name, skipDuplicates: false, uids: &uids)
        scheduleBodyIndexing()
        return uids
    }

    /// ``importBatch(_:into:skipDuplicates:)`` for messages already parsed.
    public func importBatch(_ messages: [PreparedMessage], into name: MailboxName, skipDuplicates: Bool) throws -> ImportBatchResult {
        var uids: [UID] = []
        return try importBatch(messages, into: name, skipDuplicates: skipDuplicates, uids: &uids)
    }

    private func importBatch(_ messages: [PreparedMessage], into name: MailboxName, skipDuplicates: Bool, uids: inout [UID]) throws -> ImportBatchResult {
        let record = try record(name)
        let folder = maildir.folder(name)
        let before = try? folder.directoryModificationDates()
        var keys = skipDuplicates ? try loadDuplicateKeys(record) : []
        var result = ImportBatchResult()
        var rows: [NewMessage] = []
        var written: [MaildirEntry] = []
        var nextFree = record.uidNext
        do {
            for prepared in messages {
                let message = prepared.message
                var row = prepared.row
                if skipDuplicates {
                    guard keys.insert(row.duplicateKey).inserted else { result.duplicates += 1; continue }
                }
                // A kept UID must still be free; otherwise the message gets the next one.
                if let uid = row.uid {
                    if uid < nextFree { row.uid = nil } else { nextFree = UID(uid.rawValue + 1) }
                }
                let entry = try folder.deliver(message.bytes, flags: message.flags, internalDate: message.internalDate, durability: .deferred)
                written.append(entry)
                row.fileName = entry.fileName.description
                row.baseName = entry.fileName.base
                rows.append(row)
            }
            try maildir.sync()
            uids = try index.insert(rows, into: record.id).map(\.uid)
        } catch {
            for entry in written { try? folder.remove(entry) }
            throw error
        }
        if skipDuplicates { duplicateKeys[record.id] = keys }
        // Our own files: the next open need not rescan the folder (this also wakes the sessions).
        if !rows.isEmpty { try noteOwnChange(record, folder: folder, before: before) }
        result.imported = rows.count
        return result
    }

    private func loadDuplicateKeys(_ record: MailboxRecord) throws -> Set<String> {
        if let keys = duplicateKeys[record.id] { return keys }
        let uids = try index.messages(in: record.id).map(\.uid)
        let keys = Set(try index.details(in: record.id, uids: uids).map { detail in
            NewMessage.duplicateKey(headers: detail.headers, size: detail.record.size)
        })
        duplicateKeys[record.id] = keys
        return keys
    }

    /// Replaces an empty mailbox's UIDVALIDITY (importing a Dovecot Maildir keeps the client
    /// caches valid). Refused when the mailbox holds messages.
    func adoptUIDValidity(_ uidValidity: UIDValidity, for name: MailboxName) throws {
        let record = try record(name)
        guard record.uidValidity != uidValidity else { return }
        guard try index.status(of: record.id).messages == 0, record.uidNext.rawValue <= 1 else {
            throw MailboxOperationRefused(name: name, reason: "holds messages already, so its UIDVALIDITY cannot be taken over")
        }
        forgetMailboxes()
        try index.deleteMailbox(id: record.id)
        _ = try index.createMailbox(name, uidValidity: uidValidity, specialUse: record.specialUse)
        duplicateKeys[record.id] = nil
    }

    /// Raises UIDNEXT so that UIDs a Dovecot client saw before the migration are never reused.
    func raiseUIDNext(_ uid: UID, for name: MailboxName) throws {
        try index.setUIDNext(uid, in: record(name).id)
    }
}

extension NewMessage {
    var duplicateKey: String { Self.duplicateKey(headers: headers, size: size) }

    static func duplicateKey(headers: HeaderValues, size: Int) -> String {
        if let id = headers.messageID, !id.isEmpty { return "id:\(id)|\(size)" }
        return "date:\(headers.sentDate?.timeIntervalSince1970 ?? 0)|subject:\(headers.subject)|\(size)"
    }
}
