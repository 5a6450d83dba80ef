import MaildexMIME

extension MessageSections {
    /// What `BINARY[part]` names (RFC 3516 §4.2).
    enum BinaryContent: Equatable {
        case data([UInt8])
        /// The part's Content-Transfer-Encoding, which cannot be decoded.
        case unknownEncoding(String)
    }

    /// The part with its Content-Transfer-Encoding removed. `[]` is the whole message as it is
    /// (a header has no transfer encoding); a part the message does not have is empty, as
    /// ``extract(_:)`` answers for BODY.
    mutating func binary(_ part: [Int]) -> BinaryContent {
        if part.isEmpty { return .data(bytes) }
        if parsed == nil { parsed = ParsedMessage(parsing: bytes) }
        guard let node = parsed?.root.part(at: part) else { return .data([]) }
        guard let decoded = node.decodedBody(in: bytes) else { return .unknownEncoding(node.contentTransferEncoding) }
        return .data(decoded)
    }
}
