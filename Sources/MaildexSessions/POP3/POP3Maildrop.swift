import MaildexCore
import MaildexIndex
import MaildexPOP3Codec
import MaildexStore

/// The INBOX as a POP3 session sees it: a snapshot taken at login (RFC 1939 §4: message
/// numbers stay fixed for the session). Messages delivered later are not shown; messages
/// expunged by IMAP meanwhile keep their number and size, and fail only when read.
/// Deletion and \Seen marks are kept here and applied at QUIT.
struct POP3Maildrop {
    let store: UserStore
    let uidValidity: UIDValidity
    /// Message n is `messages[n - 1]`.
    let messages: [MessageRecord]
    /// Message numbers marked by DELE.
    var deleted: Set<Int> = []
    /// Message numbers fully retrieved (RETR), to be marked \Seen at QUIT.
    var retrieved: Set<Int> = []

    init(store: UserStore, uidValidity: UIDValidity, messages: [MessageRecord]) {
        self.store = store
        self.uidValidity = uidValidity
        self.messages = messages
    }

    /// Numbers of the messages not marked deleted, ascending.
    var visibleNumbers: [Int] { messages.indices.map { $0 + 1 }.filter { !deleted.contains($0) } }

    /// Count and total octets of the messages not marked deleted (STAT).
    var stat: (count: Int, octets: Int) {
        let visible = visibleNumbers
        return (visible.count, visible.reduce(0) { $0 + messages[$1 - 1].virtualSize })
    }

    /// The message with number `n`, or the `-ERR` for a number that names none or a deleted one.
    func message(_ n: Int) -> Result<MessageRecord, POP3SessionError> {
        guard n >= 1, n <= messages.count else { return .failure(.init(.error(nil, "There's no message \(n)."))) }
        guard !deleted.contains(n) else { return .failure(.init(.error(nil, "Message is deleted."))) }
        return .success(messages[n - 1])
    }

    func uidl(_ n: Int) -> String {
        POP3UIDL.dovecotDefault(uid: messages[n - 1].uid, uidValidity: uidValidity)
    }

    /// UIDs to expunge at QUIT.
    var deletedUIDs: [UID] { deleted.sorted().map { messages[$0 - 1].uid } }

    /// UIDs retrieved, not deleted and not \Seen at login: to be flagged \Seen at QUIT.
    var newlySeenUIDs: [UID] {
        retrieved.subtracting(deleted).sorted().map { messages[$0 - 1] }.filter { !$0.flags.contains(.seen) }.map(\.uid)
    }
}

/// A `-ERR` answer carried as an error inside the session.
struct POP3SessionError: Error {
    var response: POP3Response
    /// Whether it counts toward the bad-command limit (a client mistake).
    var countsAsBad: Bool
    init(_ response: POP3Response, countsAsBad: Bool = true) {
        self.response = response
        self.countsAsBad = countsAsBad
    }
}
