import Foundation
import MaildexCore
import MaildexIndex
import MaildexMaildir
import MaildexMIME

extension NewMessage {
    /// The index row for a message file: header fields, ENVELOPE, BODYSTRUCTURE and body text are
    /// parsed here, once, so that FETCH and SEARCH never need to open the file.
    /// Parsing sees the message as IMAP clients do, with CRLF line endings.
    init(parsing bytes: [UInt8], file: MaildirFileName, flags: Set<Flag>, internalDate: Date, uid: UID? = nil) {
        let crlf = LineEndings.crlf(bytes)
        let parsed = ParsedMessage(parsing: crlf)
        let h = parsed.indexedHeaders
        let headerBytes = crlf[parsed.root.headerRange]
        let headers = HeaderValues(
            from: h.from, to: h.to, cc: h.cc, bcc: h.bcc, subject: h.subject,
            sentDate: h.date, messageID: h.messageID, inReplyTo: h.inReplyTo, references: h.references,
            headerText: String(decoding: headerBytes, as: UTF8.self)
        )
        self.init(
            uid: uid, flags: flags, internalDate: internalDate, size: bytes.count, virtualSize: crlf.count,
            baseName: file.base, fileName: file.description, headers: headers,
            envelope: parsed.envelope.imapString,
            bodyStructure: parsed.bodyStructure.imapString(extended: true),
            body: parsed.bodyStructure.imapString(extended: false),
            bodyText: parsed.bodyText
        )
    }
}
