/// Line-ending arithmetic for messages stored with bare LF (Maildir files written by other MDAs).
///
/// IMAP (RFC 3501 §2.3.4) and POP3 (RFC 1939) count message sizes with CRLF line endings; Dovecot records this
/// "virtual size" as the `,W=` field of a Maildir file name.
public enum LineEndings {
    /// `bytes` with every bare LF replaced by CRLF; existing CRLF pairs and lone CRs are left as they are.
    public static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 32)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == .lf && previous != .cr { out.append(.cr) }
            out.append(byte)
            previous = byte
        }
        return out
    }
}

extension UInt8 {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let quote: UInt8 = 0x22
    static let backslash: UInt8 = 0x5C
    static let openParenthesis: UInt8 = 0x28
    static let closeParenthesis: UInt8 = 0x29

    var isWhitespace: Bool { self == .space || self == .tab || self == .cr || self == .lf }
    var isLineWhitespace: Bool { self == .space || self == .tab }
}
