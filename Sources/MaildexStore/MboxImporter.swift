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
    /// `shouldStop` is polled between batches (Ctrl-C). The next batch is read from the file while
    /// the store writes the previous one (and parsed); batches are stored in file order.
    public func run(into store: UserStore, progress: (Int, Int) -> Void = { _, _ in },
                    shouldStop: () -> Bool = { false }) async throws -> MboxImportReport {
        var reader = try MboxReader(path: path)
        var report = MboxImportReport()
        // Files left by an interrupted earlier run are indexed first, so that duplicates are seen.
        try await store.synchronize(mailbox)
        var storing: Task<ImportBatchResult, any Error>? = nil
        func finishStoring() async throws {
            guard let task = storing else { return }
            storing = nil
            let result = try await task.value
            report.imported += result.imported
            report.duplicates += result.duplicates
            progress(reader.bytesRead, report.imported)
        }
        var batch: [ImportMessage] = []
        var done = false
        do {
        while !done {
            if let message = try reader.next() {
                batch.append(ImportMessage(bytes: message.bytes, flags: message.flags, internalDate: message.date ?? .init()))
                if batch.count < batchSize { continue }
            } else {
                done = true
            }
            // Parsing this batch overlaps with the store writing the previous one.
            let next = PreparedMessage.prepare(batch)
            try await finishStoring()
            if shouldStop() { report.interrupted = true; break }
            if !next.isEmpty {
                let mailbox = mailbox, skipDuplicates = skipDuplicates
                storing = Task { try await store.importBatch(next, into: mailbox, skipDuplicates: skipDuplicates) }
                batch.removeAll(keepingCapacity: true)
            }
        }
        } catch {
            // A read error: the batch being stored still completes before the error is reported.
            _ = try? await storing?.value
            throw error
        }
        try await finishStoring()
        report.problems = reader.problems
        return report
    }
}
