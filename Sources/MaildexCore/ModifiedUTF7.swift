/// Modified UTF-7, the mailbox-name encoding of IMAP4rev1 (RFC 3501 §5.1.3), which Dovecot
/// also uses for Maildir++ folder names on disk.
///
/// Printable US-ASCII except `&` stands for itself; `&` is written `&-`; any other run of
/// characters is UTF-16, base64-encoded with `,` instead of `/` and no padding, between `&` and `-`.
public enum ModifiedUTF7 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)

    /// Encodes a Unicode string.
    public static func encode(_ string: String) -> String {
        var out = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var bytes: [UInt8] = []
            for unit in pending { bytes.append(UInt8(unit >> 8)); bytes.append(UInt8(unit & 0xFF)) }
            out.append("&")
            var i = 0
            while i < bytes.count {
                let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
                let n = min(3, bytes.count - i)
                let chars = [b0 >> 2, ((b0 & 0x03) << 4) | (b1 >> 4), ((b1 & 0x0F) << 2) | (b2 >> 6), b2 & 0x3F]
                for c in chars.prefix(n + 1) { out.unicodeScalars.append(Unicode.Scalar(alphabet[Int(c)])) }
                i += 3
            }
            out.append("-")
            pending.removeAll()
        }
        for scalar in string.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                out.append(scalar == "&" ? "&-" : String(scalar))
            } else {
                pending.append(contentsOf: String(scalar).utf16)
            }
        }
        flush()
        return out
    }

    /// Decodes modified UTF-7; throws ``InvalidModifiedUTF7`` on malformed input
    /// (unterminated shift, bad base64, an encoded printable character, bad UTF-16).
    public static func decode(_ string: String) throws(InvalidModifiedUTF7) -> String {
        var out = String.UnicodeScalarView()
        let bytes = Array(string.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            guard byte >= 0x20 && byte <= 0x7E else { throw InvalidModifiedUTF7(input: string) }
            if byte != UInt8(ascii: "&") {
                out.append(Unicode.Scalar(byte))
                i += 1
                continue
            }
            guard let end = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "-")) else { throw InvalidModifiedUTF7(input: string) }
            if end == i + 1 {
                out.append("&")
                i = end + 1
                continue
            }
            var bits: UInt32 = 0, bitCount = 0
            var units: [UInt16] = []
            var pendingByte: UInt8? = nil
            for c in bytes[(i + 1)..<end] {
                guard let v = alphabet.firstIndex(of: c) else { throw InvalidModifiedUTF7(input: string) }
                bits = (bits << 6) | UInt32(v)
                bitCount += 6
                if bitCount >= 8 {
                    bitCount -= 8
                    let b = UInt8((bits >> UInt32(bitCount)) & 0xFF)
                    if let high = pendingByte { units.append(UInt16(high) << 8 | UInt16(b)); pendingByte = nil } else { pendingByte = b }
                }
            }
            guard pendingByte == nil, bits & ((1 << UInt32(bitCount)) - 1) == 0 else { throw InvalidModifiedUTF7(input: string) }
            var decoded = String.UnicodeScalarView()
            var iterator = units.makeIterator()
            var utf16 = UTF16()
            decoding: while true {
                switch utf16.decode(&iterator) {
                case .scalarValue(let s):
                    // Printable ASCII must not be base64-encoded (RFC 3501 §5.1.3).
                    if s.value >= 0x20 && s.value <= 0x7E { throw InvalidModifiedUTF7(input: string) }
                    decoded.append(s)
                case .emptyInput: break decoding
                case .error: throw InvalidModifiedUTF7(input: string)
                }
            }
            out.append(contentsOf: decoded)
            i = end + 1
        }
        return String(out)
    }
}

/// A string that is not valid modified UTF-7.
public struct InvalidModifiedUTF7: Error, Equatable, CustomStringConvertible {
    public var input: String
    public var description: String { "invalid modified UTF-7 mailbox name '\(input)'" }
}
