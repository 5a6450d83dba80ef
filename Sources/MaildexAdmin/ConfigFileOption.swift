import ArgumentParser
import MaildexConfig

/// `-c/--config FILE` for the commands that read maildex.conf itself rather than the data directory.
struct ConfigFileOption: ParsableArguments {
    @Option(name: [.customShort("c"), .long], help: "The maildexd configuration file. (default: /etc/maildex/maildex.conf)")
    var config: String?

    /// The file to read: --config, else the default path.
    var path: String { config ?? GlobalOptions.defaultConfig }

    /// Parses the file with its includes and `<file` values; the error is the parser's `file:line: reason`.
    func load() throws -> ConfigBlock {
        do { return try ConfigParser.parse(file: path) } catch { throw AdminError("\(error)") }
    }
}
