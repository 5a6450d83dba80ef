import Glibc

/// Message bytes as a POP3 multi-line block (RFC 1939 §3): CRLF line endings, every line that
/// starts with `.` byte-stuffed with another `.`, and the `.` CRLF terminator.
///
/// ```
/// stored:  "Subject: x\n\n.\n..dots\nlast"
/// sent:    "Subject: x\r\n\r\n..\r\n...dots\r\nlast\r\n.\r\n"
/// ```
///
/// Bare LF becomes CRLF (lone CR is left as it is), and a message without a final line
/// ending gets one. The octet count RFC 1939 asks for in LIST and RETR is the size with CRLF
/// line endings before stuffing: Dovecot's virtual size (`,W=`), which does not count the CRLF
/// added after a last line without one.
public enum POP3MultiLine {
    static let crlf: [UInt8] = [0x0D, 0x0A]
    static let dot: UInt8 = 0x2E
    static let terminator: [UInt8] = [0x2E, 0x0D, 0x0A]

    /// The whole message as a block, ready to follow a `+OK` line (RETR).
    public static func message(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        append(message: bytes, to: &out)
        return out
    }

    /// Appends the whole message as a block to `out` (RETR after its `+OK` line), a line at a
    /// time: a line is found with `memchr` and copied whole, so the cost is a copy of the
    /// message, not a loop over its bytes. Gives the same bytes as ``message(_:)``.
    public static func append(message bytes: [UInt8], to out: inout [UInt8]) {
        out.reserveCapacity(out.count + bytes.count + bytes.count / 32 + 8)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var start = 0
            while start < count {
                if base[start] == dot { out.append(dot) }
                guard let found = memchr(base + start, 0x0A, count - start) else {
                    // A last line without a line ending gets one.
                    out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start))
                    out += crlf
                    break
                }
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if end > start, base[end - 1] == 0x0D {
                    out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end + 1 - start))
                } else {
                    // A bare LF becomes CRLF.
                    out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
                    out += crlf
                }
                start = end + 1
            }
        }
        out += terminator
    }

    /// The header, the blank line and the first `bodyLines` lines of the body as a block (TOP).
    /// A message without a blank line is all header and is sent whole.
    public static func top(_ bytes: [UInt8], bodyLines: Int) -> [UInt8] {
        block(bytes, bodyLines: max(0, bodyLines))
    }

    /// One pass over the bytes: line ends to CRLF, stuffing, optional cut after `bodyLines`
    /// body lines, final CRLF, terminator (TOP; RETR takes the faster ``append(message:to:)``).
    static func block(_ bytes: [UInt8], bodyLines: Int?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 32 + 8)
        var atLineStart = true
        var inBody = false
        var lineIsEmpty = true
        var remaining = bodyLines ?? Int.max
        var previous: UInt8 = 0
        for byte in bytes {
            if atLineStart {
                if inBody && remaining == 0 { break }
                if byte == dot { out.append(dot) }
                atLineStart = false
                lineIsEmpty = true
            }
            if byte == 0x0A {
                if previous != 0x0D { out.append(0x0D) }
                out.append(0x0A)
                if inBody {
                    remaining -= 1
                } else if lineIsEmpty {
                    inBody = true
                }
                atLineStart = true
            } else {
                out.append(byte)
                if byte != 0x0D { lineIsEmpty = false }
            }
            previous = byte
        }
        if !atLineStart { out += crlf }
        return out + terminator
    }
}
