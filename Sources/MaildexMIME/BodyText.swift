/// Extraction of searchable text from a MIME tree.
enum BodyText {
    static func extract(from root: MIMEPart, bytes: [UInt8]) -> String {
        var pieces: [String] = []
        collect(root, bytes: bytes, into: &pieces)
        return pieces.joined(separator: "\n")
    }

    private static func collect(_ part: MIMEPart, bytes: [UInt8], into pieces: inout [String]) {
        let type = part.contentType
        if type.isMultipart {
            for child in part.parts { collect(child, bytes: bytes, into: &pieces) }
            return
        }
        if let message = part.message {
            collect(message, bytes: bytes, into: &pieces)
            return
        }
        guard type.type == "text", type.subtype == "plain" || type.subtype == "html",
              part.dispositionType != "attachment",
              part.bodyRange.lowerBound >= 0, part.bodyRange.upperBound <= bytes.count
        else { return }
        let raw = TransferEncoding.decode(bytes[part.bodyRange], encoding: part.contentTransferEncoding)
        let charset = type.parameter("charset") ?? "us-ascii"
        var text = Charset.decode(raw, charset: charset) ?? Charset.utf8OrLatin1(raw)
        if type.subtype == "html" { text = HTMLText.plainText(text) }
        text = text.replacing("\r\n", with: "\n")
        let trimmed = text.trimmingWhitespace()
        if !trimmed.isEmpty { pieces.append(trimmed) }
    }
}
