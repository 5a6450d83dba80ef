extension MIMEPart {
    /// The body of this part with its Content-Transfer-Encoding removed (RFC 2045 §6): base64 and
    /// quoted-printable are decoded, `7bit`, `8bit` and `binary` are returned as they are. Nil for
    /// any other encoding, which IMAP BINARY reports as `UNKNOWN-CTE` (RFC 3516 §4.3).
    ///
    /// `bytes` are the message bytes this part's ranges refer to (``ParsedMessage/bytes``).
    public func decodedBody(in bytes: [UInt8]) -> [UInt8]? {
        let lower = max(0, min(bodyRange.lowerBound, bytes.count))
        let body = bytes[lower..<max(lower, min(bodyRange.upperBound, bytes.count))]
        switch contentTransferEncoding {
        case "7bit", "8bit", "binary": return Array(body)
        case "base64", "quoted-printable": return TransferEncoding.decode(body, encoding: contentTransferEncoding)
        default: return nil
        }
    }
}
