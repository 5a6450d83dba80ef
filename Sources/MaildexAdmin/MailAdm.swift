public import ArgumentParser
import Foundation

/// `mailadm`, the administration command, as a library so that tests can run it in-process.
public struct MailAdm: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mailadm",
        abstract: "Administer a Maildex mail server: users, passwords, mailboxes, imports, the index.",
        discussion: """
            The data directory comes from --data DIR, --dev (./.maildex-dev, as `maildexd --dev` uses), \
            or --config FILE (its state_dir setting; default /etc/maildex/maildex.conf when it exists, \
            else /var/lib/maildex). Options go after the subcommand: `mailadm user list --dev`.
            """,
        subcommands: [StatusCommand.self, WhoCommand.self, KickCommand.self, UserCommand.self, PwCommand.self, AuthCommand.self, MailboxCommand.self, ImportCommand.self, IndexCommand.self,
                      CertCommand.self, ConfigCommand.self]
    )

    public init() {}

    /// Parses `arguments`, runs the command and returns the exit code, printing errors as
    /// `mailadm: <reason>` (exit 1); usage errors and --help go through ArgumentParser.
    public static func run(arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            if isArgumentParserError(error) {
                let code = exitCode(for: error).rawValue
                let message = fullMessage(for: error)
                if !message.isEmpty {
                    (code == 0 ? FileHandle.standardOutput : FileHandle.standardError).write(Data((message + "\n").utf8))
                }
                return code
            }
            FileHandle.standardError.write(Data("mailadm: \(error)\n".utf8))
            return 1
        }
    }
}

private func isArgumentParserError(_ error: any Error) -> Bool {
    error is CleanExit || error is ExitCode || error is ValidationError
        || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
}

/// An error shown to the admin as `mailadm: <message>`, exit status 1.
struct AdminError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
