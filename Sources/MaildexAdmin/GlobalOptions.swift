import ArgumentParser
import Foundation
import MaildexConfig
import MaildexStore

/// Where the data directory is: the options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: [.customShort("c"), .long], help: "The maildexd configuration file (its state_dir is the data directory).")
    var config: String?

    @Option(help: "The data directory (global.sqlite, users/).")
    var data: String?

    @Flag(help: "Use the development defaults of `maildexd --dev` (./.maildex-dev).")
    var dev = false

    static let defaultConfig = "/etc/maildex/maildex.conf"
    static let defaultDataDirectory = "/var/lib/maildex"
    static let devDataDirectory = ".maildex-dev"

    /// The data directory the options name.
    func dataDirectory() throws -> String {
        if let data { return data }
        if dev { return Self.devDataDirectory }
        return try loadConfig()?.value("state_dir") ?? Self.defaultDataDirectory
    }

    /// The parsed configuration file: --config, else /etc/maildex/maildex.conf when it exists;
    /// nil with --data or --dev (embedded defaults) or when there is no file.
    func loadConfig() throws -> ConfigBlock? {
        if config == nil && (data != nil || dev) { return nil }
        let path = config ?? (FileManager.default.fileExists(atPath: Self.defaultConfig) ? Self.defaultConfig : nil)
        guard let path else { return nil }
        do { return try ConfigParser.parse(file: path) } catch { throw AdminError("\(error)") }
    }

    /// Opens the store of the data directory.
    func openStore() throws -> MailStore {
        try MailStore(configuration: StoreConfiguration(dataDirectory: dataDirectory()))
    }
}
