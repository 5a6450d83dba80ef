import ArgumentParser
import Foundation
import MaildexAuth
import MaildexCore
import MaildexIndex
import MaildexStore

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list, show, change and delete users.",
        subcommands: [Add.self, List.self, Show.self, Passwd.self, SetQuota.self, Del.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user: prompts twice for the password and stores it as {SHA512-CRYPT}.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user name (e.g. alice or alice@example.com).") var name: String
        @ArgumentParser.Flag(help: "Read the password from standard input (one line).") var passwordStdin = false
        @Option(name: .shortAndLong, help: "Password scheme.") var scheme = "SHA512-CRYPT"
        @Option(help: "Home directory (default: <data>/users/<name>); mail goes to <home>/Maildir.") var home: String?

        func run() async throws {
            let user = try parseUsername(name)
            let store = try global.openStore()
            if try store.global.user(user) != nil { throw AdminError("user '\(user)' already exists") }
            let hash = try PasswordHash.generate(try PasswordInput.read(fromStdin: passwordStdin), scheme: scheme)
            let record = try await store.addUser(user, passwordHash: hash, home: home)
            print("added user \(user), mail in \(store.location(of: record).maildir)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var global: GlobalOptions
        @ArgumentParser.Flag(help: "JSON output.") var json = false

        func run() async throws {
            let store = try global.openStore()
            let users = try store.global.users()
            if json {
                try Output.json(users.map { UserSummary($0, store: store) })
            } else {
                Output.table(["USER", "SCHEME", "MAILDIR"], users.map {
                    [$0.username.rawValue, passwordScheme($0.passwordHash), store.location(of: $0).maildir]
                })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one user and their mailboxes.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @ArgumentParser.Flag(help: "JSON output.") var json = false

        func run() async throws {
            let store = try global.openStore()
            let record = try lookUp(name, in: store)
            let userStore = try store.userStore(for: record)
            let mailboxes = try await mailboxSummaries(userStore)
            let usage = try await userStore.quota().usage
            if json {
                try Output.json(UserDetail(user: UserSummary(record, store: store), mailboxes: mailboxes, usage: usage))
            } else {
                print("user:      \(record.username)")
                print("scheme:    \(passwordScheme(record.passwordHash))")
                print("maildir:   \(store.location(of: record).maildir)")
                print("created:   \(ISO8601DateFormatter().string(from: record.createdAt))")
                print("messages:  \(mailboxes.reduce(0) { $0 + $1.messages }) in \(mailboxes.count) mailboxes, \(Output.bytes(mailboxes.reduce(0) { $0 + $1.size }))")
                print("quota:     \(QuotaLine(limits: record.quotaLimits, usage: usage))")
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a user's password.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @ArgumentParser.Flag(help: "Read the password from standard input (one line).") var passwordStdin = false
        @Option(name: .shortAndLong, help: "Password scheme.") var scheme = "SHA512-CRYPT"

        func run() async throws {
            let store = try global.openStore()
            var record = try lookUp(name, in: store)
            record.passwordHash = try PasswordHash.generate(try PasswordInput.read(fromStdin: passwordStdin), scheme: scheme)
            try store.global.updateUser(record)
            print("password of \(record.username) changed")
        }
    }

    struct Del: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a user and, unless --keep-mail, their mail.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @ArgumentParser.Flag(help: "Keep the user's Maildir on disk.") var keepMail = false

        func run() async throws {
            let store = try global.openStore()
            let record = try lookUp(name, in: store)
            try store.deleteUser(record.username, keepMail: keepMail)
            print("deleted user \(record.username)" + (keepMail ? " (mail kept in \(store.location(of: record).maildir))" : ""))
        }
    }
}

struct UserSummary: Encodable {
    var user: String
    var scheme: String
    var maildir: String
    var created: Date
    var quotaBytes: Int64?
    var quotaMessages: Int64?

    init(_ record: UserRecord, store: MailStore) {
        user = record.username.rawValue
        scheme = passwordScheme(record.passwordHash)
        maildir = store.location(of: record).maildir
        created = record.createdAt
        quotaBytes = record.quotaBytes
        quotaMessages = record.quotaMessages
    }
}

struct UserDetail: Encodable {
    var user: UserSummary
    var mailboxes: [MailboxSummary]
    /// What counts against the quota: RFC822.SIZE bytes and messages over all mailboxes.
    var usage: QuotaUsage
}

/// The `{SCHEME}` of a stored hash, never the hash itself.
func passwordScheme(_ hash: String) -> String {
    guard hash.hasPrefix("{"), let end = hash.firstIndex(of: "}") else { return "?" }
    return String(hash[hash.index(after: hash.startIndex)..<end])
}

func parseUsername(_ name: String) throws -> Username {
    do { return try Username(name) } catch { throw AdminError("\(error)") }
}

/// The user's record; `mailadm: no such user 'bob'` otherwise.
func lookUp(_ name: String, in store: MailStore) throws -> UserRecord {
    let user = try parseUsername(name)
    guard let record = try store.global.user(user) else { throw AdminError("no such user '\(name)'") }
    return record
}
