extension LMTPCommand {
    /// Parses one command line, without its line ending. Verbs are case-insensitive; trailing
    /// spaces are ignored; a space after `FROM:`/`TO:` is tolerated.
    ///
    /// Throws ``LMTPCommandError`` with the reply for the client: `500 5.5.2` for an empty line, a
    /// NUL byte, bytes that are not UTF-8 or a line over ``maximumLineLength``; `500 5.5.1` for an
    /// unknown verb or HELO/EHLO; `501` for bad arguments; `555 5.5.4` for an unknown parameter.
    public init(parsing line: some Collection<UInt8>) throws(LMTPCommandError) {
        guard line.count <= Self.maximumLineLength else {
            throw .malformedLine("Line too long", reason: "command line of \(line.count) bytes, over \(Self.maximumLineLength)")
        }
        guard !line.contains(0) else { throw .malformedLine("NUL byte in command", reason: "command line contains a NUL byte") }
        guard let text = String(validating: line, as: UTF8.self) else {
            throw .malformedLine("Invalid UTF-8 in command", reason: "command line is not UTF-8")
        }
        self = try Self.parse(text[...])
    }

    // command = verb [SP arguments]; trailing whitespace dropped.
    private static func parse(_ line: Substring) throws(LMTPCommandError) -> LMTPCommand {
        let trimmed = line.trimmingTrailingWhitespace
        guard !trimmed.isEmpty else { throw .malformedLine("Empty command", reason: "empty command line") }
        let verbEnd = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? trimmed.endIndex
        let verb = trimmed[..<verbEnd].uppercased()
        let arguments = trimmed[verbEnd...].drop(while: { $0 == " " || $0 == "\t" })
        switch verb {
        case "LHLO": return try parseLHLO(arguments)
        case "MAIL": return try parseMail(arguments)
        case "RCPT": return try parseRcpt(arguments)
        case "DATA": try noArguments(verb, arguments); return .data
        case "RSET": try noArguments(verb, arguments); return .rset
        case "QUIT": try noArguments(verb, arguments); return .quit
        case "STARTTLS": try noArguments(verb, arguments); return .startTLS
        case "NOOP": return .noop
        case "VRFY":
            guard !arguments.isEmpty else { throw .badArguments("VRFY needs an argument") }
            return .vrfy(String(arguments))
        case "HELO", "EHLO": throw .useLHLO(verb)
        default: throw .unrecognized(String(verb.prefix(32)))
        }
    }

    // lhlo = "LHLO" SP ( Domain / address-literal )   (RFC 2033 §4.1; the argument is not checked further)
    private static func parseLHLO(_ arguments: Substring) throws(LMTPCommandError) -> LMTPCommand {
        guard !arguments.isEmpty, !arguments.contains(" ") else { throw .badArguments("LHLO needs one domain argument") }
        return .lhlo(domain: String(arguments))
    }

    // mail = "MAIL FROM:" Reverse-path [SP Mail-parameters]
    private static func parseMail(_ arguments: Substring) throws(LMTPCommandError) -> LMTPCommand {
        let (path, parameters) = try splitPath(arguments, keyword: "FROM:")
        let sender: LMTPAddress?
        do throws(AddressSyntaxError) {
            sender = try LMTPAddress.parsePath(path, allowNull: true)
        } catch {
            throw .badPath("sender \(path): \(error.reason)", sender: true)
        }
        return .mail(from: sender, parameters: try MailParameters.parse(parameters))
    }

    // rcpt = "RCPT TO:" ( "<Postmaster@" Domain ">" / "<Postmaster>" / Forward-path ) [SP Rcpt-parameters]
    private static func parseRcpt(_ arguments: Substring) throws(LMTPCommandError) -> LMTPCommand {
        let (path, parameters) = try splitPath(arguments, keyword: "TO:")
        if let keyword = parameters.first?.split(separator: "=", maxSplits: 1).first {
            throw .unsupportedParameter(keyword.uppercased())
        }
        do throws(AddressSyntaxError) {
            guard let address = try LMTPAddress.parsePath(path, allowNull: false) else { throw AddressSyntaxError("empty path") }
            return .rcpt(to: address)
        } catch {
            throw .badPath("recipient \(path): \(error.reason)", sender: false)
        }
    }

    /// Splits `FROM:<path> params` into the path (with brackets, up to the `>` that closes it,
    /// outside quotes) and the space-separated parameters.
    private static func splitPath(_ arguments: Substring, keyword: String) throws(LMTPCommandError) -> (Substring, [Substring]) {
        guard arguments.uppercased().hasPrefix(keyword) else { throw .badArguments("expected \(keyword)") }
        let rest = arguments.dropFirst(keyword.count).drop(while: { $0 == " " })
        guard rest.first == "<" else { throw .badArguments("expected '<' after \(keyword)") }
        var inQuotes = false, escaped = false
        var end: Substring.Index?
        for index in rest.indices {
            let c = rest[index]
            if escaped { escaped = false; continue }
            if inQuotes && c == "\\" { escaped = true; continue }
            if c == "\"" { inQuotes.toggle(); continue }
            if !inQuotes && c == ">" { end = index; break }
        }
        guard let end else { throw .badArguments("unterminated path after \(keyword)") }
        let afterPath = rest.index(after: end)
        let tail = rest[afterPath...]
        guard tail.isEmpty || tail.first == " " else { throw .badArguments("expected a space after the path") }
        return (rest[..<afterPath], tail.split(separator: " "))
    }

    private static func noArguments(_ verb: String, _ arguments: Substring) throws(LMTPCommandError) {
        guard arguments.isEmpty else { throw .badArguments("\(verb) takes no arguments") }
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" { end = index(before: end) }
        return self[startIndex..<end]
    }
}
