public import Foundation

/// The header fields Maildex stores in its index at delivery, decoded for search and display (DESIGN.md, Storage).
public struct IndexedHeaders: Sendable, Equatable {
    /// Decoded display form: `Alice Example <alice@example.com>, bob@example.org`; empty when the field is absent.
    public var from: String
    public var to: String
    public var cc: String
    public var bcc: String
    /// The RFC 2047-decoded subject; empty when absent.
    public var subject: String
    /// The Date field (RFC 5322 §3.3, obsolete forms tolerated), or nil when absent or unreadable.
    public var date: Date?
    /// The Message-ID as written, angle brackets included, trimmed.
    public var messageID: String?
    public var inReplyTo: String?
    /// The msg-ids of References, in order, each with its angle brackets.
    public var references: [String]

    public init(
        from: String = "", to: String = "", cc: String = "", bcc: String = "", subject: String = "",
        date: Date? = nil, messageID: String? = nil, inReplyTo: String? = nil, references: [String] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
    }

    /// The fields of `header`; its addresses are taken from `envelope` when the caller has
    /// parsed it already (a delivery builds both, and parsing each address list once is 3% of it).
    public init(header: MessageHeader, envelope: Envelope? = nil) {
        func display(_ name: String, _ parsed: [Address]?) -> String {
            if let parsed { return parsed.displayForm }
            return header.first(name).map { AddressParser.parse($0).displayForm } ?? ""
        }
        self.init(
            from: display("From", envelope?.from), to: display("To", envelope?.to),
            cc: display("Cc", envelope?.cc), bcc: display("Bcc", envelope?.bcc),
            subject: header.decoded("Subject") ?? "",
            date: header.first("Date").flatMap(MessageDate.parse),
            messageID: header.first("Message-ID")?.trimmingWhitespace(),
            inReplyTo: header.first("In-Reply-To")?.trimmingWhitespace(),
            references: Self.messageIDs(header.first("References") ?? "")
        )
    }

    /// msg-id = "<" id-left "@" id-right ">": every `<...>` in `text`, in order (comments and junk between ignored).
    static func messageIDs(_ text: String) -> [String] {
        var result: [String] = []
        var current: String?
        for character in text {
            if character == "<" {
                current = "<"
            } else if character == ">", let open = current {
                result.append(open + ">")
                current = nil
            } else if character == " " || character == "\t" {
                continue
            } else {
                current?.append(character)
            }
        }
        return result
    }
}
