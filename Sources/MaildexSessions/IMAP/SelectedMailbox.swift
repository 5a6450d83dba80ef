import MaildexCore
import MaildexIndex
import MaildexStore

/// A session's view of its selected mailbox (RFC 3501 §2.3.1.2): message sequence numbers are
/// positions in ``uids``, which only change when this session reports them (EXISTS, EXPUNGE),
/// so that numbers the client holds stay valid between commands.
///
/// The view holds no per-message data beyond the UID runs: flags are read from the index when
/// asked for, and flag changes are found through the MODSEQ log. That keeps an idle session of
/// a 100,000-message mailbox at a few hundred bytes.
struct SelectedMailbox {
    let name: MailboxName
    let readOnly: Bool
    let uidValidity: UIDValidity
    private(set) var uids: UIDList
    /// Messages that are `\Recent` to this session.
    private(set) var recent: Set<UID>
    /// The MODSEQ up to which this view is current.
    private(set) var modSeq: ModSeq
    /// Keywords announced in the last FLAGS response.
    private(set) var keywords: Set<Flag>
    /// Flag changes this session made and reported itself, by the MODSEQ they got, so that the
    /// MODSEQ log does not report them twice.
    private var ownChanges: [UID: ModSeq] = [:]
    /// Expunged messages not reported yet (see ``apply(_:expunges:recent:)``).
    private(set) var pendingExpunges = Set<UID>()
    /// The `$` of RFC 5182: what the last `SEARCH RETURN (SAVE)` found. It lives and dies with
    /// the selection (SELECT, EXAMINE, CLOSE and UNSELECT clear it).
    var searchResult = Set<UID>()

    /// The view starts from the store's snapshot, sharing its UID runs until either changes.
    init(name: MailboxName, readOnly: Bool, record: MailboxRecord, snapshot: MailboxSnapshot, recent: Set<UID>) {
        self.name = name
        self.readOnly = readOnly
        uidValidity = record.uidValidity
        uids = snapshot.uids
        keywords = snapshot.keywords
        self.recent = recent
        modSeq = record.highestModSeq
    }

    var count: Int { uids.count }

    func sequenceNumber(of uid: UID) -> Int? { uids.sequenceNumber(of: uid) }
    func contains(_ uid: UID) -> Bool { uids.contains(uid) }

    /// (sequence number, UID) pairs a set names. For a UID set, `*` is the highest UID in the
    /// view and UIDs not in it are skipped; for a sequence set, numbers past the end are an error
    /// the caller reports (returned as `outOfRange`).
    func resolve(_ set: NumberSet, uid: Bool) -> (messages: [(Int, UID)], outOfRange: Bool) {
        var out: [(Int, UID)] = []
        var outOfRange = false
        if uid {
            guard let last = uids.last else { return ([], false) }
            for range in set.resolved(largest: last.rawValue) { out += uids.members(in: range) }
        } else {
            for range in set.resolved(largest: UInt32(uids.count)) {
                if range.upperBound > uids.count || range.lowerBound < 1 { outOfRange = true; continue }
                for n in range { if let id = uids.uid(at: Int(n)) { out.append((Int(n), id)) } }
            }
        }
        var seen = Set<Int>()
        return (out.filter { seen.insert($0.0).inserted }.sorted { $0.0 < $1.0 }, outOfRange)
    }

    /// Records a flag change this session reports itself (STORE, FETCH setting \Seen), with its
    /// keywords as announced (the answer that reports it carries their `* FLAGS` line,
    /// ``StoreAnswer``).
    mutating func noteOwnChange(_ change: FlagChange) {
        ownChanges[change.uid] = change.modSeq
        // The change came right after everything this view holds, so the view is current up to
        // it and the next update need not read this session's own changes back.
        if change.modSeq == modSeq.next { modSeq = change.modSeq }
        keywords.formUnion(change.flags.filter(\.isKeyword))
    }

