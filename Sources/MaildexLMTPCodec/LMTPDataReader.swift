/// Collects the lines of a message after `DATA` up to the terminating `.` (RFC 5321 §4.5.2):
/// removes the stuffed dot, ends every line with CRLF (a bare LF from the client too), and
/// stops keeping bytes once the message is over the size limit while still reading to the end.
///
/// ```
/// C: ..a line that began with a dot      appends ".a line that began with a dot\r\n"
/// C: .                                   ends the message
/// ```
public struct LMTPDataReader: Sendable {
    /// The largest message kept, in bytes (CRLF counted).
    public let maximumSize: Int
    /// The message so far; emptied once ``exceedsMaximumSize`` is set.
    public private(set) var message: [UInt8] = []
    /// Bytes received (after un-stuffing, CRLF counted), also past the limit.
    public private(set) var size = 0
    /// Set once the message is bigger than ``maximumSize``.
    public private(set) var exceedsMaximumSize = false
    /// Set when the connection dropped a line that was too long: the message is incomplete.
    public private(set) var hasOverlongLine = false
    /// Set once the terminating `.` line was read.
    public private(set) var isComplete = false

    public init(maximumSize: Int) { self.maximumSize = maximumSize }

    /// Takes one line without its line ending. Returns true when it was the final `.`.
    @discardableResult
    public mutating func append(line: [UInt8]) -> Bool {
        guard !isComplete else { return true }
        var content = line[...]
        if content.first == UInt8(ascii: ".") {
            if content.count == 1 {
                isComplete = true
                return true
            }
            content = content.dropFirst()
        }
        size += content.count + 2
        if size > maximumSize {
            if !exceedsMaximumSize { message = [] }
            exceedsMaximumSize = true
        }
        if !exceedsMaximumSize && !hasOverlongLine {
            message.append(contentsOf: content)
            message.append(0x0D)
            message.append(0x0A)
        }
        return false
    }

    /// Notes a line the connection dropped for its length; the message will not be delivered.
    public mutating func noteOverlongLine() {
        hasOverlongLine = true
        message = []
    }
}
