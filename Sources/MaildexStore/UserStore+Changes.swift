public import MaildexCore
public import MaildexIndex

/// What changed in a mailbox since a MODSEQ (see ``UserStore/changes(in:since:)``).
public struct MailboxChanges: Sendable {
    /// New messages and messages whose flags changed, ascending by UID.
    public var changed: [MessageRecord]
    /// UIDs expunged, ascending.
    public var expunged: [UID]
    public var highestModSeq: ModSeq
}

extension UserStore {
    /// What changed in a mailbox after `modSeq`, after reconciling it with its folder (mail
    /// dropped in by another program counts). Cheap when nothing changed: one small query.
    public func changes(in name: MailboxName, since modSeq: ModSeq) throws -> MailboxChanges {
        try synchronize(name)
        let result = try index.changes(in: mailboxID(name), since: modSeq)
        return MailboxChanges(changed: result.changed, expunged: result.expunged, highestModSeq: result.highestModSeq)
    }

    /// UIDs expunged from a mailbox after `modSeq`, ascending (QRESYNC's VANISHED (EARLIER)).
    public func expunged(in name: MailboxName, since modSeq: ModSeq) throws -> [UID] {
        try index.expunged(in: mailboxID(name), since: modSeq)
    }

    /// Takes the `\Recent` messages of a mailbox for the calling session (RFC 3501 §2.3.2): those
    /// with a UID at or above `lowest` that no session was shown yet, up to `highest`. Each
    /// message is recent to exactly one session.
    public func claimRecent(in name: MailboxName, from lowest: UID, through highest: UID) throws -> ClosedRange<UInt32>? {
        let record = try record(name)
        // Nothing new since the last claim (a SELECT of an unchanged mailbox): no write.
        if try index.recentClaim(in: record.id) >= highest { return nil }
        let previous = try index.claimRecent(upTo: highest, in: record.id)
        let first = max(previous.rawValue &+ 1, lowest.rawValue)
        return first <= highest.rawValue ? first...highest.rawValue : nil
    }

    /// How many messages of a mailbox no session has been shown yet (STATUS RECENT).
    public func recentCount(in name: MailboxName) throws -> Int {
        let record = try record(name)
        return try index.count(in: record.id, above: index.recentClaim(in: record.id))
    }
}
