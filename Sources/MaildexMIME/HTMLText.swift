/// A small HTML-to-text reducer for search: tags removed, `<script>`/`<style>` content dropped, entities decoded.
/// Not a renderer; block elements become line breaks so words do not run together.
enum HTMLText {
    static func plainText(_ html: String) -> String {
        var out = ""
        var index = html.startIndex
        var skipUntil: String?
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                guard let close = html[index...].firstIndex(of: ">") else { break }
                let tag = html[html.index(after: index)..<close].lowercased()
                index = html.index(after: close)
                if tag.hasPrefix("!--"), !tag.hasSuffix("--") {
                    // A comment holding ">": skip to its real end.
                    if let end = html[index...].firstRange(of: "-->") { index = end.upperBound }
                    continue
                }
                let name = String(tag.prefix { $0.isLetter || $0 == "/" || $0.isNumber })
                if let waiting = skipUntil {
                    if name == "/" + waiting { skipUntil = nil }
                    continue
                }
                if name == "script" || name == "style" {
                    skipUntil = name
                } else if blockNames.contains(name.hasPrefix("/") ? String(name.dropFirst()) : name) {
                    if !out.hasSuffix("\n") { out += "\n" }
                } else if !out.isEmpty, !(out.last?.isWhitespace ?? true) {
                    // Inline tags separate nothing, except tags like <td> that we treat as spaces.
                    if name == "td" || name == "th" || name == "/td" || name == "/th" { out += " " }
                }
                continue
            }
            if skipUntil != nil {
                index = html.index(after: index)
                continue
            }
            if character == "&", let semicolon = html[index...].prefix(12).firstIndex(of: ";"),
               let decoded = entity(String(html[html.index(after: index)..<semicolon])) {
                out.unicodeScalars.append(decoded)
                index = html.index(after: semicolon)
                continue
            }
            out.append(character)
            index = html.index(after: index)
        }
        return collapseSpaces(out)
    }

    private static let blockNames: Set<String> = [
        "br", "p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "hr", "title", "section", "article", "header", "footer",
    ]

    private static let named: [String: UInt32] = [
        "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "nbsp": 160, "copy": 169, "reg": 174, "euro": 8364,
        "hellip": 8230, "mdash": 8212, "ndash": 8211, "lsquo": 8216, "rsquo": 8217, "ldquo": 8220, "rdquo": 8221,
        "auml": 228, "ouml": 246, "uuml": 252, "Auml": 196, "Ouml": 214, "Uuml": 220, "szlig": 223, "eacute": 233,
        "egrave": 232, "agrave": 224, "ccedil": 231, "trade": 8482, "bull": 8226, "middot": 183,
    ]

    private static func entity(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
        }
        return named[name].flatMap(Unicode.Scalar.init)
    }

    /// Runs of spaces and tabs become one space; blank lines collapse; each line is trimmed.
    private static func collapseSpaces(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" })
            if !words.isEmpty { lines.append(words.joined(separator: " ")) }
        }
        return lines.joined(separator: "\n")
    }
}
