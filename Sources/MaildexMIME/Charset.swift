import Glibc

/// Conversion of text in a MIME charset (RFC 2045 §5.1, RFC 2047 §2, RFC 2231 §4) to Swift strings.
///
/// UTF-8, US-ASCII and ISO-8859-1 are decoded directly; every other charset goes through glibc's iconv, which
/// covers the charsets real mail uses (ISO-2022-JP, Shift_JIS, EUC-JP, GB2312/GBK, Big5, KOI8-R, Windows-125x …).
public enum Charset {
    /// `bytes` decoded from `charset` (an IANA name, case-insensitive, quotes and RFC 2231 `*lang` suffix ignored).
    ///
    /// Returns nil when the charset is unknown. Invalid byte sequences in a known charset become U+FFFD, so a
    /// broken message still yields as much text as possible.
    public static func decode(_ bytes: [UInt8], charset: String) -> String? {
        let name = normalizedName(charset)
        switch name {
        case "utf-8", "utf8":
            return String(decoding: bytes, as: UTF8.self)
        case "us-ascii", "ascii", "":
            // 8-bit bytes under a US-ASCII label are common; keep them readable rather than U+FFFD.
            return utf8OrLatin1(bytes)
        case "iso-8859-1", "latin1", "iso8859-1", "iso_8859-1", "l1":
            return latin1(bytes)
        default:
            return iconvDecode(bytes, from: iconvName(name))
        }
    }

    /// `bytes` as UTF-8 when they are valid UTF-8, otherwise as ISO-8859-1 (every byte a character), so 8-bit
    /// header text of unknown charset is never lost.
    static func utf8OrLatin1(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return latin1(bytes)
    }

    static func latin1(_ bytes: some Collection<UInt8>) -> String {
        var text = ""
        text.unicodeScalars.reserveCapacity(bytes.count)
        for byte in bytes { text.unicodeScalars.append(Unicode.Scalar(byte)) }
        return text
    }

    static func normalizedName(_ charset: String) -> String {
        var name = charset.trimmingWhitespace().lowercased()
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }  // RFC 2231 §5: charset*language
        return name
    }

    /// Names mail software writes that iconv spells differently (or supersets that decode more real mail).
    static func iconvName(_ name: String) -> String {
        switch name {
        case "shift-jis", "shift_jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis": return "SHIFT_JIS"
        case "windows-31j", "cp932", "ms932": return "CP932"
        case "iso-2022-jp", "csiso2022jp": return "ISO-2022-JP-2"  // superset: also decodes JIS X 0212, Latin
        case "gb2312", "euc-cn", "x-gbk", "gbk", "cp936": return "GBK"
        case "ks_c_5601-1987", "euc-kr", "ks_c_5601": return "CP949"
        case "x-mac-roman", "macintosh": return "MACINTOSH"
        default: return name.uppercased()
        }
    }

    static func iconvDecode(_ bytes: [UInt8], from source: String) -> String? {
        let descriptor = iconv_open("UTF-8", source)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        if bytes.isEmpty { return "" }

        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var chunk = [UInt8](repeating: 0, count: max(64, bytes.count * 3))
        var input = bytes
        input.withUnsafeMutableBufferPointer { inputBuffer in
            chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                guard let inputBase = inputBuffer.baseAddress, let chunkBase = chunkBuffer.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                while true {
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(chunkBase).assumingMemoryBound(to: CChar.self)
                    var outLeft = chunkBuffer.count
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    let produced = chunkBuffer.count - outLeft
                    output.append(contentsOf: UnsafeBufferPointer(start: chunkBase, count: produced))
                    if result != -1 {
                        // Flush any shift state (ISO-2022-JP ends in ASCII mode anyway).
                        var flushPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(chunkBase).assumingMemoryBound(to: CChar.self)
                        var flushLeft = chunkBuffer.count
                        _ = iconv(descriptor, nil, nil, &flushPointer, &flushLeft)
                        output.append(contentsOf: UnsafeBufferPointer(start: chunkBase, count: chunkBuffer.count - flushLeft))
                        return
                    }
                    switch errno {
                    case E2BIG:
                        continue
                    case EILSEQ where inLeft > 0:
                        // An invalid sequence: mark it and resynchronise one byte later.
                        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                        if inLeft == 0 { return }
                    case EINVAL:
                        // Truncated multibyte sequence at the end of the input.
                        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        return
                    default:
                        return
                    }
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isMIMEWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isMIMEWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}

extension Unicode.Scalar {
    var isMIMEWhitespace: Bool { self == " " || self == "\t" || self == "\r" || self == "\n" }
}
