import MaildexCore
import MaildexIMAPCodec
import MaildexIndex
import MaildexMIME
import MaildexStore

extension IMAPSession {
    /// THREAD / UID THREAD (RFC 5256 §3–5): the search compiled to one index query that also
    /// reads the threading columns; the threads computed from those rows (never the message
    /// files), limited to the messages this session's view holds; the answer is `* THREAD` with
    /// sequence numbers (UIDs for UID THREAD).
    ///
    ///     C: a THREAD REFERENCES UTF-8 ALL
    ///     S: * THREAD (2)(3 6 (4 23)(44 7 96))
    ///     S: a OK Thread completed.
    func thread(_ algorithm: ThreadAlgorithm, _ program: SearchProgram, uid: Bool, tag: String, store: UserStore, mailbox: SelectedMailbox) async throws -> [SessionAction] {
        try checkSortCharset(program, command: "THREAD")
        let query = Self.query(program.key, mailbox: mailbox)
        let rows = try await store.threadData(query, in: mailbox.name)
        var messages: [ThreadMessage] = []
        messages.reserveCapacity(rows.count)
        for row in rows {
            guard let seq = mailbox.sequenceNumber(of: row.uid) else { continue }
            messages.append(ThreadMessage(
                number: uid ? row.uid.rawValue : UInt32(seq),
                messageID: row.messageID, inReplyTo: row.inReplyTo, references: row.references,
                baseSubject: row.baseSubject, isReplyOrForward: SortKeys.isReplyOrForward(row.subject),
                date: row.sentDate))
        }
        let threads = switch algorithm {
        case .orderedSubject: MessageThreading.orderedSubject(messages)
        case .references: MessageThreading.references(messages)
        }
        let line = threads.roots.isEmpty ? "* THREAD" : "* THREAD " + MessageThreading.render(threads)
        return send(line) + (await updates(expunges: uid)) + ok(tag, "Thread completed.")
    }
}
