public import MaildexCore
public import MaildexIndex

extension UserStore {
    /// What SELECT shows of a mailbox, after reconciling it with its folder, and the record for
    /// UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ (RFC 3501 §6.3.1).
    ///
    /// The store keeps the last snapshot of each mailbox and, when the mailbox's HIGHESTMODSEQ
    /// moved, applies what changed since (every change to a message, by any process, raises
    /// it): a SELECT of an unchanged mailbox reads the mailbox row and nothing else. A snapshot
    /// that cannot be brought forward is read afresh from every row.
    public func snapshot(of name: MailboxName) throws -> (record: MailboxRecord, snapshot: MailboxSnapshot) {
        let record = try open(name)
        if var snapshot = snapshots[record.id], snapshot.uidValidity == record.uidValidity,
           snapshot.modSeq <= record.highestModSeq {
            if snapshot.modSeq == record.highestModSeq { return (record, snapshot) }
            let result = try index.changes(in: record.id, since: snapshot.modSeq)
            let changes = MailboxChanges(changed: result.changed, expunged: result.expunged, highestModSeq: result.highestModSeq)
            if try snapshot.apply(changes, lowestUnseen: { try index.lowestUnseen(in: record.id) }) {
                snapshot.modSeq = changes.highestModSeq
                snapshots[record.id] = snapshot
                return (record, snapshot)
            }
        }
        let snapshot = MailboxSnapshot(try index.summary(of: record.id), record: record)
        snapshots[record.id] = snapshot
        return (record, snapshot)
    }
}
