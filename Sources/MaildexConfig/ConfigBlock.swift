/// A section of a Dovecot-style configuration file, `type [name] { ... }`, or the whole file (type `""`).
///
/// ```
/// service imap-login {          // type "service", name "imap-login"
///   inet_listener imaps {       // type "inet_listener", name "imaps"
///     port = 993
///   }
/// }
/// ```
/// As in Dovecot, a named block that appears again at the same level (`namespace inbox { }` twice) is merged into
/// the first; unnamed blocks (`passdb { }` twice) stay separate.
public struct ConfigBlock: Sendable, Equatable {
    /// `""` for the top level; otherwise the first word of the section line (`passdb`, `service`, `protocol`, ...).
    public var type: String
    /// The optional second word: `imap-login` in `service imap-login {`.
    public var name: String?
    /// Where the block was opened (line 0 for the top level).
    public var location: ConfigLocation
    /// Settings in file order. Duplicates are kept; ``value(_:)`` returns the last one, as Dovecot does.
    public var settings: [ConfigSetting]
    /// Nested blocks in file order.
    public var blocks: [ConfigBlock]

    public init(
        type: String,
        name: String? = nil,
        location: ConfigLocation,
        settings: [ConfigSetting] = [],
        blocks: [ConfigBlock] = []
    ) {
        self.type = type
        self.name = name
        self.location = location
        self.settings = settings
        self.blocks = blocks
    }

    /// The value of the last setting of `key` directly in this block, or `nil` if it is not set here.
    public func value(_ key: String) -> String? { setting(key)?.value }

    /// The last setting of `key` directly in this block (a later duplicate overrides an earlier one).
    public func setting(_ key: String) -> ConfigSetting? { settings.last { $0.key == key } }

    /// The nested blocks of one type, in file order: `blocks("passdb")`.
    public func blocks(_ type: String) -> [ConfigBlock] { blocks.filter { $0.type == type } }

    /// The nested block of a type and name, e.g. `block("service", named: "imap-login")`.
    public func block(_ type: String, named name: String) -> ConfigBlock? {
        blocks.first { $0.type == type && $0.name == name }
    }
}
