import Glibc

/// A file-system call on a Maildir that failed, with the path and the system error.
///
/// ```
/// rename /home/a/Maildir/tmp/1700000000.M1P2Q1.host -> /home/a/Maildir/new/1700000000.M1P2Q1.host,S=12,W=13: No space left on device
/// ```
public struct MaildirError: Error, Equatable, CustomStringConvertible {
    /// The path (or `from -> to` for a rename or link).
    public var path: String
    /// The operation that failed: `open`, `write`, `fsync`, `rename`, …
    public var operation: String
    /// The `errno` value.
    public var errno: Int32

    public init(path: String, operation: String, errno: Int32) {
        self.path = path
        self.operation = operation
        self.errno = errno
    }

    /// The system's text for ``errno``.
    public var reason: String { String(cString: strerror(errno)) }

    public var description: String { "\(operation) \(path): \(reason)" }
}

/// A malformed `dovecot-uidlist` file: the line number (1-based, the header is line 1) and why.
public struct DovecotUIDListError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "dovecot-uidlist line \(line): \(reason)" }
}
