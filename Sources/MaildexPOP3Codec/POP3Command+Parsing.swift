extension POP3Command {
    /// The longest argument (RFC 2449 §4: "each argument may be up to 40 characters").
    public static let argumentLimit = 40
    /// The longest USER name, PASS secret or AUTH initial response. RFC 2449 says 40 for any
    /// argument, but real addresses and passwords are longer, and RFC 5034 §4 lets an initial
    /// response fill a 255-octet line; we accept up to the 255 of a whole RFC 2449 command line.
    public static let textArgumentLimit = 255

    /// Parses one command line, without its line ending.
    ///
    /// ```
    /// command  = keyword *(SP argument)      ; RFC 2449 §3, keywords case-insensitive
    /// PASS     = "PASS" SP *CHAR             ; the rest of the line, spaces included
    /// ```
    /// Trailing spaces are ignored, and arguments may be separated by several spaces.
    public init(parsing line: [UInt8]) throws(POP3CommandError) {
        let keywordEnd = line.firstIndex(of: 0x20) ?? line.endIndex
        let keyword = String(decoding: line[..<keywordEnd], as: UTF8.self).uppercased()
        guard !line.contains(0), String(validating: line, as: UTF8.self) != nil else {
            throw POP3CommandError(command: keyword, reason: .invalidText)
        }
        let rest = keywordEnd < line.endIndex ? String(decoding: line[(keywordEnd + 1)...], as: UTF8.self) : ""
        let arguments = rest.split(separator: " ").map(String.init)
        let parser = ArgumentParser(command: keyword, arguments: arguments)
        switch keyword {
        case "USER": self = .user(try parser.text(limit: Self.textArgumentLimit))
        case "PASS":
            guard !rest.isEmpty else { throw POP3CommandError(command: keyword, reason: .missingArgument) }
            guard rest.utf8.count <= Self.textArgumentLimit else {
                throw POP3CommandError(command: keyword, reason: .argumentTooLong(limit: Self.textArgumentLimit))
            }
            self = .pass(rest)
        case "STAT": try parser.none(); self = .stat
        case "LIST": self = .list(try parser.optionalMessageNumber())
        case "UIDL": self = .uidl(try parser.optionalMessageNumber())
        case "RETR": self = .retr(try parser.messageNumber())
        case "TOP": self = try parser.top()
        case "DELE": self = .dele(try parser.messageNumber())
        case "RSET": try parser.none(); self = .rset
        case "NOOP": try parser.none(); self = .noop
        case "QUIT": try parser.none(); self = .quit
        case "CAPA": try parser.none(); self = .capa
        case "STLS": try parser.none(); self = .stls
        case "AUTH": self = try parser.auth()
        case "APOP": throw POP3CommandError(command: keyword, reason: .unsupportedCommand)
        default: throw POP3CommandError(command: keyword, reason: .unknownCommand)
        }
    }
}

/// Checks the arguments of one command.
private struct ArgumentParser {
    let command: String
    let arguments: [String]

    func fail(_ reason: POP3CommandError.Reason) -> POP3CommandError {
        POP3CommandError(command: command, reason: reason)
    }

    func none() throws(POP3CommandError) {
        if let extra = arguments.first { throw fail(.unexpectedArgument(extra)) }
    }

    /// Exactly one argument of at most `limit` characters.
    func text(limit: Int) throws(POP3CommandError) -> String {
        guard let first = arguments.first else { throw fail(.missingArgument) }
        if arguments.count > 1 { throw fail(.unexpectedArgument(arguments[1])) }
        guard first.count <= limit else { throw fail(.argumentTooLong(limit: limit)) }
        return first
    }

    // msg = 1*DIGIT, not 0 (RFC 1939 §3: "message-number ... 1")
    func messageNumber() throws(POP3CommandError) -> Int {
        guard let first = arguments.first else { throw fail(.missingArgument) }
        if arguments.count > 1 { throw fail(.unexpectedArgument(arguments[1])) }
        return try number(first, minimum: 1)
    }

    func optionalMessageNumber() throws(POP3CommandError) -> Int? {
        arguments.isEmpty ? nil : try messageNumber()
    }

    // TOP msg n        ; n may be 0: headers only
    func top() throws(POP3CommandError) -> POP3Command {
        guard arguments.count >= 2 else { throw fail(.missingArgument) }
        if arguments.count > 2 { throw fail(.unexpectedArgument(arguments[2])) }
        return .top(try number(arguments[0], minimum: 1), lines: try number(arguments[1], minimum: 0))
    }

    // AUTH [mechanism [initial-response]]     ; RFC 5034 §4
    func auth() throws(POP3CommandError) -> POP3Command {
        if arguments.count > 2 { throw fail(.unexpectedArgument(arguments[2])) }
        let mechanism = arguments.first
        if let mechanism, mechanism.count > POP3Command.argumentLimit { throw fail(.argumentTooLong(limit: POP3Command.argumentLimit)) }
        let response = arguments.count > 1 ? arguments[1] : nil
        if let response, response.utf8.count > POP3Command.textArgumentLimit {
            throw fail(.argumentTooLong(limit: POP3Command.textArgumentLimit))
        }
        return .auth(mechanism: mechanism?.uppercased(), initialResponse: response)
    }

    private func number(_ text: String, minimum: Int) throws(POP3CommandError) -> Int {
        guard text.count <= POP3Command.argumentLimit else { throw fail(.argumentTooLong(limit: POP3Command.argumentLimit)) }
        guard text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(text), value >= minimum else {
            throw fail(.invalidNumber(text))
        }
        return value
    }
}
