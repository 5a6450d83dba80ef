import ArgumentParser
import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore

struct MailboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailbox",
        abstract: "Create, list, inspect and delete a user's mailboxes (names use '/' between levels).",
        subcommands: [Create.self, List.self, Status.self, Delete.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a mailbox, e.g. `mailbox create alice Archive/2024`.")
        @OptionGroup var global: GlobalOptions
        @Argument var user: String
        @Argument var mailbox: String
        @ArgumentParser.Flag(help: "Also subscribe to it.") var subscribe = false

        func run() async throws {
            let store = try userStore(user, global)
            let name = try parseMailbox(mailbox)
            try await store.createMailbox(name)
            if subscribe { try await store.setSubscribed(name, true) }
            print("created \(name)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a user's mailboxes with message counts.")
        @OptionGroup var global: GlobalOptions
        @Argument var user: String
        @ArgumentParser.Flag(help: "JSON output.") var json = false

        func run() async throws {
            let summaries = try await mailboxSummaries(try userStore(user, global))
            if json { return try Output.json(summaries) }
            Output.table(["MAILBOX", "MESSAGES", "UNSEEN", "SIZE", "SPECIAL-USE"], summaries.map {
                [$0.name, String($0.messages), String($0.unseen), Output.bytes($0.size), $0.specialUse ?? ""]
            })
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ and counts of one mailbox.")
        @OptionGroup var global: GlobalOptions
        @Argument var user: String
        @Argument var mailbox: String
        @ArgumentParser.Flag(help: "JSON output.") var json = false

        func run() async throws {
            let store = try userStore(user, global)
            let status = try await store.status(try parseMailbox(mailbox))
            let summary = StatusSummary(mailbox: try parseMailbox(mailbox).rawValue, status)
            if json { return try Output.json(summary) }
            print("mailbox:        \(summary.mailbox)")
            print("messages:       \(summary.messages)")
            print("unseen:         \(summary.unseen)")
            print("deleted:        \(summary.deleted)")
            print("size:           \(Output.bytes(summary.size))")
            print("uidvalidity:    \(summary.uidValidity)")
            print("uidnext:        \(summary.uidNext)")
            print("highestmodseq:  \(summary.highestModSeq)")
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a mailbox and its messages (not its children).")
        @OptionGroup var global: GlobalOptions
        @Argument var user: String
        @Argument var mailbox: String

        func run() async throws {
            let store = try userStore(user, global)
            let name = try parseMailbox(mailbox)
            try await store.deleteMailbox(name)
            print("deleted \(name)")
        }
    }
}

struct MailboxSummary: Encodable {
    var name: String
    var messages: Int
    var unseen: Int
    var size: Int64
    var specialUse: String?
    var subscribed: Bool
}

struct StatusSummary: Encodable {
    var mailbox: String
    var messages: Int
    var unseen: Int
    var deleted: Int
    var size: Int64
    var uidValidity: UInt32
    var uidNext: UInt32
    var highestModSeq: UInt64

    init(mailbox: String, _ s: MailboxStatus) {
        self.mailbox = mailbox
        messages = s.messages
        unseen = s.unseen
        deleted = s.deleted
        size = s.size
        uidValidity = s.uidValidity.rawValue
        uidNext = s.uidNext.rawValue
        highestModSeq = s.highestModSeq.rawValue
    }
}

func mailboxSummaries(_ store: UserStore) async throws -> [MailboxSummary] {
    var out: [MailboxSummary] = []
    for info in try await store.mailboxes() where info.selectable {
        let status = try await store.status(info.name)
        out.append(MailboxSummary(name: info.name.rawValue, messages: status.messages, unseen: status.unseen,
                                  size: status.size, specialUse: info.specialUse, subscribed: info.subscribed))
    }
    return out
}

func parseMailbox(_ name: String) throws -> MailboxName {
    do { return try MailboxName(name) } catch { throw AdminError("\(error)") }
}

func userStore(_ user: String, _ global: GlobalOptions) throws -> UserStore {
    let store = try global.openStore()
    do {
        return try store.userStore(for: lookUp(user, in: store))
    } catch let error as CorruptDatabase {
        throw AdminError("\(error); `mailadm index rebuild \(user)` builds a new index from the Maildir")
    }
}
