/// A POP3 server response (RFC 1939 §3), encoded by ``encoded``.
///
/// ```
/// S: +OK 2 320                                  .ok("2 320")
/// S: -ERR [AUTH] Authentication failed.         .error(.auth, "Authentication failed.")
/// S: + VXNlcm5hbWU6                             .continuation("VXNlcm5hbWU6")
/// S: +OK 2 messages:                            .multiLine("2 messages:", ["1 120", "2 200"])
/// S: 1 120
/// S: 2 200
/// S: .
/// ```
///
/// Text never contains CR, LF or NUL: any that slip in are replaced by spaces, so that
/// echoed client input cannot forge a response line.
public enum POP3Response: Sendable, Equatable {
    /// `+OK text`; an empty text gives `+OK`.
    case ok(String)
    /// `-ERR [CODE] text` (RFC 2449 §8).
    case error(POP3ResponseCode?, String)
    /// `+ base64` in an AUTH exchange (RFC 5034 §4); an empty challenge gives `+ `.
    case continuation(String)
    /// `+OK text`, then lines (byte-stuffed) and the `.` terminator (RFC 1939 §3).
    case multiLine(String, [String])

    /// The response on the wire, CRLF-terminated.
    public var encoded: [UInt8] {
        var out: [UInt8] = []
        switch self {
        case .ok(let text):
            out += Self.statusLine("+OK", text)
        case .error(let code, let text):
            out += Self.statusLine("-ERR", code.map { "[\($0.rawValue)] \(text)" } ?? text)
        case .continuation(let text):
            out += Array("+ ".utf8) + Self.clean(text) + POP3MultiLine.crlf
        case .multiLine(let text, let lines):
            out += Self.statusLine("+OK", text)
            for line in lines {
                let bytes = Self.clean(line)
                if bytes.first == POP3MultiLine.dot { out.append(POP3MultiLine.dot) }
                out += bytes + POP3MultiLine.crlf
            }
            out += POP3MultiLine.terminator
        }
        return out
    }

    private static func statusLine(_ status: String, _ text: String) -> [UInt8] {
        var out = Array(status.utf8)
        if !text.isEmpty { out += [0x20] + clean(text) }
        return out + POP3MultiLine.crlf
    }

    private static func clean(_ text: String) -> [UInt8] {
        text.utf8.map { $0 == 0x0D || $0 == 0x0A || $0 == 0 ? 0x20 : $0 }
    }
}
