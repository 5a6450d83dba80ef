import Glibc
public import MaildexCore
public import Foundation

/// One message read from an mbox file.
///
/// The bytes are the message as Dovecot's mbox storage presents it to `doveadm import`:
/// without the From_ line, with mboxrd `>From ` unquoting, and without the mbox bookkeeping
/// headers Dovecot hides (`Content-Length`, `Status`, `X-IMAP`, `X-IMAPbase`, `X-Keywords`,
/// `X-Status`, `X-UID`; Dovecot's `mbox_hide_headers`). What those headers said is in ``flags``.
public struct MboxMessage: Sendable {
    /// The message without its From_ line, with one `>` removed from lines matching `^>+From `.
    public var bytes: [UInt8]
    /// The 1-based line number of its From_ line.
    public var line: Int
    /// The address on the From_ line (`MAILER-DAEMON`, `<>`…), or nil when it has none.
    public var envelopeSender: String?
    /// The date on the From_ line, read as UTC unless it names a numeric zone; the internal date.
    public var date: Date?
    /// From `Status:` (`R` \Seen; `O` ignored), `X-Status:` (`A` \Answered, `F` \Flagged,
    /// `T` \Draft, `D` \Deleted) and `X-Keywords:` (space-separated keywords).
    public var flags: Set<Flag>

    public init(bytes: [UInt8], line: Int, envelopeSender: String? = nil, date: Date? = nil, flags: Set<Flag> = []) {
        self.bytes = bytes
        self.line = line
        self.envelopeSender = envelopeSender
        self.date = date
        self.flags = flags
    }
}

/// Something wrong in an mbox file that did not stop the import, with its line.
public struct MboxProblem: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line where the problem is (a message's From_ line for message problems).
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}

/// An mbox file that could not be opened, read or written.
public typealias MboxError = SystemCallError
