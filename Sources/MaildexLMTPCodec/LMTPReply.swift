/// A reply to an LMTP client: a three-digit code, an optional enhanced status code, and one or
/// more lines of text (RFC 5321 §4.2, RFC 2034 §3).
///
/// ```
/// S: 250-mail.example.com
/// S: 250-PIPELINING
/// S: 250 SIZE 52428800
/// S: 550 5.1.1 <nobody@example.com> User doesn't exist
/// ```
public struct LMTPReply: Sendable, Hashable, CustomStringConvertible {
    /// The reply code, `220`…`554`.
    public var code: Int
    /// The enhanced status code written in front of every line, or nil (greeting, LHLO, 354).
    public var status: EnhancedStatusCode?
    /// The text lines; never empty when encoded (an empty list is sent as one empty text).
    public var lines: [String]

    public init(code: Int, status: EnhancedStatusCode? = nil, lines: [String]) {
        self.code = code
        self.status = status
        self.lines = lines
    }

    /// A one-line reply: `LMTPReply(250, .init(2, 1, 5), "OK")` is `250 2.1.5 OK`.
    public init(_ code: Int, _ status: EnhancedStatusCode?, _ text: String) {
        self.init(code: code, status: status, lines: [text])
    }

    /// Whether the code is 2xx.
    public var isPositive: Bool { (200..<300).contains(code) }

    /// The reply as it is written, lines separated by `\r\n` without the last one.
    public var description: String { encodedLines.joined(separator: "\r\n") }

    /// Every line as sent, without CRLF: `250-` on all but the last line, `250 ` on the last.
    public var encodedLines: [String] {
        let texts = lines.isEmpty ? [""] : lines
        return texts.enumerated().map { index, text in
            let separator = index == texts.count - 1 ? " " : "-"
            let prefix = status.map { "\($0) " } ?? ""
            return "\(code)\(separator)\(prefix)\(Self.sanitized(text))"
        }
    }

    // MARK: - Encoding

    /// The bytes on the wire, each line ending in CRLF.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        for line in encodedLines {
            bytes += Array(line.utf8)
            bytes += [0x0D, 0x0A]
        }
        return bytes
    }

    /// Control characters in a text (an address echoed back) would break the framing.
    private static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}