    /// The UIDs of `changes` that are new to this view (above its last UID), ascending.
    func newUIDs(in changes: MailboxChanges) -> [UID] {
        changes.changed.lazy.map(\.uid).filter { uid in uids.last.map { uid > $0 } ?? true }
    }

    /// Applies what changed in the store and returns the untagged responses that tell the client
    /// (RFC 3501 §7.3.1 EXISTS and RECENT, §7.4.1 EXPUNGE, §7.4.2 FETCH FLAGS). With `expunges`
    /// false (during FETCH, STORE, SEARCH: §7.4.1) expunged messages stay in the view, held
    /// back until a command that may report them. `claimed` is the range of new UIDs this
    /// session claimed as `\Recent`.
    mutating func apply(_ changes: MailboxChanges, expunges: Bool, recent claimed: ClosedRange<UInt32>?,
                        style: UpdateStyle = UpdateStyle()) -> [String] {
        var lines: [String] = []
        pendingExpunges.formUnion(changes.expunged.filter { uids.contains($0) })
        if expunges, !pendingExpunges.isEmpty {
            var vanished: [UInt32] = []
            for uid in pendingExpunges.sorted() {
                guard let seq = uids.remove(uid) else { continue }
                recent.remove(uid)
                ownChanges[uid] = nil
                if style.vanished { vanished.append(uid.rawValue) } else { lines.append("* \(seq) EXPUNGE") }
            }
            // QRESYNC: one VANISHED with the UIDs instead of an EXPUNGE each (RFC 7162 §3.2.10).
            if !vanished.isEmpty { lines.append("* VANISHED \(IMAPResponseText.set(vanished))") }
            pendingExpunges = []
        }
        var newKeywords = false
        var added = 0
        for row in changes.changed {
            for flag in row.flags where flag.isKeyword && !keywords.contains(flag) {
                keywords.insert(flag)
                newKeywords = true
            }
            if let seq = uids.sequenceNumber(of: row.uid) {
                if ownChanges[row.uid] == row.modSeq || pendingExpunges.contains(row.uid) { continue }
                let modSeq = style.modSeq ? " MODSEQ (\(row.modSeq))" : ""
                lines.append("* \(seq) FETCH (UID \(row.uid) FLAGS \(IMAPResponseText.flagList(row.flags, recent: recent.contains(row.uid)))\(modSeq))")
            } else if uids.last.map({ row.uid > $0 }) ?? true {
                uids.append(row.uid)
                if claimed?.contains(row.uid.rawValue) == true { recent.insert(row.uid) }
                added += 1
            }
        }
        ownChanges = [:]
        if added > 0 {
            lines.append("* \(uids.count) EXISTS")
            if style.recent { lines.append("* \(recent.count) RECENT") }
        }
        modSeq = max(modSeq, changes.highestModSeq)
        if newKeywords { lines.insert(flagsLine, at: 0) }
        return lines
    }

    /// How updates are written once the client enabled CONDSTORE (MODSEQ in every FETCH) or
    /// QRESYNC (VANISHED instead of EXPUNGE), RFC 7162 §3.1.2.2, §3.2.10.
    /// With `recent` false (IMAP4rev2, RFC 9051 Appendix E), no RECENT response.
    struct UpdateStyle {
        var modSeq = false
        var vanished = false
        var recent = true
    }

    /// IMAP4rev2 has no `\Recent` (RFC 9051 Appendix E): the view stops showing the flag.
    mutating func forgetRecent() { recent = [] }

    /// `* FLAGS (...)`: the system flags and every keyword in use.
    var flagsLine: String { Self.flagsLine(keywords: keywords) }

    static func flagsLine(keywords: Set<Flag>) -> String {
        let names = Flag.systemFlags.map(\.description) + keywords.sorted().map(\.description)
        return "* FLAGS (" + names.joined(separator: " ") + ")"
    }
}
