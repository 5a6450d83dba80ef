/// Splits the client's byte stream into ``IMAPFrame``s (RFC 3501 §2.2, §4.3 literals,
/// RFC 7888 LITERAL+/LITERAL-). Pure: bytes in, frames out; the connection feeds it.
///
/// Placeholder of the contract; implemented on the codec branch.
public struct IMAPFrameDecoder: Sendable {
    public let maximumLineLength: Int
    public let maximumLiteralSize: Int
    public let maximumCommandSize: Int

    public init(maximumLineLength: Int = 65_536, maximumLiteralSize: Int = 50 << 20, maximumCommandSize: Int? = nil) {
        self.maximumLineLength = maximumLineLength
        self.maximumLiteralSize = maximumLiteralSize
        self.maximumCommandSize = maximumCommandSize ?? 2 * maximumLiteralSize + maximumLineLength
    }

    public mutating func append(_ bytes: some Sequence<UInt8>) {}
    public mutating func next() -> IMAPFrame? { nil }
    public mutating func discardBuffered() {}
}
