/// One node of a message's MIME tree (RFC 2045, RFC 2046), located by byte offsets into the message.
public struct MIMEPart: Sendable {
    public var header: MessageHeader
    /// Byte offsets of the header block in the original bytes, including the empty line that ends it.
    public var headerRange: Range<Int>
    /// Byte offsets of the body. For a part of a multipart, the line break before the next boundary is not included
    /// (RFC 2046 §5.1.1: it belongs to the delimiter).
    public var bodyRange: Range<Int>
    /// The media type: from Content-Type, or the RFC 2045/2046 default when it is missing or malformed.
    public var contentType: ContentType
    /// The children of a multipart, in order; empty for other types.
    public var parts: [MIMEPart]
    /// Boxes the encapsulated message so the tree can be recursive (an array is a heap box).
    var encapsulated: [MIMEPart]

    public init(
        header: MessageHeader, headerRange: Range<Int>, bodyRange: Range<Int>, contentType: ContentType,
        parts: [MIMEPart] = [], message: MIMEPart? = nil
    ) {
        self.header = header
        self.headerRange = headerRange
        self.bodyRange = bodyRange
        self.contentType = contentType
        self.parts = parts
        self.encapsulated = message.map { [$0] } ?? []
    }

    /// For message/rfc822 and message/global: the encapsulated message's top part. Nil otherwise, and for messages
    /// nested deeper than ``MIMEParser/maximumDepth``.
    public var message: MIMEPart? { encapsulated.first }

    /// The Content-Transfer-Encoding, lower-cased; `7bit` when absent (RFC 2045 §6.1).
    public var contentTransferEncoding: String {
        header.first("Content-Transfer-Encoding").map { HeaderParameters.stripComments($0).trimmingWhitespace().lowercased() }
            .flatMap { $0.isEmpty ? nil : $0 } ?? "7bit"
    }

    /// The Content-Disposition type, lower-cased (`inline`, `attachment`), or nil (RFC 2183).
    public var dispositionType: String? {
        header.first("Content-Disposition").map { HeaderParameters(parsing: $0).value.lowercased() }
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The file name from Content-Disposition's `filename` or Content-Type's `name` (RFC 2231-decoded), or nil.
    public var filename: String? {
        if let disposition = header.first("Content-Disposition"),
           let name = HeaderParameters(parsing: disposition).parameter("filename") {
            return name
        }
        return contentType.parameter("name")
    }

    /// The part an IMAP section number names (RFC 3501 §6.4.5): `[]` is the whole message; a non-multipart
    /// message's part 1 is its body; for message/rfc822, subparts number into the encapsulated message.
    /// Returns nil when the path names no part.
    public func part(at path: [Int]) -> MIMEPart? {
        Self.inMessage(self, path[...])
    }

    /// `message` is a whole message (the root, or an encapsulated one): its part numbers start at 1.
    private static func inMessage(_ message: MIMEPart, _ path: ArraySlice<Int>) -> MIMEPart? {
        guard let number = path.first else { return message }
        if message.contentType.isMultipart {
            guard number >= 1, number <= message.parts.count else { return nil }
            return inPart(message.parts[number - 1], path.dropFirst())
        }
        guard number == 1 else { return nil }
        return inPart(message, path.dropFirst())
    }

    private static func inPart(_ part: MIMEPart, _ path: ArraySlice<Int>) -> MIMEPart? {
        guard let number = path.first else { return part }
        if part.contentType.isMultipart {
            guard number >= 1, number <= part.parts.count else { return nil }
            return inPart(part.parts[number - 1], path.dropFirst())
        }
        if let message = part.message {
            return inMessage(message, path)
        }
        return nil
    }
}
