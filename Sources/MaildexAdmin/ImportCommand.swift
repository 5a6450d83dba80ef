import ArgumentParser
import Foundation
import MaildexCore
import MaildexMbox
import MaildexStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import mail from an mbox file or an existing (Dovecot) Maildir.",
        subcommands: [Mbox.self, MaildirSource.self]
    )

    struct Mbox: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mbox",
            abstract: "Import a classic mbox file (From_ lines, >From quoting) into one mailbox.",
            discussion: """
                Messages are written in batches of 500, each made durable with one sync and one index \
                transaction. Ctrl-C stops after the current batch; run again with --skip-duplicates to \
                continue where it stopped.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The mbox file.") var path: String
        @Argument var user: String
        @Option(help: "Target mailbox (created if missing).") var mailbox = "INBOX"
        @ArgumentParser.Flag(help: "Skip messages already in the mailbox (same Message-ID and size).") var skipDuplicates = false
        @ArgumentParser.Flag(help: "Do not build the full-text index of the message bodies now (BODY/TEXT searches read the files until it is built).") var noIndexText = false

        func run() async throws {
            let store = try userStore(user, global)
            let target = try parseMailbox(mailbox)
            if (try? await store.open(target)) == nil { try await store.createMailbox(target) }
            let total = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let bar = ProgressBar(total: total)
            let stop = InterruptFlag.install()
            let started = Date()
            let importer = MboxImporter(path: path, mailbox: target, skipDuplicates: skipDuplicates)
            let report: MboxImportReport
            do {
                report = try await importer.run(into: store, progress: { bytes, count in
                    bar.update(bytes, detail: "\(count) messages")
                }, shouldStop: { stop.isSet })
            } catch {
                bar.finish()
                throw AdminError("import of \(path) failed: \(error)")
            }
            bar.finish()
            let seconds = Date().timeIntervalSince(started)
            var line = "imported \(report.imported) messages into \(user)/\(target) in \(String(format: "%.1f", seconds)) s"
            if seconds > 0, report.imported > 0 { line += String(format: " (%.0f msgs/s)", Double(report.imported) / seconds) }
            if report.duplicates > 0 { line += ", skipped \(report.duplicates) duplicates" }
            print(line)
            for problem in report.problems { print("\(path):\(problem.line): \(problem.reason)") }
            if !report.interrupted && !noIndexText { try await indexText(store, expected: report.imported) }
            if report.interrupted {
                print("interrupted: every imported message is stored; run again with --skip-duplicates to continue")
                throw ExitCode(130)
            }
            if !report.problems.isEmpty { throw ExitCode(2) }
        }
    }

    struct MaildirSource: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "maildir",
            abstract: "Import an existing Maildir (e.g. ~/Maildir of Dovecot) with its folders, flags and keywords.",
            discussion: "UIDVALIDITY and UIDs come from dovecot-uidlist when the target mailbox is still empty, so clients do not download again."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The Maildir root (the directory with cur/ new/ tmp/).") var path: String
        @Argument var user: String
        @ArgumentParser.Flag(help: "Skip messages already in the mailbox (same Message-ID and size).") var skipDuplicates = false
        @ArgumentParser.Flag(help: "Do not build the full-text index of the message bodies now (BODY/TEXT searches read the files until it is built).") var noIndexText = false

        func run() async throws {
            let store = try userStore(user, global)
            let bar = ProgressBar(total: 0)
            let report = try await MaildirImporter(source: path, skipDuplicates: skipDuplicates).run(into: store) { name, count in
                bar.update(0, detail: "\(name): \(count) messages")
            }
            bar.finish()
            for folder in report.folders {
                var line = "\(folder.name): imported \(folder.imported)"
                if folder.duplicates > 0 { line += ", skipped \(folder.duplicates) duplicates" }
                if folder.keptUIDs { line += ", UIDVALIDITY and UIDs kept" }
                if let note = folder.note { line += " (\(note))" }
                print(line)
            }
            for path in report.unreadable { print("could not read \(path)") }
            if !noIndexText { try await indexText(store, expected: report.folders.reduce(0) { $0 + $1.imported }) }
            if !report.unreadable.isEmpty { throw ExitCode(2) }
        }
    }
}

/// Runs the catch-up full-text indexer to the end, so that BODY/TEXT searches are fast at once.
/// (They are complete before it has run too, only slower.)
func indexText(_ store: UserStore, expected: Int) async throws {
    guard expected > 0 else { return }
    let bar = ProgressBar(total: expected)
    while try await store.indexPendingHeaders(limit: 10_000) > 0 {}
    var done = 0
    while case let n = try await store.indexPendingBodies(limit: 1_000), n > 0 {
        done += n
        bar.update(done, detail: "indexing text for search: \(done) messages")
    }
    bar.finish()
}

/// Set by SIGINT so that a long import can stop between batches.
final class InterruptFlag: Sendable {
    private static let flag = Atomic<Bool>(false)
    var isSet: Bool { Self.flag.load(ordering: .relaxed) }

    static func install() -> InterruptFlag {
        signal(SIGINT) { _ in InterruptFlag.flag.store(true, ordering: .relaxed) }
        return InterruptFlag()
    }
}
