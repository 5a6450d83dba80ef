import Dispatch
import Foundation
import MaildexCore
import MaildexIndex
import MaildexMaildir
import MaildexMIME

extension NewMessage {
    /// The index row for a message: header fields, ENVELOPE and BODYSTRUCTURE are parsed here,
    /// once, so that FETCH and header SEARCH never need to open the file. (Body text is read
    /// later by the catch-up indexer, see ``MailIndex/indexPendingBodies(limit:)``.) Parsing sees the
    /// message as IMAP clients do, with CRLF line endings. The file name is set by the caller
    /// once the file is written (``init(parsing:file:flags:internalDate:uid:)`` does both).
    init(parsing bytes: [UInt8], flags: Set<Flag>, internalDate: Date, uid: UID? = nil, virtualSize: Int? = nil) {
        let virtualSize = virtualSize ?? bytes.virtualSize
        // Mail from LMTP and IMAP has CRLF already: parse the bytes as they are, no copy.
        let crlf = virtualSize == bytes.count ? bytes : LineEndings.crlf(bytes)
        let parsed = ParsedMessage(parsing: crlf)
        let structure = parsed.bodyStructure
        let envelope = parsed.envelope
        let h = IndexedHeaders(header: parsed.header, envelope: envelope)
        let keys = SortKeys(header: parsed.header, envelope: envelope)
        let headers = HeaderValues(
            from: h.from, to: h.to, cc: h.cc, bcc: h.bcc, subject: h.subject,
            sentDate: h.date, messageID: h.messageID, inReplyTo: h.inReplyTo, references: h.references,
            headerText: String(decoding: crlf[parsed.root.headerRange], as: UTF8.self),
            sort: SortValues(baseSubject: keys.baseSubject, from: keys.from, to: keys.to, cc: keys.cc,
                             displayFrom: keys.displayFrom, displayTo: keys.displayTo)
        )
        self.init(
            uid: uid, flags: flags, internalDate: internalDate, size: bytes.count, virtualSize: crlf.count,
            baseName: "", fileName: "", headers: headers,
            envelope: envelope.imapString,
            bodyStructure: structure.imapString(extended: true),
            body: structure.imapString(extended: false)
        )
    }

    /// The index row for a message file already in the Maildir.
    init(parsing bytes: [UInt8], file: MaildirFileName, flags: Set<Flag>, internalDate: Date, uid: UID? = nil, virtualSize: Int? = nil) {
        self.init(parsing: bytes, flags: flags, internalDate: internalDate, uid: uid, virtualSize: virtualSize)
        fileName = file.description
        baseName = file.base
    }

    /// Parses many messages on all cores (bulk import is CPU-bound in MIME parsing).
    static func parseConcurrently(_ messages: [ImportMessage]) -> [NewMessage] {
        nonisolated(unsafe) var rows = [NewMessage?](repeating: nil, count: messages.count)
        rows.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: messages.count) { i in
                let m = messages[i]
                out[i] = NewMessage(parsing: m.bytes, flags: m.flags, internalDate: m.internalDate, uid: m.uid)
            }
        }
        return rows.map { $0! }
    }
}

extension UserStore {
    /// The decoded body text of a message file, for the index's catch-up indexer and for
    /// searches over messages it has not reached (the index's ``BodyTextSource``).
    static func bodyText(maildir: Maildir, mailbox: MailboxName, fileName: String) -> String? {
        let folder = maildir.folder(mailbox)
        guard let bytes = try? folder.read(folder.entry(named: fileName, modificationDate: Date())) else { return nil }
        return ParsedMessage(parsing: LineEndings.crlf(bytes)).bodyText
    }
}

extension MaildirFolder {
    /// The entry for a file name the index recorded. Files with flags live in cur/, others in
    /// new/; `read` and `setFlags` find a file that another program moved by its base name.
    func entry(named fileName: String, modificationDate: Date) -> MaildirEntry {
        let file = MaildirFileName(parsing: fileName)
            ?? MaildirFileName(base: fileName, size: nil, virtualSize: nil, extraFields: [], flagLetters: "", hasInfo: false)
        return MaildirEntry(fileName: file, isNew: !file.hasInfo, path: "\(path)/\(file.hasInfo ? "cur" : "new")/\(fileName)",
                            modificationDate: modificationDate)
    }
}
