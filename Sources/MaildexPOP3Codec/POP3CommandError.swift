/// A line that is not a valid POP3 command. Carries the command keyword (upper-cased, as far
/// as it could be read) so that a session can answer `-ERR` naming it and keep going.
public struct POP3CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// No such command (or an empty line).
        case unknownCommand
        /// A command this server refuses on purpose, such as APOP (it needs plaintext
        /// passwords on the server, RFC 1939 §7).
        case unsupportedCommand
        /// A required argument is missing.
        case missingArgument
        /// More arguments than the command takes.
        case unexpectedArgument(String)
        /// An argument that should be a number (a message number is 1 or more).
        case invalidNumber(String)
        /// An argument longer than the limit (RFC 2449 §4: 40 characters).
        case argumentTooLong(limit: Int)
        /// The line holds a NUL byte or is not UTF-8.
        case invalidText
    }

    /// The keyword, upper-cased; empty for an empty line.
    public var command: String
    public var reason: Reason

    public init(command: String, reason: Reason) {
        self.command = command
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .unknownCommand: command.isEmpty ? "empty command line" : "unknown command '\(command)'"
        case .unsupportedCommand: "\(command) is not supported"
        case .missingArgument: "\(command): missing argument"
        case .unexpectedArgument(let arg): "\(command): unexpected argument '\(arg)'"
        case .invalidNumber(let arg): "\(command): invalid number '\(arg)'"
        case .argumentTooLong(let limit): "\(command): argument longer than \(limit) characters"
        case .invalidText: "\(command): line contains NUL or is not UTF-8"
        }
    }
}
