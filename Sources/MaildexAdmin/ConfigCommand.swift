import ArgumentParser
import Foundation
import MaildexConfig
import MaildexStore

/// `mailadm config check`, like `doveconf -n`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the configuration file.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse the configuration and print its settings as doveconf -n does, or the first error as file:line: reason.",
            discussion: """
                Besides the syntax, checks what maildexd checks at start-up: protocols, listeners and ports, \
                ssl settings and certificate files, auth mechanisms and passdb/userdb drivers. Warnings go to \
                standard error. Key and password values are hidden unless -P. Exits 1 on an error.
                """
        )
        @OptionGroup var configFile: ConfigFileOption
        @ArgumentParser.Flag(name: [.customShort("P"), .customLong("show-secrets")], help: "Show passwords and keys instead of hiding them.")
        var showSecrets = false

        func run() throws {
            let config = try configFile.load()
            let warnings = try Self.check(config)
            for warning in warnings { FileHandle.standardError.write(Data("mailadm: warning: \(warning)\n".utf8)) }
            print(ConfigRenderer.render(config, showSecrets: showSecrets), terminator: "")
        }

        /// Runs the daemon and auth mappings maildexd runs at start-up; returns their warnings.
        ///
        /// The auth mapping needs a `MailStore` for its `sql` drivers, which it only captures: it is
        /// given one in a temporary directory, removed afterwards, so that no state directory is created.
        static func check(_ config: ConfigBlock) throws -> [String] {
            let daemon: DaemonConfiguration
            do { daemon = try DaemonConfiguration(config: config) } catch { throw AdminError("\(error)") }
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mailadm-config-check-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let auth: AuthConfiguration
            do {
                let store = try MailStore(configuration: StoreConfiguration(dataDirectory: scratch))
                auth = try AuthConfiguration(config: config, store: store)
            } catch {
                throw AdminError("\(error)")
            }
            return daemon.warnings + auth.warnings
        }
    }
}
