public import Foundation
public import MaildexCore
import MaildexIndex
import MaildexMaildir

/// A delivery whose file is written and fsynced in `tmp/`, waiting for the group commit.
struct PendingDelivery {
    var mailbox: MailboxName
    var mailboxID: Int64
    var staged: StagedMessage
    var row: NewMessage
    var continuation: CheckedContinuation<UID, any Error>
}

extension UserStore {
    /// Delivers (or APPENDs) one message durably and returns its UID: when this returns, the file
    /// is fsynced and renamed into place, its directory fsynced and the index row committed. On
    /// any failure nothing is left behind and the error is thrown; ``QuotaExceeded`` when the
    /// message, with the deliveries already waiting for the commit, would pass the user's quota.
    ///
    /// Deliveries to this user that arrive together (several LMTP connections, APPENDs) share
    /// one group commit: each delivery writes and fsyncs its own file in `tmp/`; then one commit
    /// renames them all into place, fsyncs `new/` (and `cur/`) once, and inserts every row in one
    /// index transaction (one WAL write; SQLite runs with `synchronous = NORMAL`, so the WAL is
    /// not fsynced: the files are). Every caller still returns only after that commit.
    @discardableResult
    public func deliver(_ message: [UInt8], to name: MailboxName = .inbox, flags: Set<Flag> = [],
                        internalDate: Date = Date()) async throws -> UID {
        let id = try mailboxID(name)
        let virtualSize = message.virtualSize
        try checkQuota(adding: pendingDeliveries.map(\.row.virtualSize) + [virtualSize])
        let folder = maildir.folder(name)
        let staged = try folder.stage(message, flags: flags, internalDate: internalDate, virtualSize: virtualSize)
        let row = NewMessage(parsing: message, file: staged.entry.fileName, flags: flags, internalDate: internalDate, virtualSize: virtualSize)
        return try await withCheckedThrowingContinuation { continuation in
            pendingDeliveries.append(PendingDelivery(mailbox: name, mailboxID: id, staged: staged, row: row, continuation: continuation))
            if pendingDeliveries.count == 1 {
                // Queued behind the jobs already waiting for this store: the deliveries among
                // them join this commit.
                Task { self.commitPendingDeliveries() }
            }
        }
    }

    /// The group commit: per mailbox, the pending files are renamed into place with one fsync
    /// of each directory, then their rows go into the index in one transaction, together with
    /// the folder's new sync state. Each waiting delivery is then resumed with its UID or error.
    func commitPendingDeliveries() {
        let batch = pendingDeliveries
        pendingDeliveries = []
        var order: [Int64] = []
        var groups: [Int64: [PendingDelivery]] = [:]
        for delivery in batch {
            if groups[delivery.mailboxID] == nil { order.append(delivery.mailboxID) }
            groups[delivery.mailboxID, default: []].append(delivery)
        }
        for id in order {
            guard let group = groups[id] else { continue }
            commit(group, into: id)
        }
        changeSignal.fire()
        scheduleBodyIndexing()
    }

    private func commit(_ group: [PendingDelivery], into id: Int64) {
        let name = group[0].mailbox
        let folder = maildir.folder(name)
        // The recorded state is kept even when the folder has moved on since (a mailbox nobody
        // has opened yet), so that each commit does not read the mailbox row again.
        if syncedMTimes[name] == nil, let recorded = try? record(name).syncState { syncedMTimes[name] = recorded }
        let synced = syncedMTimes[name]
        let before = try? folder.directoryModificationDates()
        var placed: [PendingDelivery] = []
        for (delivery, error) in zip(group, folder.publish(group.map(\.staged))) {
            if let error { delivery.continuation.resume(throwing: error) } else { placed.append(delivery) }
        }
        guard !placed.isEmpty else { return }
        // Nobody else changed the folder since the last sync: the new state goes into the
        // same transaction as the rows (one commit).
        let after = synced.flatMap { Self.syncStateAfterOwnChange(synced: $0, folder: folder, before: before) }
        do {
            let inserted = try index.insert(placed.map(\.row), into: id, syncState: after.map { ($0.new, $0.cur) })
            if let after { syncedMTimes[name] = after }
            for (delivery, result) in zip(placed, inserted) { delivery.continuation.resume(returning: result.uid) }
        } catch {
            for delivery in placed {
                try? folder.remove(delivery.staged.entry)
                delivery.continuation.resume(throwing: error)
            }
        }
    }
}
