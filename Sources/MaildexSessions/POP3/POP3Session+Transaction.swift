import Logging
import MaildexCore
import MaildexIndex
import MaildexPOP3Codec
import MaildexStore

extension POP3Session {
    /// The TRANSACTION-state commands (RFC 1939 §5 and §7) over the login snapshot.
    func transaction(_ command: POP3Command, _ maildrop: inout POP3Maildrop) async throws(POP3SessionError) -> [SessionAction] {
        switch command {
        case .stat:
            let (count, octets) = maildrop.stat
            return reply(.ok("\(count) \(octets)"))
        case .list(nil):
            let numbers = maildrop.visibleNumbers
            return reply(.multiLine("\(numbers.count) messages:", numbers.map { "\($0) \(maildrop.messages[$0 - 1].virtualSize)" }))
        case .list(let n?):
            let message = try maildrop.message(n).get()
            return reply(.ok("\(n) \(message.virtualSize)"))
        case .uidl(nil):
            return reply(.multiLine("", maildrop.visibleNumbers.map { "\($0) \(maildrop.uidl($0))" }))
        case .uidl(let n?):
            _ = try maildrop.message(n).get()
            return reply(.ok("\(n) \(maildrop.uidl(n))"))
        case .retr(let n):
            let message = try maildrop.message(n).get()
            let bytes = try await read(message, number: n, from: maildrop.store)
            maildrop.retrieved.insert(n)
            // The +OK line and the block in one buffer, which the connection writes as it is.
            var out = Array("+OK \(message.virtualSize) octets\r\n".utf8)
            POP3MultiLine.append(message: bytes, to: &out)
            return [.send(out)]
        case .top(let n, let lines):
            let message = try maildrop.message(n).get()
            let bytes = try await read(message, number: n, from: maildrop.store)
            return [.send(POP3Response.ok("").encoded + POP3MultiLine.top(bytes, bodyLines: lines))]
        case .dele(let n):
            _ = try maildrop.message(n).get()
            maildrop.deleted.insert(n)
            return reply(.ok("Marked to be deleted."))
        case .rset:
            maildrop.deleted = []
            maildrop.retrieved = []
            return reply(.ok(""))
        case .user, .pass, .auth, .stls:
            throw POP3SessionError(.error(nil, "\(command.name) is not valid in TRANSACTION state."))
        case .noop, .quit, .capa:
            return []   // answered by execute(_:)
        }
    }

    /// The bytes of a snapshot message; a message expunged meanwhile (by IMAP) is an error.
    func read(_ message: MessageRecord, number: Int, from store: UserStore) async throws(POP3SessionError) -> [UInt8] {
        do {
            return try store.read(message, in: .inbox)
        } catch is MessageNotFound {
            throw POP3SessionError(.error(nil, "Message \(number) no longer exists."), countsAsBad: false)
        } catch {
            throw POP3SessionError(Self.internalError, countsAsBad: false)
        }
    }

    /// QUIT in TRANSACTION: the UPDATE state (RFC 1939 §6). Messages marked by DELE are
    /// expunged in one call; then retrieved ones are flagged \Seen, as Dovecot does.
    func update(_ maildrop: POP3Maildrop) async -> [SessionAction] {
        state = .finished
        connection.log.info("Logout", metadata: ["deleted": "\(maildrop.deletedUIDs.count)", "retrieved": "\(maildrop.retrieved.count)"])
        do {
            let deleted = maildrop.deletedUIDs
            if !deleted.isEmpty { try await maildrop.store.expunge(deleted, in: .inbox) }
        } catch {
            return reply(.error(.sysTemp, "Some deleted messages not removed.")) + [.close]
        }
        let seen = maildrop.newlySeenUIDs
        // \Seen is a courtesy to IMAP clients; failing to set it loses no mail.
        if !seen.isEmpty { _ = try? await maildrop.store.setFlags([.seen], .add, uids: seen, in: .inbox) }
        return reply(.ok("Logging out.")) + [.close]
    }
}
