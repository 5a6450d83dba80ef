import MaildexCore
import MaildexLMTPCodec
import MaildexStore

extension LMTPSession {
    /// After the final dot: one reply per accepted recipient, in RCPT order (RFC 2033 §4.2).
    /// Each copy gets `Return-Path` and `Delivered-To` on top and is otherwise the bytes
    /// received; `250` only after ``UserStore/deliver(_:to:flags:internalDate:)`` returned,
    /// which means the copy is durable.
    func finishData(_ transaction: LMTPTransaction, _ reader: LMTPDataReader) async -> [SessionAction] {
        var replies: [LMTPReply] = []
        for recipient in transaction.recipients {
            if reader.hasOverlongLine {
                // RFC 5321 §4.5.3.1.6 allows 1 000 octets; the line was cut, so the message is not whole.
                replies.append(LMTPReply(554, .init(5, 6, 0), "\(recipient.address.bracketed) Message line too long"))
            } else if reader.exceedsMaximumSize {
                replies.append(LMTPReply(552, .init(5, 3, 4), "Message too big"))
            } else {
                replies.append(await deliver(reader.message, transaction: transaction, to: recipient))
            }
        }
        return send(replies)
    }

    private func deliver(_ message: [UInt8], transaction: LMTPTransaction, to recipient: LMTPRecipient) async -> LMTPReply {
        let copy = Array((transaction.returnPathHeader + recipient.deliveredToHeader).utf8) + message
        do {
            do {
                _ = try await recipient.store.deliver(copy, to: recipient.mailbox)
            } catch is MailboxNotFound where !recipient.mailbox.isInbox {
                // The +detail mailbox went away since RCPT: INBOX, as if it had never existed.
                _ = try await recipient.store.deliver(copy, to: .inbox)
            }
            return LMTPReply(250, .init(2, 0, 0), "\(recipient.address.bracketed) Saved")
        } catch {
            return LMTPReply(451, .init(4, 3, 0), "\(recipient.address.bracketed) Temporary failure, try again later")
        }
    }

    func send(_ replies: [LMTPReply]) -> [SessionAction] {
        [.send(replies.flatMap(\.encoded))]
    }
}
