import MaildexIMAPCodec
import MaildexMIME

/// The parts of a message that `BODY[section]` names (RFC 3501 §6.4.5), cut from its bytes
/// (with CRLF line endings, as IMAP counts them).
struct MessageSections {
    let bytes: [UInt8]
    var parsed: ParsedMessage?

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The bytes of a section; empty when the message has no such part (as Dovecot answers).
    mutating func extract(_ section: BodySection) -> ArraySlice<UInt8> {
        if section.part.isEmpty, section.text == nil { return bytes[...] }
        if parsed == nil { parsed = ParsedMessage(parsing: bytes) }
        guard let root = parsed?.root, let part = root.part(at: section.part) else { return [] }
        // HEADER and TEXT of a part number are those of the message/rfc822 it holds.
        let message = section.part.isEmpty ? part : part.message
        switch section.text {
        case nil:
            return bytes[clamped(part.bodyRange)]
        case .mime:
            return bytes[clamped(part.headerRange)]
        case .header:
            guard let message else { return [] }
            return bytes[clamped(message.headerRange)]
        case .text:
            guard let message else { return [] }
            return bytes[clamped(message.bodyRange)]
        case .headerFields(let names):
            guard let message else { return [] }
            return Self.headerFields(bytes[clamped(message.headerRange)], names: names, not: false)[...]
        case .headerFieldsNot(let names):
            guard let message else { return [] }
            return Self.headerFields(bytes[clamped(message.headerRange)], names: names, not: true)[...]
        }
    }

    private func clamped(_ range: Range<Int>) -> Range<Int> {
        max(0, min(range.lowerBound, bytes.count))..<max(0, min(range.upperBound, bytes.count))
    }

    /// The fields of a header block whose names are (or, with `not`, are not) in `names`, each
    /// with its folded lines as written, followed by the empty line (RFC 3501 §6.4.5). Names
    /// compare ASCII-case-insensitively, on bytes.
    static func headerFields(_ header: ArraySlice<UInt8>, names: [String], not: Bool) -> [UInt8] {
        let wanted = Set(names.map { Array($0.utf8).map(lowercased) })
        var out: [UInt8] = []
        var fieldStart = header.startIndex
        var i = header.startIndex
        func flush(_ end: Int) {
            guard fieldStart < end, let colon = header[fieldStart..<end].firstIndex(of: UInt8(ascii: ":")) else { return }
            var nameEnd = colon
            while nameEnd > fieldStart, header[nameEnd - 1] == UInt8(ascii: " ") || header[nameEnd - 1] == UInt8(ascii: "\t") { nameEnd -= 1 }
            if wanted.contains(header[fieldStart..<nameEnd].map(lowercased)) != not { out += header[fieldStart..<end] }
        }
        while i < header.endIndex {
            guard let lf = header[i...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let next = lf + 1
            let first = header[i]
            if first == UInt8(ascii: "\n") || (first == UInt8(ascii: "\r") && next - i == 2) { break }  // the empty line
            if first != UInt8(ascii: " ") && first != UInt8(ascii: "\t") { flush(i); fieldStart = i }
            i = next
        }
        flush(i)
        return out + [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
