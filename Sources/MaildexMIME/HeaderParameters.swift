/// A structured MIME header value with parameters: `Content-Type` and `Content-Disposition` (RFC 2045 §5.1,
/// RFC 2183 §2), with RFC 2231 continuations and charset/language encoding.
struct HeaderParameters: Sendable, Equatable {
    /// The value before the first `;`, comments and whitespace removed (`text/plain`, `attachment`).
    var value: String
    /// Parameters with lower-cased names, RFC 2231 sections joined and decoded to text, in order of first appearance.
    var decoded: [Parameter]
    /// Parameters as Dovecot reports them in BODYSTRUCTURE: sections joined; a parameter that used RFC 2231
    /// encoding is named `name*` and keeps its `charset'language'%XX` value, so the result stays 7-bit.
    var encoded: [Parameter]

    struct Parameter: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// content  = "Content-Type" ":" type "/" subtype *(";" parameter)
    /// parameter = attribute "=" value ; value = token / quoted-string
    init(parsing text: String) {
        let segments = Self.splitParameters(text)
        value = segments.first.map { Self.stripComments($0).trimmingWhitespace() } ?? ""
        var sections: [(name: String, index: Int?, extended: Bool, value: String)] = []
        for segment in segments.dropFirst() {
            guard let equals = segment.firstIndex(of: "=") else { continue }
            var name = Self.stripComments(String(segment[..<equals])).trimmingWhitespace().lowercased()
            guard !name.isEmpty else { continue }
            let value = Self.parameterValue(String(segment[segment.index(after: equals)...]))
            var extended = false
            if name.hasSuffix("*") {
                extended = true
                name.removeLast()
            }
            var index: Int?
            if let star = name.lastIndex(of: "*"), let number = Int(name[name.index(after: star)...]) {
                index = number
                name = String(name[..<star])
            }
            sections.append((name, index, extended, value))
        }

        var order: [String] = []
        var grouped: [String: [(index: Int?, extended: Bool, value: String)]] = [:]
        for section in sections {
            if grouped[section.name] == nil { order.append(section.name) }
            grouped[section.name, default: []].append((section.index, section.extended, section.value))
        }
        decoded = []
        encoded = []
        for name in order {
            guard var parts = grouped[name] else { continue }
            if parts.contains(where: { $0.index != nil }) {
                parts = parts.filter { $0.index != nil }.sorted { ($0.index ?? 0) < ($1.index ?? 0) }
            } else {
                parts = Array(parts.prefix(1))  // a repeated parameter: the first one wins
            }
            let result = Self.join(parts)
            decoded.append(Parameter(name: name, value: result.text))
            encoded.append(Parameter(name: result.isExtended ? name + "*" : name, value: result.encoded))
        }
    }

    /// The decoded value of parameter `name` (case-insensitive), or nil.
    func parameter(_ name: String) -> String? {
        let wanted = name.lowercased()
        return decoded.first { $0.name == wanted }?.value
    }

    /// RFC 2231 §3-4: sections are concatenated; `charset'language'` prefixes the first extended section; extended
    /// sections are %-encoded. Unencoded values may still hold RFC 2047 words, which many mailers write.
    private static func join(_ parts: [(index: Int?, extended: Bool, value: String)]) -> (text: String, encoded: String, isExtended: Bool) {
        guard parts.contains(where: \.extended) else {
            let joined = parts.map(\.value).joined()
            return (EncodedWord.decode(joined), joined, false)
        }
        var charset = "us-ascii"
        var prefix = "''"
        var bytes: [UInt8] = []
        var encoded = ""
        for (position, part) in parts.enumerated() {
            var value = part.value
            if part.extended && position == 0 {
                let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = pieces[0].isEmpty ? "us-ascii" : String(pieces[0])
                    prefix = "\(pieces[0])'\(pieces[1])'"
                    value = String(pieces[2])
                }
            }
            if part.extended {
                bytes += percentDecode(value)
                encoded += value
            } else {
                bytes += Array(value.utf8)
                encoded += percentEncode(value)
            }
        }
        let text = Charset.decode(bytes, charset: charset) ?? Charset.utf8OrLatin1(bytes)
        return (text, prefix + encoded, true)
    }

    private static func percentDecode(_ text: String) -> [UInt8] {
        let input = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
               let high = TransferEncoding.hexValue(input[index + 1]), let low = TransferEncoding.hexValue(input[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(input[index])
                index += 1
            }
        }
        return out
    }

    /// attribute-char = <any (US-ASCII) CHAR except SPACE, CTLs, "*", "'", "%", or tspecials>
    private static func percentEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            if byte > 32 && byte < 127 && !"*'%()<>@,;:\\\"/[]?=".utf8.contains(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // The three scanners below walk UTF-8 bytes: every delimiter is ASCII, so no multi-byte
    // character is ever split, and a delivery parses a few of these per part.

    /// The header value split at `;` outside quoted strings and comments.
    private static func splitParameters(_ text: String) -> [String] {
        var segments: [String] = []
        var current: [UInt8] = []
        var inQuotes = false
        var commentDepth = 0
        var escaped = false
        for byte in text.utf8 {
            if escaped {
                escaped = false
            } else {
                switch byte {
                case .backslash where inQuotes || commentDepth > 0: escaped = true
                case .quote where commentDepth == 0: inQuotes.toggle()
                case .openParenthesis where !inQuotes: commentDepth += 1
                case .closeParenthesis where !inQuotes && commentDepth > 0: commentDepth -= 1
                case .semicolon where !inQuotes && commentDepth == 0:
                    segments.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                    continue
                default: break
                }
            }
            current.append(byte)
        }
        segments.append(String(decoding: current, as: UTF8.self))
        return segments
    }

    /// value = token / quoted-string; tolerant of unquoted values with spaces (`name=my file.pdf`).
    private static func parameterValue(_ raw: String) -> String {
        let text = raw.trimmingWhitespace()
        guard text.utf8.first == .quote else { return stripComments(text).trimmingWhitespace() }
        var value: [UInt8] = []
        var escaped = false
        for byte in text.utf8.dropFirst() {
            if escaped {
                value.append(byte)
                escaped = false
            } else if byte == .backslash {
                escaped = true
            } else if byte == .quote {
                break
            } else {
                value.append(byte)
            }
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// `text` without RFC 5322 comments (nested parentheses outside quoted strings).
    static func stripComments(_ text: String) -> String {
        guard text.utf8.contains(.openParenthesis) else { return text }
        var out: [UInt8] = []
        var depth = 0
        var inQuotes = false
        var escaped = false
        for byte in text.utf8 {
            if escaped {
                if depth == 0 { out.append(byte) }
                escaped = false
                continue
            }
            if byte == .backslash && (inQuotes || depth > 0) {
                escaped = true
                if depth == 0 { out.append(byte) }
            } else if byte == .quote && depth == 0 {
                inQuotes.toggle()
                out.append(byte)
            } else if byte == .openParenthesis && !inQuotes {
                depth += 1
            } else if byte == .closeParenthesis && !inQuotes && depth > 0 {
                depth -= 1
            } else if depth == 0 {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
