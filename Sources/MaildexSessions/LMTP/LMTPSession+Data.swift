import Foundation
import Logging
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
        let started = ContinuousClock.now
        var metadata: Logger.Metadata = [
            "msgid": "\(Self.messageID(in: message) ?? "-")", "size": "\(copy.count)", "rcpt": "\(recipient.address.bracketed)",
        ]
        do {
            do {
                _ = try await recipient.store.deliver(copy, to: recipient.mailbox)
            } catch is MailboxNotFound where !recipient.mailbox.isInbox {
                // The +detail mailbox went away since RCPT: INBOX, as if it had never existed.
                _ = try await recipient.store.deliver(copy, to: .inbox)
            }
            metadata["ms"] = "\((ContinuousClock.now - started).milliseconds)"
            connection.log.info("Delivered", metadata: metadata)
            return LMTPReply(250, .init(2, 0, 0), "\(recipient.address.bracketed) Saved")
        } catch let error as QuotaExceeded {
            metadata["error"] = "\(error)"
            connection.log.notice("Delivery refused", metadata: metadata)
            return Self.mailboxFull(recipient.address)
        } catch {
            metadata["error"] = "\(error)"
            connection.log.error("Delivery failed", metadata: metadata)
            return LMTPReply(451, .init(4, 3, 0), "\(recipient.address.bracketed) Temporary failure, try again later")
        }
    }

    /// The Message-ID of a message, from its header, for the log.
    static func messageID(in message: [UInt8]) -> String? {
        var start = 0
        while start < message.count {
            guard let end = message[start...].firstIndex(of: 0x0A) else { return nil }
            let line = message[start..<end]
            if line.isEmpty || line == [0x0D] { return nil }   // end of the header
            // Compared as bytes: a String per header line cost more than the rest of this log line.
            if line.count > messageIDName.count,
               zip(messageIDName, line).allSatisfy({ name, byte in name == byte.asciiLowercased }) {
                return String(decoding: line.dropFirst(messageIDName.count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            start = end + 1
        }
        return nil
    }

    private static let messageIDName = Array("message-id:".utf8)

    func send(_ replies: [LMTPReply]) -> [SessionAction] {
        [.send(replies.flatMap(\.encoded))]
    }
}
