import Foundation
public import MaildexCore
public import MaildexMbox

/// What an mbox import did.
public struct MboxImportReport: Sendable {
    public var imported = 0
    public var duplicates = 0
    /// Lines the reader could not import, with the reason.
    public var problems: [MboxProblem] = []
    /// True when `shouldStop` ended the import early (every finished batch is kept).
    public var interrupted = false
}

/// Imports a classic mbox file into one mailbox, in durable batches (see ``UserStore/importBatch(_:into:skipDuplicates:)``).
public struct MboxImporter: Sendable {
    public var path: String
    public var mailbox: MailboxName
    public var skipDuplicates: Bool
    /// Messages per batch (one Maildir sync and one index transaction each). The default is 500.
    public var batchSize: Int

    public init(path: String, mailbox: MailboxName = .inbox, skipDuplicates: Bool = false, batchSize: Int = 500) {
        self.path = path
        self.mailbox = mailbox
        self.skipDuplicates = skipDuplicates
        self.batchSize = batchSize
    }

    /// Runs the import. `progress` gets (bytes read, messages imported so far) after each batch;
    /// `shouldStop` is polled between batches (Ctrl-C).
    public func run(into store: UserStore, progress: (Int, Int) -> Void = { _, _ in },
                    shouldStop: () -> Bool = { false }) async throws -> MboxImportReport {
        var reader = try MboxReader(path: path)
        var report = MboxImportReport()
        // Files left by an interrupted earlier run are indexed first, so that duplicates are seen.
        try await store.synchronize(mailbox)
        var batch: [ImportMessage] = []
        func flush() async throws {
            guard !batch.isEmpty else { return }
            let result = try await store.importBatch(batch, into: mailbox, skipDuplicates: skipDuplicates)
            report.imported += result.imported
            report.duplicates += result.duplicates
            batch.removeAll(keepingCapacity: true)
            progress(reader.bytesRead, report.imported)
        }
        while let message = try reader.next() {
            batch.append(ImportMessage(bytes: message.bytes, flags: message.flags, internalDate: message.date ?? .init()))
            if batch.count >= batchSize {
                try await flush()
                if shouldStop() { report.interrupted = true; break }
            }
        }
        try await flush()
        report.problems = reader.problems
        return report
    }
}
