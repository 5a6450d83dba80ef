import MaildexCore
import MaildexIMAPCodec

// SEARCHRES (RFC 5182): `SEARCH RETURN (SAVE)` keeps its result in the selected mailbox's
// view, and `$` names those messages in FETCH, STORE, COPY, MOVE, UID EXPUNGE and SEARCH.
extension IMAPSession {
    /// The numbers a command's set stands for: as sent, or for `$` the saved messages that still
    /// exist, as UIDs or sequence numbers as the command counts. Before any SAVE, `$` is empty
    /// (RFC 5182 §2.1), so the command succeeds on no messages.
    func numbers(_ set: SequenceSet, uid: Bool, in mailbox: SelectedMailbox) -> NumberSet {
        switch set {
        case .numbers(let numbers):
            return numbers
        case .lastResult:
            let saved = mailbox.searchResult
            if uid { return NumberSet(saved.filter(mailbox.contains).map(\.rawValue)) }
            return NumberSet(saved.compactMap { mailbox.sequenceNumber(of: $0).map(UInt32.init) })
        }
    }

    /// What SAVE keeps (RFC 5182 §2.1): with MIN and/or MAX but neither ALL nor COUNT, only
    /// the lowest and/or highest message; otherwise the whole result. `found` is in mailbox order.
    static func savedResult(_ found: [UID], options: [SearchReturnOption]) -> Set<UID> {
        let minMax = options.contains(.min) || options.contains(.max)
        guard minMax, !options.contains(.all), !options.contains(.count) else { return Set(found) }
        var kept = Set<UID>()
        if options.contains(.min), let first = found.first { kept.insert(first) }
        if options.contains(.max), let last = found.last { kept.insert(last) }
        return kept
    }
}
