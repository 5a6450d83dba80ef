/// A command that does not parse: answer `tag BAD message` (or `* BAD` without a tag).
///
/// ```
/// C: a1 FETCH 1 (BODY[X])
/// S: a1 BAD FETCH: unknown item BODY[X]
/// ```
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
