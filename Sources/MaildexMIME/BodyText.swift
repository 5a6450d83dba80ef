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
        // CR is one byte in UTF-8 and never inside a multi-byte sequence, so dropping it byte-wise
        // is safe and far cheaper than replacing "\r\n" as a Character.
        text = text.removingCarriageReturns()
        let trimmed = text.trimmingWhitespace()
        if !trimmed.isEmpty { pieces.append(trimmed) }
    }
}

extension String {
    /// The string without CR characters. CR is one byte in UTF-8 and never part of a multi-byte
    /// sequence, so a byte loop is safe and far cheaper than replacing "\r\n" as a Character.
    func removingCarriageReturns() -> String {
        var copy = self
        return copy.withUTF8 { bytes in
            guard bytes.contains(13) else { return self }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                for byte in bytes where byte != 13 {
                    out[n] = byte
                    n += 1
                }
                return n
            }
        }
    }
}
