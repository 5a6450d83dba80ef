/// A tolerant parser for RFC 5322 §3.4 address lists, producing ENVELOPE address structures.
///
/// address-list = (address *("," address)) / obs-addr-list
/// address      = mailbox / group
/// mailbox      = name-addr / addr-spec
/// name-addr    = [display-name] angle-addr ; angle-addr = [CFWS] "<" [obs-route] addr-spec ">" [CFWS]
/// group        = display-name ":" [group-list] ";" [CFWS]
///
/// Like Dovecot, an address without a domain gets the host `MISSING_DOMAIN` (a nil host would read as a group
/// marker), and one without a local part gets `MISSING_MAILBOX`. A comment after a bare addr-spec is its name.
enum AddressParser {
    enum Token: Equatable {
        case atom(String)          // atoms, dot-atoms and other runs of non-special text
        case quoted(String)        // quoted-string content, unescaped
        case comment(String)
        case domainLiteral(String) // "[...]" including the brackets
        case special(Character)    // < > @ , ; : .

        var text: String {
            switch self {
            case .atom(let text), .quoted(let text), .domainLiteral(let text): text
            case .comment: ""
            case .special(let character): String(character)
            }
        }
    }

    static func parse(_ text: String) -> [Address] {
        let tokens = tokenize(text)
        var result: [Address] = []
        var inGroup = false
        var index = 0
        while index < tokens.count {
            var phrase: [Token] = []
            while index < tokens.count, !isDelimiter(tokens[index]) {
                phrase.append(tokens[index])
                index += 1
            }
            let delimiter = index < tokens.count ? tokens[index] : nil
            switch delimiter {
            case .special(":") where !inGroup:
                result.append(.groupStart(displayName(phrase) ?? ""))
                inGroup = true
                index += 1
            case .special("<"):
                index += 1
                var inside: [Token] = []
                while index < tokens.count, tokens[index] != .special(">") {
                    inside.append(tokens[index])
                    index += 1
                }
                index += 1  // ">"
                // Anything after ">" up to the next delimiter is junk or a comment.
                while index < tokens.count, tokens[index] != .special(","), tokens[index] != .special(";") { index += 1 }
                var address = addrSpec(inside)
                address.name = displayName(phrase)
                result.append(address)
            default:
                if phrase.contains(where: { if case .comment = $0 { false } else { true } }) {
                    var address = addrSpec(phrase)
                    address.name = lastComment(phrase)
                    result.append(address)
                }
            }
            if index < tokens.count {
                if tokens[index] == .special(";") {
                    if inGroup { result.append(.groupEnd) }
                    inGroup = false
                    index += 1
                } else if tokens[index] == .special(",") || tokens[index] == .special(":") {
                    index += 1
                }
            }
        }
        if inGroup { result.append(.groupEnd) }
        return result
    }

    private static func isDelimiter(_ token: Token) -> Bool {
        switch token {
        case .special(","), .special(";"), .special(":"), .special("<"): true
        default: false
        }
    }

    /// display-name = phrase: words joined by one space, comments dropped.
    private static func displayName(_ phrase: [Token]) -> String? {
        var words: [String] = []
        for token in phrase {
            switch token {
            case .atom(let text), .quoted(let text), .domainLiteral(let text): words.append(text)
            case .special(let character): words.append(String(character))
            case .comment: break
            }
        }
        let joined = words.joined(separator: " ")
        // `J . Smith` (a dot is a special of its own) reads `J. Smith`; most names have no dot.
        let name = words.contains(".") ? joined.replacing(" . ", with: ". ") : joined
        return name.isEmpty ? nil : name
    }

    private static func lastComment(_ tokens: [Token]) -> String? {
        for token in tokens.reversed() {
            if case .comment(let text) = token, !text.trimmingWhitespace().isEmpty { return text.trimmingWhitespace() }
        }
        return nil
    }

    /// [obs-route] addr-spec ; obs-route = obs-domain-list ":" ; addr-spec = local-part "@" domain
    private static func addrSpec(_ tokens: [Token]) -> Address {
        var tokens = tokens.filter { if case .comment = $0 { false } else { true } }
        var adl: String?
        if let colon = tokens.lastIndex(of: .special(":")) {
            let route = tokens[..<colon].map(\.text).joined()
            adl = route.isEmpty ? nil : route
            tokens = Array(tokens[(colon + 1)...])
        }
        let at = tokens.lastIndex(of: .special("@"))
        let localTokens = at.map { tokens[..<$0] } ?? tokens[...]
        let local = localTokens.map(\.text).joined()
        let domain = at.map { tokens[($0 + 1)...].map(\.text).joined() }
        return Address(
            adl: adl,
            mailbox: local.isEmpty ? "MISSING_MAILBOX" : local,
            host: (domain ?? "").isEmpty ? "MISSING_DOMAIN" : domain
        )
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var index = 0
        var atom = ""
        func flushAtom() {
            if !atom.isEmpty { tokens.append(.atom(atom)) }
            atom = ""
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case " ", "\t", "\r", "\n":
                flushAtom()
                index += 1
            case "\"":
                flushAtom()
                var value = ""
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    if characters[index] == "\\", index + 1 < characters.count { index += 1 }
                    value.append(characters[index])
                    index += 1
                }
                index += 1
                tokens.append(.quoted(value))
            case "(":
                flushAtom()
                var depth = 1
                var value = ""
                index += 1
                while index < characters.count {
                    let inner = characters[index]
                    if inner == "\\", index + 1 < characters.count {
                        index += 1
                        value.append(characters[index])
                    } else if inner == "(" {
                        depth += 1
                        value.append(inner)
                    } else if inner == ")" {
                        depth -= 1
                        if depth == 0 { break }
                        value.append(inner)
                    } else {
                        value.append(inner)
                    }
                    index += 1
                }
                index += 1
                tokens.append(.comment(value))
            case "[":
                flushAtom()
                var value = "["
                index += 1
                while index < characters.count, characters[index] != "]" {
                    value.append(characters[index])
                    index += 1
                }
                index += 1
                tokens.append(.domainLiteral(value + "]"))
            case "=" where index + 1 < characters.count && characters[index + 1] == "?":
                // An RFC 2047 word may hold specials such as "." in Q text; keep it whole.
                var end = index + 2
                var questionMarks = 0
                while end + 1 < characters.count, !(questionMarks >= 2 && characters[end] == "?" && characters[end + 1] == "="),
                      characters[end] != " ", characters[end] != "\t" {
                    if characters[end] == "?" { questionMarks += 1 }
                    end += 1
                }
                if end + 1 < characters.count, characters[end] == "?", characters[end + 1] == "=" {
                    atom += String(characters[index...(end + 1)])
                    index = end + 2
                } else {
                    atom.append(character)
                    index += 1
                }
            case "<", ">", "@", ",", ";", ":", ".":
                flushAtom()
                tokens.append(.special(character))
                index += 1
            default:
                atom.append(character)
                index += 1
            }
        }
        flushAtom()
        return tokens
    }
}
