import MaildexCore
import MaildexIMAPCodec
import MaildexIndex
import MaildexStore

extension IMAPSession {
    /// SORT / UID SORT (RFC 5256 §3, RFC 5957 DISPLAYFROM/DISPLAYTO): the search compiled to one
    /// index query ordered by the criteria; the answer is `* SORT` with sequence numbers (UIDs for
    /// UID SORT) in that order, limited to the messages this session's view holds; with a MODSEQ
    /// criterion, followed by `(MODSEQ n)`, the highest of the matches (RFC 7162 §3.1.5).
    func sort(_ criteria: [SortCriterion], _ program: SearchProgram, uid: Bool, tag: String, store: UserStore, mailbox: SelectedMailbox) async throws -> [SessionAction] {
        try checkSortCharset(program, command: "SORT")
        let query = Self.query(program.key, mailbox: mailbox)
        let found = try await store.sort(query, by: criteria.map(Self.sortKey), in: mailbox.name)
        var numbers: [UInt32] = []
        var uids: [UID] = []
        numbers.reserveCapacity(found.count)
        for id in found {
            guard let seq = mailbox.sequenceNumber(of: id) else { continue }
            numbers.append(uid ? id.rawValue : UInt32(seq))
            uids.append(id)
        }
        // With a MODSEQ criterion, the highest MODSEQ of the matches (RFC 7162 §3.1.5).
        var highest: ModSeq? = nil
        if Self.mentionsModSeq(program.key) {
            condStore = true
            highest = try await store.messages(uids, in: mailbox.name).map(\.modSeq).max()
        }
        let line = (numbers.isEmpty ? "* SORT" : "* SORT " + numbers.map(String.init).joined(separator: " "))
            + (highest.map { " (MODSEQ \($0))" } ?? "")
        return send(line) + (await updates(expunges: uid)) + ok(tag, "Sort completed.")
    }

    static func sortKey(_ criterion: SortCriterion) -> SortKeySpec {
        let key: SortKeySpec.Key = switch criterion.key {
        case .arrival: .arrival
        case .cc: .cc
        case .date: .date
        case .from: .from
        case .size: .size
        case .subject: .subject
        case .to: .to
        case .displayFrom: .displayFrom
        case .displayTo: .displayTo
        }
        return SortKeySpec(key, reverse: criterion.reverse)
    }
}
