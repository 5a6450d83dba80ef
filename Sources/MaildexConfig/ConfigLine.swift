/// One logical line of a configuration file (continuations joined, comment removed), as the parser sees it.
enum ConfigLine: Equatable {
    case setting(key: String, value: ConfigValue)
    case blockStart(type: String, name: String?)
    case blockEnd
    case include(path: String, isTry: Bool)
}

/// The right-hand side of `key = value`.
enum ConfigValue: Equatable {
    /// Unquoted text; `$variables` in it are still to be expanded.
    case plain(String)
    /// `"..."` or `'...'`, unescaped; taken literally.
    case quoted(String)
    /// `<path`: the value is the content of that file.
    case file(String)
}

/// A lexing failure; the parser adds the location.
struct ConfigLineError: Error, Equatable {
    var reason: String
}

// MARK: - Lexing

private let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
private let hash = UInt8(ascii: "#"), backslash = UInt8(ascii: "\\")
private let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
private let equals = UInt8(ascii: "="), openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")

private func isWhite(_ byte: UInt8) -> Bool { byte == space || byte == tab }
private func isQuote(_ byte: UInt8) -> Bool { byte == doubleQuote || byte == singleQuote }
private func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

extension ConfigLine {
    /// Lexes one logical line. Returns `nil` for blank and comment-only lines.
    ///
    ///     line     = "}" / directive / key ws* "=" ws* value / type [ws+ name] ws* "{"
    ///     directive = ("!include" / "!include_try") ws+ path
    ///     value    = "" / "<" path / quoted / plain
    ///     comment  = "#" at the start of a line or after whitespace, outside quotes
    static func lex(_ line: [UInt8]) throws(ConfigLineError) -> ConfigLine? {
        let body = trimmed(stripComment(trimmed(line[...])))
        guard let first = body.first else { return nil }
        if first == closeBrace {
            guard body.count == 1 else { throw ConfigLineError(reason: "unexpected text after '}': '\(text(body))'") }
            return .blockEnd
        }
        if first == UInt8(ascii: "!") { return try lexDirective(body) }

        var index = body.startIndex
        while index < body.endIndex, !isWhite(body[index]), body[index] != equals, body[index] != openBrace {
            index += 1
        }
        let key = body[body.startIndex..<index]
        let rest = trimmed(body[index...])
        guard !key.isEmpty else { throw expectedKeyValue(body) }

        if rest.first == equals {
            return .setting(key: text(key), value: try lexValue(trimmed(rest.dropFirst()), key: text(key)))
        }
        if rest.last == openBrace {
            let name = trimmed(rest.dropLast())
            if name.isEmpty { return .blockStart(type: text(key), name: nil) }
            if let quote = name.first, isQuote(quote) {
                return .blockStart(type: text(key), name: try unquotedIfQuoted(name, what: "block name"))
            }
            if name.contains(openBrace) || name.contains(closeBrace) || name.contains(equals) { throw expectedKeyValue(body) }
            return .blockStart(type: text(key), name: text(name))
        }
        if rest.contains(openBrace) {
            throw ConfigLineError(reason: "'{' must end its line (write the block's settings on the lines after it): '\(text(body))'")
        }
        throw expectedKeyValue(body)
    }

    private static func expectedKeyValue(_ body: ArraySlice<UInt8>) -> ConfigLineError {
        ConfigLineError(reason: "expected 'key = value', got '\(text(body))'")
    }

    private static func lexDirective(_ body: ArraySlice<UInt8>) throws(ConfigLineError) -> ConfigLine {
        var index = body.startIndex
        while index < body.endIndex, !isWhite(body[index]) { index += 1 }
        let word = text(body[body.startIndex..<index])
        let argument = trimmed(body[index...])
        guard word == "!include" || word == "!include_try" else {
            throw ConfigLineError(reason: "unknown directive '\(word)' (expected !include or !include_try)")
        }
        guard !argument.isEmpty else { throw ConfigLineError(reason: "\(word) needs a file name") }
        return .include(path: try unquotedIfQuoted(argument, what: "file name"), isTry: word == "!include_try")
    }

    private static func lexValue(_ value: ArraySlice<UInt8>, key: String) throws(ConfigLineError) -> ConfigValue {
        guard let first = value.first else { return .plain("") }
        if first == UInt8(ascii: "<") {
            let path = trimmed(value.dropFirst())
            guard !path.isEmpty else { throw ConfigLineError(reason: "'\(key) = <' needs a file name after '<'") }
            return .file(try unquotedIfQuoted(path, what: "file name"))
        }
        if isQuote(first) { return .quoted(try unquotedIfQuoted(value, what: "value of '\(key)'")) }
        return .plain(text(value))
    }

    /// Removes surrounding quotes and backslash escapes (`\"` -> `"`, `\\` -> `\`), as Dovecot's str_unescape does.
    private static func unquotedIfQuoted(_ bytes: ArraySlice<UInt8>, what: String) throws(ConfigLineError) -> String {
        guard let quote = bytes.first, isQuote(quote) else { return text(bytes) }
        var result: [UInt8] = []
        var index = bytes.startIndex + 1
        while index < bytes.endIndex, bytes[index] != quote {
            if bytes[index] == backslash, index + 1 < bytes.endIndex { index += 1 }
            result.append(bytes[index])
            index += 1
        }
        guard index < bytes.endIndex else {
            throw ConfigLineError(reason: "missing closing \(quote == doubleQuote ? "\"" : "'") in \(what)")
        }
        let after = trimmed(bytes[(index + 1)...])
        guard after.isEmpty else {
            throw ConfigLineError(reason: "unexpected text after the closing quote of \(what): '\(text(after))'")
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Cuts the line at a `#` that starts a word outside quotes. A quote only opens a quoted string at the start of
    /// a word after the first, so an apostrophe inside a plain value (`it's`) does not hide a later comment.
    private static func stripComment(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            // The first word is a key, block type or directive, where a quote means nothing.
            let atWordStart = index > line.startIndex && (isWhite(line[index - 1]) || line[index - 1] == equals)
            if byte == hash, index == line.startIndex || isWhite(line[index - 1]) {
                return line[line.startIndex..<index]
            }
            if isQuote(byte), atWordStart {
                index += 1
                while index < line.endIndex, line[index] != byte {
                    if line[index] == backslash { index += 1 }
                    index += 1
                }
            }
            index += 1
        }
        return line
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isWhite(bytes[start]) { start += 1 }
        while end > start, isWhite(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }
}
