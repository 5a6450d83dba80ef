/// Encoding of strings inside IMAP responses such as ENVELOPE and BODYSTRUCTURE (RFC 3501 §4.3, §9 `string`, `nstring`).
public enum IMAPString {
    /// `s` as an IMAP quoted string when it is 7-bit text without CR, LF or NUL (`"a \"b\" c\\d"`), otherwise as a
    /// literal `{n}\r\n<bytes>` where `n` is the UTF-8 byte count.
    public static func quotedOrLiteral(_ s: String) -> String {
        var quotable = true
        for byte in s.utf8 where byte == 0 || byte == .cr || byte == .lf || byte >= 0x80 {
            quotable = false
            break
        }
        guard quotable else { return "{\(s.utf8.count)}\r\n" + s }
        // Only ASCII is left here: the quoting works on bytes.
        var out: [UInt8] = [.quote]
        out.reserveCapacity(s.utf8.count + 2)
        for byte in s.utf8 {
            if byte == .quote || byte == .backslash { out.append(.backslash) }
            out.append(byte)
        }
        out.append(.quote)
        return String(decoding: out, as: UTF8.self)
    }

    /// `NIL` for an absent value, otherwise ``quotedOrLiteral(_:)`` (RFC 3501 `nstring`).
    public static func nstring(_ s: String?) -> String {
        guard let s else { return "NIL" }
        return quotedOrLiteral(s)
    }
}
