/// A message parsed once: header, MIME tree, ENVELOPE, BODYSTRUCTURE, the indexed header fields and body text.
///
/// Pure and tolerant: bytes in, values out; no input makes it crash or throw. Offsets, sizes and line counts refer
/// to exactly the bytes given (the store passes CRLF-normalised bytes, so they match what IMAP clients are sent).
public struct ParsedMessage: Sendable {
    /// The message bytes the ranges of ``root`` refer to.
    public let bytes: [UInt8]
    /// The top of the MIME tree: the message itself (RFC 3501 §6.4.5 section `[]`).
    public let root: MIMEPart

    public init(parsing bytes: [UInt8]) {
        self.bytes = bytes
        self.root = MIMEParser.parse(bytes)
    }

    /// The message's own header fields.
    public var header: MessageHeader { root.header }

    /// The IMAP ENVELOPE (RFC 3501 §7.4.2).
    public var envelope: Envelope { Envelope(header: root.header) }

    /// The IMAP BODYSTRUCTURE (RFC 3501 §7.4.2); `imapString(extended: false)` gives BODY.
    public var bodyStructure: BodyStructure { BodyStructure(part: root, bytes: bytes) }

    /// From, To, Cc, Bcc, Subject, Date, Message-ID, In-Reply-To and References, decoded for the index.
    public var indexedHeaders: IndexedHeaders { IndexedHeaders(header: root.header) }

    /// Decoded text of the text/plain and text/html parts (HTML tags stripped, entities decoded), converted to UTF-8,
    /// transfer encoding (base64, quoted-printable) removed; attachments (Content-Disposition: attachment, non-text)
    /// excluded. Text of forwarded messages (message/rfc822) is included. For full-text search.
    public var bodyText: String { BodyText.extract(from: root, bytes: bytes) }
}
