public import MaildexCore
import MaildexIndex

/// What SELECT shows of a mailbox (RFC 3501 §6.3.1): its UIDs as runs, its first unseen
/// message and the keywords in use, as of ``modSeq``.
///
/// The store keeps one per mailbox and brings it up to date from the MODSEQ log
/// (``UserStore/snapshot(of:)``), so a SELECT of a large, unchanged mailbox reads one mailbox
/// row instead of every message row, and the session's copy of ``uids`` shares its storage.
public struct MailboxSnapshot: Sendable {
    /// Every UID, ascending.
    public internal(set) var uids: UIDList
    /// The lowest UID without `\Seen`, nil when every message is seen.
    public internal(set) var firstUnseenUID: UID?
    /// The keywords in use. After keywords are removed from every message this may still list
    /// them until the mailbox is read afresh (a FLAGS response may name keywords no message has).
    public internal(set) var keywords: Set<Flag>
    let uidValidity: UIDValidity
    /// The HIGHESTMODSEQ this snapshot reflects: every change up to it is in.
    var modSeq: ModSeq

    /// The position (0-based) of the first message without `\Seen`, nil when all are seen.
    public var firstUnseen: Int? { firstUnseenUID.flatMap(uids.sequenceNumber(of:)).map { $0 - 1 } }

    init(_ summary: MailboxSummary, record: MailboxRecord) {
        uids = UIDList(summary.uids)
        firstUnseenUID = summary.firstUnseen.map { summary.uids[$0] }
        keywords = summary.keywords
        uidValidity = record.uidValidity
        modSeq = record.highestModSeq
    }

    /// Applies what changed after ``modSeq`` (new messages, flag changes, expunges). Applying a
    /// change twice does no harm, so a snapshot read slightly after its record is fine. Returns
    /// false when the changes do not fit (a UID below the last that the snapshot lacks): the
    /// caller reads the mailbox afresh. `lowestUnseen` is asked when the first unseen message
    /// became seen or went away.
    mutating func apply(_ changes: MailboxChanges, lowestUnseen: () throws -> UID?) rethrows -> Bool {
        var lostFirstUnseen = false
        for uid in changes.expunged where uids.remove(uid) != nil {
            if uid == firstUnseenUID { lostFirstUnseen = true }
        }
        for row in changes.changed {
            if !uids.contains(row.uid) {
                guard uids.last.map({ row.uid > $0 }) ?? true else { return false }
                uids.append(row.uid)
            }
            let unseen = !row.flags.contains(.seen)
            if unseen, firstUnseenUID.map({ row.uid < $0 }) ?? true {
                firstUnseenUID = row.uid
                lostFirstUnseen = false
            } else if !unseen, row.uid == firstUnseenUID {
                lostFirstUnseen = true
            }
            for flag in row.flags where flag.isKeyword { keywords.insert(flag) }
        }
        if lostFirstUnseen { firstUnseenUID = try lowestUnseen() }
        return true
    }
}
