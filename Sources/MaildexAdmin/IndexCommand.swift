import ArgumentParser
import Foundation
import MaildexStore

struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Check and repair a user's index against their Maildir.",
        subcommands: [Verify.self, Rebuild.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Report drift between the index and the Maildir (exit 3 when there is some).")
        @OptionGroup var global: GlobalOptions
        @Argument var user: String
        @Flag(help: "JSON output.") var json = false

        func run() async throws {
            let drift = try await userStore(user, global).verify()
            if json { try Output.json(drift.map(\.description)) } else {
                drift.forEach { print($0) }
                print(drift.isEmpty ? "\(user): index and Maildir agree" : "\(user): \(drift.count) differences; `mailadm index rebuild \(user)` repairs them")
            }
            if !drift.isEmpty { throw ExitCode(3) }
        }
    }

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Repair the index from the Maildir, keeping the UIDs of known messages.")
        @OptionGroup var global: GlobalOptions
        @Argument var user: String

        func run() async throws {
            let mailStore = try global.openStore()
            let (store, movedAside) = try mailStore.userStoreRecoveringIndex(for: lookUp(user, in: mailStore))
            if let movedAside { print("the index was damaged: moved it to \(movedAside) and built a new one from the Maildir") }
            let repaired = try await store.rebuild()
            try await indexText(store, expected: repaired.count)
            repaired.forEach { print("repaired: \($0)") }
            print("\(user): index rebuilt, \(repaired.count) differences repaired")
        }
    }
}
