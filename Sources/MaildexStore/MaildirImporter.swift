import Foundation
public import MaildexCore
import MaildexMaildir

/// What a Maildir import did, per mailbox.
public struct MaildirImportReport: Sendable {
    public struct Folder: Sendable {
        public var name: MailboxName
        public var imported = 0
        public var duplicates = 0
        /// Whether UIDVALIDITY and UIDs were taken over from `dovecot-uidlist`.
        public var keptUIDs = false
        public var note: String?
    }
    public var folders: [Folder] = []
    public var unreadable: [String] = []
}

/// Imports an existing (Dovecot) Maildir: every folder, with flags and keywords, and with
/// UIDVALIDITY and UIDs from `dovecot-uidlist` when the target mailbox is still empty, so that
/// IMAP clients keep their caches and POP3 clients their UIDLs.
public struct MaildirImporter: Sendable {
    public var source: String
    public var skipDuplicates: Bool
    public var batchSize: Int

    public init(source: String, skipDuplicates: Bool = false, batchSize: Int = 500) {
        self.source = source
        self.skipDuplicates = skipDuplicates
        self.batchSize = batchSize
    }

    public func run(into store: UserStore, progress: (MailboxName, Int) -> Void = { _, _ in }) async throws -> MaildirImportReport {
        let maildir = Maildir(root: source)
        guard FileManager.default.fileExists(atPath: source + "/cur") else {
            throw MailboxOperationRefused(name: .inbox, reason: "\(source) is not a Maildir (no cur/ directory)")
        }
        var report = MaildirImportReport()
        for name in try maildir.folderNames() {
            let folder = maildir.folder(name)
            var summary = MaildirImportReport.Folder(name: name)
            if (try? await store.open(name)) == nil { try await store.createMailbox(name) }
            let uidList = DovecotUIDList.load(from: folder.path)
            var uids: [String: UID] = [:]
            if let uidList {
                do {
                    try await store.adoptUIDValidity(uidList.uidValidity, for: name)
                    for r in uidList.records { uids[MaildirFileName(parsing: r.fileName)?.base ?? r.fileName] = r.uid }
                    summary.keptUIDs = true
                } catch {
                    summary.note = "\(error); messages get new UIDs"
                }
            }
            let keywords = try folder.keywords()
            let entries = try folder.scan().sorted { a, b in
                let x = uids[a.fileName.base]?.rawValue ?? UInt32.max, y = uids[b.fileName.base]?.rawValue ?? UInt32.max
                return (x, a.modificationDate, a.fileName.base) < (y, b.modificationDate, b.fileName.base)
            }
            var batch: [ImportMessage] = []
            for entry in entries {
                guard let bytes = try? folder.read(entry) else { report.unreadable.append(entry.path); continue }
                batch.append(ImportMessage(bytes: bytes, flags: entry.fileName.flags(keywords: keywords),
                                           internalDate: entry.modificationDate, uid: uids[entry.fileName.base]))
                if batch.count >= batchSize {
                    let r = try await store.importBatch(batch, into: name, skipDuplicates: skipDuplicates)
                    summary.imported += r.imported; summary.duplicates += r.duplicates
                    batch.removeAll()
                    progress(name, summary.imported)
                }
            }
            let r = try await store.importBatch(batch, into: name, skipDuplicates: skipDuplicates)
            summary.imported += r.imported; summary.duplicates += r.duplicates
            progress(name, summary.imported)
            if summary.keptUIDs, let uidList { try await store.raiseUIDNext(uidList.nextUID, for: name) }
            report.folders.append(summary)
        }
        return report
    }
}
