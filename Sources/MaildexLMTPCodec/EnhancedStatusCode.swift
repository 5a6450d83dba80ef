/// An enhanced mail system status code, `class.subject.detail` (RFC 3463), as ENHANCEDSTATUSCODES
/// puts it in front of the text of 2xx, 4xx and 5xx replies (RFC 2034 §3).
///
/// ```
/// S: 250 2.1.5 OK
///        ^^^^^ class 2 (success), subject 1 (addressing), detail 5 (destination valid)
/// ```
public struct EnhancedStatusCode: Sendable, Hashable, CustomStringConvertible {
    /// 2 success, 4 persistent transient failure, 5 permanent failure.
    public var statusClass: Int
    /// 0 other, 1 addressing, 2 mailbox, 3 mail system, 4 network, 5 protocol, 6 content, 7 security.
    public var subject: Int
    public var detail: Int

    public init(_ statusClass: Int, _ subject: Int, _ detail: Int) {
        self.statusClass = statusClass
        self.subject = subject
        self.detail = detail
    }

    /// `2.1.5`.
    public var description: String { "\(statusClass).\(subject).\(detail)" }
}
