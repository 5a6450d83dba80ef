import MaildexCore

/// The header fields of a message or MIME part, in order (RFC 5322 §2.2, §3.6).
public struct MessageHeader: Sendable {
    /// Every field, in the order it appears.
    public var fields: [HeaderField]

    public init(fields: [HeaderField] = []) {
        self.fields = fields
    }

    /// The unfolded raw values of every field called `name` (case-insensitive), in order.
    public func values(_ name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// The unfolded raw value of the first field called `name` (case-insensitive), or nil.
    public func first(_ name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }

    /// Field names compared as RFC 5322 says, ignoring ASCII case, without lowercasing copies
    /// (a delivery asks for a dozen fields of a message with thirty).
    static func sameName(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in
            b.withUTF8 { b in a.count == b.count && zip(a, b).allSatisfy { $0.asciiLowercased == $1.asciiLowercased } }
        }
    }

    /// The first value of `name`, unfolded and with RFC 2047 encoded words decoded.
    public func decoded(_ name: String) -> String? {
        first(name).map(EncodedWord.decode)
    }
}

// MARK: - Parsing

extension MessageHeader {
    /// The header block at the start of `range`, ending with the first empty line (RFC 5322 §2.1).
    ///
    /// `end` is the offset just past the empty line (or `range.upperBound` when there is none): the body starts there.
    /// Lines without a colon, with an empty or non-printable field name, and an mbox `From ` line are skipped.
    static func parse(_ bytes: [UInt8], in range: Range<Int>) -> (header: MessageHeader, end: Int) {
        var fields: [HeaderField] = []
        var current: (name: String, value: [UInt8])?
        var position = range.lowerBound

        func finish() {
            if let field = current {
                let value = Charset.utf8OrLatin1(field.value).trimmingWhitespace()
                fields.append(HeaderField(name: field.name, value: value))
            }
            current = nil
        }

        while position < range.upperBound {
            var lineEnd = position
            while lineEnd < range.upperBound && bytes[lineEnd] != .lf { lineEnd += 1 }
            let next = lineEnd < range.upperBound ? lineEnd + 1 : lineEnd
            var contentEnd = lineEnd
            if contentEnd > position && bytes[contentEnd - 1] == .cr { contentEnd -= 1 }

            if contentEnd == position {
                finish()
                return (MessageHeader(fields: fields), next)
            }
            let first = bytes[position]
            if first.isLineWhitespace {
                // Folded continuation: unfolding removes only the line break (RFC 5322 §2.2.3).
                current?.value.append(contentsOf: bytes[position..<contentEnd])
            } else {
                finish()
                current = field(bytes[position..<contentEnd])
            }
            position = next
        }
        finish()
        return (MessageHeader(fields: fields), range.upperBound)
    }

    /// field = field-name ":" unstructured CRLF ; field-name = 1*ftext (printable US-ASCII except ":")
    private static func field(_ line: ArraySlice<UInt8>) -> (name: String, value: [UInt8])? {
        guard let colon = line.firstIndex(of: .colon) else { return nil }
        var nameEnd = colon
        while nameEnd > line.startIndex && line[nameEnd - 1].isLineWhitespace { nameEnd -= 1 }  // obs: "Subject :"
        let name = line[line.startIndex..<nameEnd]
        guard !name.isEmpty, name.allSatisfy({ $0 > 32 && $0 < 127 }) else { return nil }
        return (String(decoding: name, as: UTF8.self), Array(line[(colon + 1)...]))
    }
}
