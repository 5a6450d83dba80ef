public import MaildexCore
import MaildexIndex
import MaildexMaildir

extension UserStore {
    /// Moves messages (IMAP MOVE, RFC 6851) and returns (source, new) UID pairs, atomically
    /// across a crash: each file is renamed into the destination's `cur/` (it is in exactly one
    /// folder at every instant), both folders' directories are fsynced once, and then one index
    /// transaction moves the rows, recording the source UIDs as expunged. A crash before that
    /// commit leaves files the next sync finds gone from the source (rows expunged) and new in
    /// the destination (indexed): each message ends up exactly once, in the destination.
    ///
    /// The rows keep their parsed header fields, FETCH strings and full-text entries: no file is
    /// read. A message whose file vanished meanwhile is expunged from the source and not moved.
    /// The destination may be the source (the messages get new UIDs). The user's usage does not
    /// grow, so the quota is not checked: a user over quota can still file mail away.
    public func move(uids: [UID], from source: MailboxName, to destination: MailboxName) throws -> [(UID, UID)] {
        let sourceRecord = try record(source)
        let target = try record(destination)
        let from = maildir.folder(source), to = maildir.folder(destination)
        let rows = try index.messages(in: sourceRecord.id, uids: uids)
        guard !rows.isEmpty else { return [] }
        let sameFolder = sourceRecord.id == target.id
        let beforeSource = try? from.directoryModificationDates()
        let beforeTarget = sameFolder ? beforeSource : try? to.directoryModificationDates()
        var moves: [MailIndex.Move] = []
        var failure: (any Error)?
        for row in rows {
            do {
                let moved = try from.move(entry(for: row, in: source), to: to, flags: row.flags,
                                          size: row.size, virtualSize: row.virtualSize)
                moves.append((row.uid, moved.map { ($0.fileName.base, $0.fileName.description) }))
            } catch {
                failure = error
                break
            }
        }
        let pairs: [(UID, UID)]
        do {
            // Made durable before the commit: an acknowledged MOVE never comes undone.
            try to.syncDirectories()
            if !sameFolder { try from.syncDirectories() }
            pairs = try index.move(moves, from: sourceRecord.id, to: target.id)
        } catch {
            repairAfterFailedMove(source, destination)
            throw error
        }
        try noteOwnChange(sourceRecord, folder: from, before: beforeSource)
        if !sameFolder { try noteOwnChange(target, folder: to, before: beforeTarget) }
        // Restarts the body indexer if a moved row stopped it (see indexPendingBodies).
        scheduleBodyIndexing()
        // A failed rename (the destination vanished, permissions) after others succeeded: the
        // moved ones are committed; the command fails for the rest, which stay in the source.
        if let failure { throw failure }
        return pairs
    }

    /// After renames whose index commit failed: reconciles both folders at once (the files are
    /// the truth), rather than waiting for their next open.
    private func repairAfterFailedMove(_ source: MailboxName, _ destination: MailboxName) {
        _ = try? synchronize(source, force: true)
        _ = try? synchronize(destination, force: true)
    }
}
