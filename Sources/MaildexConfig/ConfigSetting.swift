/// One `key = value` line of a Dovecot-style configuration file, with its value fully resolved
/// (quotes removed, `$variables` expanded, `<file` contents read).
public struct ConfigSetting: Sendable, Equatable {
    public var key: String
    /// The value after unquoting and expansion. For `key = <path`, the file's content without its trailing newline.
    public var value: String
    public var location: ConfigLocation
    /// For `key = <path`: the resolved path the value was read from, so a renderer shows `<path`, never the content,
    /// and a reload can read the file again. `nil` for inline values.
    public var sourceFile: String?

    public init(key: String, value: String, location: ConfigLocation, sourceFile: String? = nil) {
        self.key = key
        self.value = value
        self.location = location
        self.sourceFile = sourceFile
    }
}
