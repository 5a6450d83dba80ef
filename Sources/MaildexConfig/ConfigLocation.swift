/// Where a configuration line came from: a file and a 1-based line number.
///
/// Its description is `file:line`, as in `maildex.conf:12`, the prefix of every parse error.
/// The top level of a file has line 0.
public struct ConfigLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the parser names it: the path given to ``ConfigParser/parse(file:)`` for the main file,
    /// the resolved path for an included one.
    public var file: String
    /// The 1-based line number; a line continued with `\` is reported at its first line.
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
