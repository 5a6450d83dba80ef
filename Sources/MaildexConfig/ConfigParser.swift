import Foundation

/// Parses Dovecot's configuration file format (Dovecot 2.3 "Config File Syntax") into a ``ConfigBlock`` tree.
///
/// ```
/// protocols = imap pop3 lmtp            # a comment
/// ssl_cert = </etc/maildex/tls/server.crt
/// mail_plugins = $mail_plugins quota
/// !include_try conf.d/*.conf
/// service imap-login {
///   inet_listener imaps {
///     port = 993
///   }
/// }
/// ```
/// Supported: `key = value` with `"..."`/`'...'` quoting (backslash escapes inside), comments (`#` at the start of
/// a word, outside quotes), trailing `\` line continuation (joined with one space), CRLF line ends, nested
/// `type [name] {` ... `}` blocks (each opened on its own line and closed in the same file), `key = <path` (the
/// file's content, trailing newline removed, relative to the including file), `!include` and `!include_try` with
/// globs (sorted; `include_try` skips missing files and empty globs), include cycle detection, and `$key` in
/// unquoted values (the last value of `key` in the enclosing blocks, innermost first) and `$ENV:NAME`.
///
/// Which keys exist is not checked here; see ``ConfigBlock/unknownKeys(allowed:allowedBlocks:)``.
/// Parsing stops at the first error, which names file, line and reason (``ConfigError``).
public enum ConfigParser {
    /// Reads and parses a configuration file, with its includes and `<file` values, from disk.
    ///
    /// Errors are located by `path` as given (`/etc/maildex/maildex.conf:12: ...`) and, for included files, by
    /// their path resolved against the including file's directory.
    public static func parse(file path: String) throws(ConfigError) -> ConfigBlock {
        let text: String
        do {
            text = try ConfigPath.readFile(path)
        } catch {
            throw ConfigError(file: path, reason: "cannot read file: \(readFailureReason(error))")
        }
        return try parse(
            text: text, display: path, identity: ConfigPath.normalize(path),
            directory: ConfigPath.directory(of: path), readFile: ConfigPath.readFile
        )
    }

    /// Parses configuration text. Includes and `<file` values are resolved against `baseDirectory` and read with
    /// `readFile` (injectable for tests; throw ``ConfigReadFailure`` from it so `!include_try` can tell a missing
    /// file from an unreadable one). Include globs are still expanded on disk.
    ///
    /// - Parameter file: the name used in error locations, e.g. `maildex.conf`.
    public static func parse(
        text: String,
        file: String = "<text>",
        baseDirectory: String = ".",
        readFile: (String) throws -> String = ConfigParser.readFromDisk
    ) throws(ConfigError) -> ConfigBlock {
        try parse(
            text: text, display: file, identity: ConfigPath.resolve(file, against: baseDirectory),
            directory: baseDirectory, readFile: readFile
        )
    }

    private static func parse(
        text: String,
        display: String,
        identity: String,
        directory: String,
        readFile: (String) throws -> String
    ) throws(ConfigError) -> ConfigBlock {
        let result: Result<ConfigBlock, ConfigError> = withoutActuallyEscaping(readFile) { readFile in
            var state = ConfigParserState(
                readFile: readFile,
                environment: ProcessInfo.processInfo.environment,
                root: ConfigBlock(type: "", location: ConfigLocation(file: display, line: 0))
            )
            do throws(ConfigError) {
                try state.parseFile(text: text, display: display, identity: identity, directory: directory)
                return .success(state.root)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The default `readFile`: the whole file as UTF-8 (invalid bytes become U+FFFD). Throws ``ConfigReadFailure``
    /// with the system's reason (`No such file or directory`, `Permission denied`, `Is a directory`).
    public static func readFromDisk(_ path: String) throws -> String {
        try ConfigPath.readFile(path)
    }

    static func readFailureReason(_ error: any Error) -> String {
        if let failure = error as? ConfigReadFailure { return failure.reason }
        return String(describing: error)
    }

    static func isMissingFile(_ error: any Error) -> Bool {
        (error as? ConfigReadFailure)?.isMissing ?? false
    }
}
