/// Parses the bytes of one ``IMAPFrame/command(_:)`` into an ``IMAPCommand`` (RFC 3501 §9).
///
/// Placeholder of the contract; implemented on the codec branch.
public enum IMAPCommandParser {
    public static func parse(_ bytes: [UInt8]) throws(IMAPParseError) -> IMAPCommand {
        throw IMAPParseError(tag: nil, message: "not implemented")
    }
}

/// A command that does not parse: answer `tag BAD message` (or `* BAD` without a tag).
public struct IMAPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The tag, when the bytes began with a valid one.
    public var tag: String?
    /// What is wrong, for the BAD response text (`unknown command FOO`, `missing mailbox name`).
    public var message: String
    public init(tag: String?, message: String) {
        self.tag = tag
        self.message = message
    }
    public var description: String { message }
}
