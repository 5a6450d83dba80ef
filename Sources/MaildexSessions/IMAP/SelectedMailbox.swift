import MaildexCore
import MaildexIndex
import MaildexStore

/// A session's view of its selected mailbox (RFC 3501 §2.3.1.2): message sequence numbers are
/// positions in ``uids``, which only change when this session reports them (EXISTS, EXPUNGE),
/// so that numbers the client holds stay valid between commands.
struct SelectedMailbox {
    let name: MailboxName
    let readOnly: Bool
    let uidValidity: UIDValidity
    /// UIDs ascending; sequence number n is `uids[n - 1]`.
    private(set) var uids: [UID]
    /// The flags this session last told the client, per UID.
    private(set) var flags: [UID: Set<Flag>]
    /// Messages that are `\Recent` to this session.
    private(set) var recent: Set<UID>
    /// The MODSEQ up to which this view is current.
    private(set) var modSeq: ModSeq
    /// Keywords announced in the last FLAGS response.
    private(set) var keywords: Set<Flag>

    init(name: MailboxName, readOnly: Bool, record: MailboxRecord, messages: [MessageRecord], recent: Set<UID>) {
        self.name = name
        self.readOnly = readOnly
        uidValidity = record.uidValidity
        uids = messages.map(\.uid)
        var flags: [UID: Set<Flag>] = [:]
        flags.reserveCapacity(messages.count)
        var keywords = Set<Flag>()
        for message in messages {
            flags[message.uid] = message.flags
            for flag in message.flags where flag.isKeyword { keywords.insert(flag) }
        }
        self.flags = flags
        self.keywords = keywords
        self.recent = recent
        modSeq = record.highestModSeq
    }

    var count: Int { uids.count }

    /// The sequence number of a UID in this view, or nil.
    func sequenceNumber(of uid: UID) -> Int? {
        var low = 0, high = uids.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if uids[mid] == uid { return mid + 1 }
            if uids[mid] < uid { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// (sequence number, UID) pairs a set names. For a UID set, `*` is the highest UID in the
    /// view and UIDs not in it are skipped; for a sequence set, numbers past the end are an error
    /// the caller reports (returned as `outOfRange`).
    func resolve(_ set: NumberSet, uid: Bool) -> (messages: [(Int, UID)], outOfRange: Bool) {
        if uid {
            guard let last = uids.last else { return ([], false) }
            var out: [(Int, UID)] = []
            for range in set.resolved(largest: last.rawValue) {
                // Walk the view from the first UID in range (binary search), not the whole range.
                var i = firstIndex(atLeast: UID(range.lowerBound))
                while i < uids.count, uids[i].rawValue <= range.upperBound {
                    out.append((i + 1, uids[i]))
                    i += 1
                }
            }
            return (Self.deduplicated(out), false)
        }
        var out: [(Int, UID)] = []
        var outOfRange = false
        for range in set.resolved(largest: UInt32(uids.count)) {
            if range.upperBound > uids.count || range.lowerBound < 1 { outOfRange = true; continue }
            for n in range { out.append((Int(n), uids[Int(n) - 1])) }
        }
        return (Self.deduplicated(out), outOfRange)
    }

    private func firstIndex(atLeast uid: UID) -> Int {
        var low = 0, high = uids.count
        while low < high {
            let mid = (low + high) / 2
            if uids[mid] < uid { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private static func deduplicated(_ pairs: [(Int, UID)]) -> [(Int, UID)] {
        var seen = Set<Int>()
        return pairs.filter { seen.insert($0.0).inserted }.sorted { $0.0 < $1.0 }
    }

    /// Records flags this session reported itself (STORE, FETCH setting \Seen). Returns true
    /// when they bring a keyword new to the mailbox, which needs a new `* FLAGS`.
    @discardableResult
    mutating func noteFlags(_ new: Set<Flag>, of uid: UID) -> Bool {
        guard flags[uid] != nil else { return false }
        flags[uid] = new
        var added = false
        for flag in new where flag.isKeyword && !keywords.contains(flag) {
            keywords.insert(flag)
            added = true
        }
        return added
    }

    /// The UIDs of `changes` that are new to this view (above its last UID), ascending.
    func newUIDs(in changes: MailboxChanges) -> [UID] {
        changes.changed.lazy.map(\.uid).filter { uid in uids.last.map { uid > $0 } ?? true }
    }

    /// Applies what changed in the store and returns the untagged responses that tell the client
    /// (RFC 3501 §7.3.1 EXISTS and RECENT, §7.4.1 EXPUNGE, §7.4.2 FETCH FLAGS). With `expunges`
    /// false (during FETCH, STORE, SEARCH: §7.4.1) expunged messages stay in the view, held
    /// back until a command that may report them. `recent` is the range of new UIDs this session
    /// claimed as `\Recent`.
    mutating func apply(_ changes: MailboxChanges, expunges: Bool, recent claimed: ClosedRange<UInt32>?) -> [String] {
        var lines: [String] = []
        pendingExpunges.formUnion(changes.expunged.filter { flags[$0] != nil })
        if expunges, !pendingExpunges.isEmpty {
            for uid in pendingExpunges.sorted() {
                guard let seq = sequenceNumber(of: uid) else { continue }
                uids.remove(at: seq - 1)
                flags[uid] = nil
                recent.remove(uid)
                lines.append("* \(seq) EXPUNGE")
            }
            pendingExpunges = []
        }
        var newKeywords = false
        var added = 0
        for row in changes.changed {
            for flag in row.flags where flag.isKeyword && !keywords.contains(flag) {
                keywords.insert(flag)
                newKeywords = true
            }
            if let known = flags[row.uid] {
                guard known != row.flags, !pendingExpunges.contains(row.uid), let seq = sequenceNumber(of: row.uid) else { continue }
                flags[row.uid] = row.flags
                lines.append("* \(seq) FETCH (UID \(row.uid) FLAGS \(IMAPResponseText.flagList(row.flags, recent: recent.contains(row.uid))))")
            } else if uids.last.map({ row.uid > $0 }) ?? true {
                uids.append(row.uid)
                flags[row.uid] = row.flags
                if claimed?.contains(row.uid.rawValue) == true { recent.insert(row.uid) }
                added += 1
            }
        }
        if added > 0 {
            lines.append("* \(uids.count) EXISTS")
            lines.append("* \(recent.count) RECENT")
        }
        modSeq = max(modSeq, changes.highestModSeq)
        if newKeywords { lines.insert(flagsLine, at: 0) }
        return lines
    }

    /// Expunged messages not reported yet (see ``apply(_:expunges:recent:)``).
    private(set) var pendingExpunges = Set<UID>()

    /// `* FLAGS (...)`: the system flags and every keyword in use.
    var flagsLine: String {
        let names = Flag.systemFlags.map(\.description) + keywords.sorted().map(\.description)
        return "* FLAGS (" + names.joined(separator: " ") + ")"
    }
}
