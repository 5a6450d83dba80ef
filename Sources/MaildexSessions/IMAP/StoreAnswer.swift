import MaildexCore
import MaildexIndex

/// The untagged answers of a STORE (RFC 3501 §6.4.6) from the store's result, made from what
/// the session knew when the command began, so that they can be written from the store's thread
/// as soon as the index has the new flags (see ``SessionOutput``).
///
///     C: a STORE 1:2 +FLAGS (\Seen)
///     S: * 1 FETCH (FLAGS (\Seen))
///     S: * 2 FETCH (FLAGS (\Seen \Flagged))
///
/// Without .SILENT every message named is answered with its flags; once CONDSTORE is on, every
/// answer carries MODSEQ, and with .SILENT only the messages changed are answered, for it. A
/// keyword the session has not announced yet (this STORE's, or one another client set on a
/// message it changes) first gets a new `* FLAGS` line, even with .SILENT.
struct StoreAnswer: Sendable {
    /// The messages named, as (sequence number, UID), ascending.
    let targets: [(Int, UID)]
    let uid: Bool
    let silent: Bool
    let condStore: Bool
    /// The session's \Recent messages.
    let recent: Set<UID>
    /// The keywords of the session's last `* FLAGS`.
    let keywords: Set<Flag>

    func lines(_ result: FlagStoreResult) -> [String] {
        var lines: [String] = []
        var known = keywords
        for change in result.changed {
            for flag in change.flags where flag.isKeyword { known.insert(flag) }
        }
        if known.count > keywords.count { lines.append(SelectedMailbox.flagsLine(keywords: known)) }
        guard !silent || condStore else { return lines }
        // The store answered with every named message's flags: no rows are read again.
        var current: [UID: FlagChange] = [:]
        current.reserveCapacity(result.changed.count + result.unchanged.count)
        for change in result.unchanged { current[change.uid] = change }
        for change in result.changed { current[change.uid] = change }
        let changed = silent ? Set(result.changed.map(\.uid)) : []
        // Most messages share their flags after a STORE: each list is spelled once. Not lists
        // with keywords, whose sets are equal whatever the keywords' case.
        var flagLists: [Set<Flag>: String] = [:]
        lines.reserveCapacity(lines.count + targets.count)
        for (seq, id) in targets {
            guard let record = current[id] else { continue }
            // .SILENT with CONDSTORE: only the messages changed, for their new MODSEQ.
            if silent, !changed.contains(id) { continue }
            var items: [String] = uid ? ["UID \(id)"] : []
            if !silent {
                let list: String, isRecent = recent.contains(id)
                if isRecent || record.flags.contains(where: \.isKeyword) {
                    list = IMAPResponseText.flagList(record.flags, recent: isRecent)
                } else if let known = flagLists[record.flags] {
                    list = known
                } else {
                    list = IMAPResponseText.flagList(record.flags)
                    flagLists[record.flags] = list
                }
                items.append("FLAGS \(list)")
            }
            if condStore { items.append("MODSEQ (\(record.modSeq))") }
            lines.append("* \(seq) FETCH (\(items.joined(separator: " ")))")
        }
        return lines
    }

    /// ``lines(_:)`` as bytes to write, CRLF after each.
    func bytes(_ result: FlagStoreResult) -> [UInt8] {
        let lines = lines(result)
        return lines.isEmpty ? [] : Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
