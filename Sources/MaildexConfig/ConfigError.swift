/// Why a configuration could not be parsed; parsing stops at the first error.
///
/// Its description names the file, the line when there is one, and the reason:
/// ```
/// maildex.conf:12: expected 'key = value', got 'ssl required'
/// maildex.conf: unexpected end of file: block 'passdb' opened at line 20 is not closed
/// ```
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offending line, or `nil` for errors about a whole file (unreadable, unexpected end).
    public var location: ConfigLocation?
    /// The file the error is in (the same as `location.file` when there is a location).
    public var file: String
    /// What is wrong, in words for an administrator.
    public var reason: String

    public init(location: ConfigLocation, reason: String) {
        self.location = location
        self.file = location.file
        self.reason = reason
    }

    public init(file: String, reason: String) {
        self.location = nil
        self.file = file
        self.reason = reason
    }

    public var description: String {
        if let location { return "\(location): \(reason)" }
        return "\(file): \(reason)"
    }
}

/// What a `readFile` function passed to ``ConfigParser/parse(text:file:baseDirectory:readFile:)`` throws when it
/// cannot read a file. `reason` appears in the parse error (`cannot read '</etc/x.pem': No such file or directory`);
/// `isMissing` lets `!include_try` skip files that do not exist. Any other error is reported by its description
/// and counts as not missing.
public struct ConfigReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var isMissing: Bool

    public init(path: String, reason: String, isMissing: Bool) {
        self.path = path
        self.reason = reason
        self.isMissing = isMissing
    }

    /// The failure for a file that does not exist (ENOENT).
    public static func missing(_ path: String) -> ConfigReadFailure {
        ConfigReadFailure(path: path, reason: "No such file or directory", isMissing: true)
    }

    public var description: String { "\(path): \(reason)" }
}
