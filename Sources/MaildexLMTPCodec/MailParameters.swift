/// The body type a client declares with `BODY=` (RFC 6152 §2).
public enum LMTPBodyType: String, Sendable, Hashable {
    case sevenBit = "7BIT"
    case eightBitMIME = "8BITMIME"
}

/// The parameters of `MAIL FROM` this server knows: `SIZE` (RFC 1870) and `BODY` (RFC 6152).
///
/// ```
/// C: MAIL FROM:<bob@example.org> SIZE=12345 BODY=8BITMIME
/// ```
public struct MailParameters: Sendable, Hashable {
    /// The size the client announces, in bytes; nil when not given.
    public var size: Int?
    /// The declared body type; nil when not given (7BIT is then implied).
    public var body: LMTPBodyType?

    public init(size: Int? = nil, body: LMTPBodyType? = nil) {
        self.size = size
        self.body = body
    }
}

extension MailParameters {
    // Mail-parameters = esmtp-param *(SP esmtp-param)
    // esmtp-param     = esmtp-keyword ["=" esmtp-value]
    // esmtp-keyword   = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")
    // esmtp-value     = 1*(%d33-60 / %d62-126)
    // size-param      = "SIZE=" 1*20DIGIT        (RFC 1870 §4)
    // body-param      = "BODY=" ("7BIT" / "8BITMIME")   (RFC 6152 §2)
    static func parse(_ words: [Substring]) throws(LMTPCommandError) -> MailParameters {
        var parameters = MailParameters()
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let keyword = parts[0].uppercased()
            let value = parts.count == 2 ? parts[1] : nil
            guard let first = keyword.first, first.isASCII, first.isLetter || first.isNumber,
                  keyword.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else { throw .badArguments("bad parameter '\(word)'") }
            switch keyword {
            case "SIZE":
                guard parameters.size == nil else { throw .badArguments("SIZE given twice") }
                guard let value, !value.isEmpty, value.count <= 20, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    throw .badArguments("SIZE needs a number, not '\(value ?? "")'")
                }
                parameters.size = Int(value) ?? Int.max
            case "BODY":
                guard parameters.body == nil else { throw .badArguments("BODY given twice") }
                guard let value, let body = LMTPBodyType(rawValue: value.uppercased()) else {
                    throw .badArguments("BODY must be 7BIT or 8BITMIME, not '\(value ?? "")'")
                }
                parameters.body = body
            default:
                throw .unsupportedParameter(keyword)
            }
        }
        return parameters
    }
}
