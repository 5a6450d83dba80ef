public import MaildexCore

/// A file-system call on a Maildir that failed, with the path and the system error:
/// `rename /home/a/Maildir/tmp/1700000000.M1P2Q1.host -> /home/a/Maildir/new/…: No space left on device`.
public typealias MaildirError = SystemCallError

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
