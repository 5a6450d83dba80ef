/// RFC 2047 encoded words (`=?charset?Q|B?text?=`) in header text.
public enum EncodedWord {
    /// `text` with every encoded word decoded.
    ///
    /// Whitespace between adjacent encoded words is dropped (RFC 2047 §6.2), and adjacent words of one charset are
    /// decoded together, so a multibyte character split across two words survives. Malformed words and words in an
    /// unknown charset are left as written. Also accepts words glued to surrounding text, as many mailers write them.
    ///
    ///     EncodedWord.decode("=?ISO-8859-1?Q?Andr=E9?= Pirard")  // "André Pirard"
    public static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        // Compared as bytes: String.contains(String) cost more than the rest for a plain name.
        guard bytes.count >= 8, zip(bytes, bytes.dropFirst()).contains(where: { $0 == UInt8(ascii: "=") && $1 == UInt8(ascii: "?") })
        else { return text }
        var output = ""
        var literalStart = 0
        var pending: (charset: String, bytes: [UInt8])?
        var lastWasWord = false
        var index = 0

        func flushPending() {
            guard let run = pending else { return }
            output += Charset.decode(run.bytes, charset: run.charset) ?? Charset.utf8OrLatin1(run.bytes)
            pending = nil
        }

        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?"),
                  let word = parseWord(bytes, at: index)
            else {
                index += 1
                continue
            }
            let between = bytes[literalStart..<index]
            let onlySpace = between.allSatisfy(\.isWhitespace)
            if !(lastWasWord && onlySpace) {
                flushPending()
                output += String(decoding: between, as: UTF8.self)
            }
            if let run = pending, Charset.normalizedName(run.charset) != Charset.normalizedName(word.charset) {
                flushPending()
            }
            if Charset.decode([], charset: word.charset) == nil {
                // Unknown charset: keep the word as written.
                flushPending()
                output += String(decoding: bytes[index..<word.end], as: UTF8.self)
            } else {
                pending = (word.charset, (pending?.bytes ?? []) + word.bytes)
            }
            lastWasWord = true
            index = word.end
            literalStart = index
        }
        flushPending()
        output += String(decoding: bytes[literalStart...], as: UTF8.self)
        return output
    }

    /// encoded-word = "=?" charset "?" encoding "?" encoded-text "?="
    private static func parseWord(_ bytes: [UInt8], at start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?") {
            if bytes[index].isWhitespace || index - charsetStart > 64 { return nil }
            index += 1
        }
        guard index + 2 < bytes.count, index > charsetStart, bytes[index + 2] == UInt8(ascii: "?") else { return nil }
        let charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        let encoding = bytes[index + 1] | 0x20
        guard encoding == UInt8(ascii: "q") || encoding == UInt8(ascii: "b") else { return nil }
        let textStart = index + 3
        var textEnd = textStart
        while textEnd + 1 < bytes.count, !(bytes[textEnd] == UInt8(ascii: "?") && bytes[textEnd + 1] == UInt8(ascii: "=")) {
            if bytes[textEnd].isWhitespace { return nil }
            textEnd += 1
        }
        guard textEnd + 1 < bytes.count else { return nil }
        let text = bytes[textStart..<textEnd]
        let decoded = encoding == UInt8(ascii: "b")
            ? TransferEncoding.base64(text)
            : TransferEncoding.quotedPrintable(text, underscoreIsSpace: true)
        return (charset, decoded, textEnd + 2)
    }
}
