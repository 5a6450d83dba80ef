import Foundation
import MaildexIMAPCodec
import MaildexMIME

/// The parts of a message that `BODY[section]` names (RFC 3501 §6.4.5), cut from its bytes
/// (with CRLF line endings, as IMAP counts them).
struct MessageSections {
    let bytes: [UInt8]
    private var parsed: ParsedMessage?

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
    /// with its folded lines as written, followed by the empty line (RFC 3501 §6.4.5).
    static func headerFields(_ header: ArraySlice<UInt8>, names: [String], not: Bool) -> [UInt8] {
        let wanted = Set(names.map { $0.lowercased() })
        var out: [UInt8] = []
        var fieldStart = header.startIndex
        var i = header.startIndex
        func flush(_ end: Int) {
            guard fieldStart < end else { return }
            let field = header[fieldStart..<end]
            guard let colon = field.firstIndex(of: UInt8(ascii: ":")) else { return }
            let name = String(decoding: field[fieldStart..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
            if wanted.contains(name) != not { out += field }
        }
        while i < header.endIndex {
            guard let lf = header[i...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let next = lf + 1
            let line = header[i..<next]
            if line.count <= 2, line.first == UInt8(ascii: "\r") || line.first == UInt8(ascii: "\n") { break }  // the empty line
            let continuation = line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t")
            if !continuation { flush(i); fieldStart = i }
            i = next
        }
        flush(i)
        return out + [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
    }
}
