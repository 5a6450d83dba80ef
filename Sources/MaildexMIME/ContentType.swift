/// A MIME media type with its parameters (RFC 2045 §5.1), from a `Content-Type` field.
public struct ContentType: Sendable, Equatable {
    /// The top-level type, lower-cased (`text`, `multipart`, `message`, `image` …).
    public var type: String
    /// The subtype, lower-cased (`plain`, `mixed`, `rfc822` …).
    public var subtype: String
    /// The parameters in order: names lower-cased, RFC 2231 continuations joined and decoded, values as text.
    public var parameters: [(String, String)]
    /// The parameters in BODYSTRUCTURE form (RFC 2231 values kept encoded under `name*`); see ``BodyStructure``.
    public var encodedParameters: [(String, String)]

    public init(type: String, subtype: String, parameters: [(String, String)] = [], encodedParameters: [(String, String)]? = nil) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters
        self.encodedParameters = encodedParameters ?? parameters
    }

    /// RFC 2045 §5.2: a message without Content-Type is `text/plain; charset=us-ascii`.
    public static let `default` = ContentType(type: "text", subtype: "plain", parameters: [("charset", "us-ascii")])
    /// RFC 2046 §5.1.5: inside multipart/digest the default is `message/rfc822`.
    public static let digestDefault = ContentType(type: "message", subtype: "rfc822")

    /// The decoded value of parameter `name` (case-insensitive), or nil.
    public func parameter(_ name: String) -> String? {
        let wanted = name.lowercased()
        return parameters.first { $0.0 == wanted }?.1
    }

    /// `type/subtype`, lower-cased.
    public var mimeType: String { "\(type)/\(subtype)" }
    public var isMultipart: Bool { type == "multipart" }
    /// message/rfc822 or message/global (RFC 6532 §3.7): the body is a whole message.
    public var isEncapsulatedMessage: Bool { type == "message" && (subtype == "rfc822" || subtype == "global") }

    public static func == (lhs: ContentType, rhs: ContentType) -> Bool {
        lhs.type == rhs.type && lhs.subtype == rhs.subtype
            && lhs.parameters.elementsEqual(rhs.parameters, by: ==)
            && lhs.encodedParameters.elementsEqual(rhs.encodedParameters, by: ==)
    }
}

// MARK: - Parsing

extension ContentType {
    /// The media type of a `Content-Type` value, or `fallback` when it is missing or malformed (RFC 2045 §5.2).
    ///
    /// content := "Content-Type" ":" type "/" subtype *(";" parameter)
    init(parsing text: String?, fallback: ContentType) {
        guard let text else {
            self = fallback
            return
        }
        let parsed = HeaderParameters(parsing: text)
        let pieces = parsed.value.split(separator: "/", maxSplits: 1)
        let isToken: (Substring) -> Bool = { piece in
            !piece.isEmpty && piece.utf8.allSatisfy { $0 > 32 && $0 < 127 && !"()<>@,;:\\\"/[]?=".utf8.contains($0) }
        }
        guard pieces.count == 2, isToken(pieces[0].trimmingCharacters()), isToken(pieces[1].trimmingCharacters()) else {
            self = fallback
            return
        }
        self.init(
            type: String(pieces[0].trimmingCharacters()),
            subtype: String(pieces[1].trimmingCharacters()),
            parameters: parsed.decoded.map { ($0.name, $0.value) },
            encodedParameters: parsed.encoded.map { ($0.name, $0.value) }
        )
    }
}

extension Substring {
    func trimmingCharacters() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
