/// One header field of a message or MIME part (RFC 5322 §2.2).
public struct HeaderField: Sendable, Equatable {
    /// The field name as written (`Subject`), without the colon.
    public var name: String
    /// The unfolded raw value (RFC 5322 §2.2.3): line breaks of folded lines removed, surrounding whitespace trimmed,
    /// encoded words left as they are. 8-bit bytes are read as UTF-8 when valid, otherwise as ISO-8859-1.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
