/// Splits message bytes into a ``MIMEPart`` tree (RFC 2046 §5.1 multipart, §5.2 message/rfc822).
///
/// Tolerant by design: a missing close delimiter ends the last part at the end of its parent; a multipart without
/// boundary parameter or without any delimiter line is treated as one opaque body; nesting deeper than
/// ``maximumDepth`` is not descended into.
enum MIMEParser {
    /// The deepest nesting of multiparts and encapsulated messages that is parsed; deeper parts are opaque bodies.
    static let maximumDepth = 100

    static func parse(_ bytes: [UInt8]) -> MIMEPart {
        parsePart(bytes, in: 0..<bytes.count, defaultType: .default, depth: 0)
    }

    static func parsePart(_ bytes: [UInt8], in range: Range<Int>, defaultType: ContentType, depth: Int) -> MIMEPart {
        let (header, bodyStart) = MessageHeader.parse(bytes, in: range)
        let contentType = ContentType(parsing: header.first("Content-Type"), fallback: defaultType)
        var part = MIMEPart(
            header: header,
            headerRange: range.lowerBound..<bodyStart,
            bodyRange: bodyStart..<range.upperBound,
            contentType: contentType
        )
        guard depth < maximumDepth else { return part }
        if contentType.isMultipart, let boundary = contentType.parameter("boundary"), !boundary.isEmpty {
            let childDefault: ContentType = contentType.subtype == "digest" ? .digestDefault : .default
            part.parts = bodyRanges(bytes, in: part.bodyRange, boundary: Array(boundary.utf8)).map {
                parsePart(bytes, in: $0, defaultType: childDefault, depth: depth + 1)
            }
        } else if contentType.isEncapsulatedMessage, ["7bit", "8bit", "binary"].contains(part.contentTransferEncoding) {
            part.encapsulated = [parsePart(bytes, in: part.bodyRange, defaultType: .default, depth: depth + 1)]
        }
        return part
    }

    /// The byte ranges of the body parts between `--boundary` delimiter lines (RFC 2046 §5.1.1).
    ///
    /// dash-boundary = "--" boundary ; delimiter = CRLF dash-boundary ; close-delimiter = delimiter "--"
    /// The CRLF before a delimiter belongs to it; after the boundary only transport padding (whitespace) may follow.
    static func bodyRanges(_ bytes: [UInt8], in range: Range<Int>, boundary: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var partStart: Int?
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound && bytes[lineEnd] != .lf { lineEnd += 1 }
            let nextLine = min(lineEnd + 1, range.upperBound)
            if let kind = delimiterKind(bytes, from: lineStart, to: lineEnd, boundary: boundary) {
                if let start = partStart {
                    var end = lineStart
                    if end > start && bytes[end - 1] == .lf { end -= 1 }
                    if end > start && bytes[end - 1] == .cr { end -= 1 }
                    ranges.append(start..<max(start, end))
                }
                if kind == .close { return ranges }
                partStart = nextLine
            }
            lineStart = nextLine
        }
        if let start = partStart {
            ranges.append(start..<range.upperBound)  // no close delimiter: the part runs to the end
        }
        return ranges
    }

    enum DelimiterKind { case open, close }

    private static func delimiterKind(_ bytes: [UInt8], from start: Int, to end: Int, boundary: [UInt8]) -> DelimiterKind? {
        let length = boundary.count + 2
        guard end - start >= length, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: "-") else { return nil }
        for offset in 0..<boundary.count where bytes[start + 2 + offset] != boundary[offset] { return nil }
        var position = start + length
        var kind = DelimiterKind.open
        if position + 1 < end, bytes[position] == UInt8(ascii: "-"), bytes[position + 1] == UInt8(ascii: "-") {
            kind = .close
            position += 2
        }
        while position < end {
            guard bytes[position].isWhitespace else { return nil }
            position += 1
        }
        return kind
    }
}
