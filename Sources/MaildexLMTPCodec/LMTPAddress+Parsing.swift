extension LMTPAddress {
    /// Parses a path with its angle brackets. `allowNull` accepts `<>` (returns nil), as in a
    /// reverse path. A source route (`<@a,@b:user@c>`) is accepted and dropped (RFC 5321 §4.1.2,
    /// §C). Throws a description of the first problem.
    //
    // Path         = "<" [ A-d-l ":" ] Mailbox ">"
    // Reverse-path = Path / "<>"
    // A-d-l        = At-domain *( "," At-domain )
    // At-domain    = "@" Domain
    static func parsePath(_ path: Substring, allowNull: Bool) throws(AddressSyntaxError) -> LMTPAddress? {
        guard path.hasPrefix("<"), path.hasSuffix(">"), path.count >= 2 else {
            throw AddressSyntaxError("the path must be in angle brackets")
        }
        var inner = path.dropFirst().dropLast()
        if inner.isEmpty {
            guard allowNull else { throw AddressSyntaxError("an empty path is not allowed here") }
            return nil
        }
        if inner.hasPrefix("@") {
            guard let colon = inner.firstIndex(of: ":") else { throw AddressSyntaxError("a source route must end with ':'") }
            for hop in inner[..<colon].split(separator: ",", omittingEmptySubsequences: false) {
                guard hop.hasPrefix("@"), isDomain(hop.dropFirst()) else { throw AddressSyntaxError("bad source route '\(hop)'") }
            }
            inner = inner[inner.index(after: colon)...]
        }
        return try parseMailbox(inner)
    }

    // Mailbox    = Local-part [ "@" ( Domain / address-literal ) ]   ; the domain is optional here
    // Local-part = Dot-string / Quoted-string
    static func parseMailbox(_ text: Substring) throws(AddressSyntaxError) -> LMTPAddress {
        let (localPart, rest) = try parseLocalPart(text)
        if rest.isEmpty { return LMTPAddress(localPart: localPart, domain: nil, text: String(text)) }
        guard rest.first == "@" else { throw AddressSyntaxError("unexpected '\(rest.prefix(1))' after the local part") }
        let domain = rest.dropFirst()
        guard isDomain(domain) || isAddressLiteral(domain) else { throw AddressSyntaxError("bad domain '\(domain)'") }
        return LMTPAddress(localPart: localPart, domain: String(domain), text: String(text))
    }

    // Dot-string      = Atom *("." Atom)
    // Quoted-string   = DQUOTE *QcontentSMTP DQUOTE
    // QcontentSMTP    = qtextSMTP / quoted-pairSMTP
    // quoted-pairSMTP = %d92 %d32-126
    private static func parseLocalPart(_ text: Substring) throws(AddressSyntaxError) -> (String, Substring) {
        if text.first == "\"" {
            var value = ""
            var index = text.index(after: text.startIndex)
            while index < text.endIndex {
                let c = text[index]
                if c == "\"" { return (value, text[text.index(after: index)...]) }
                if c == "\\" {
                    index = text.index(after: index)
                    guard index < text.endIndex, isPrintable(text[index], allowSpace: true) else { throw AddressSyntaxError("bad quoted pair") }
                    value.append(text[index])
                } else {
                    guard isPrintable(c, allowSpace: true) else { throw AddressSyntaxError("bad character in quoted local part") }
                    value.append(c)
                }
                index = text.index(after: index)
            }
            throw AddressSyntaxError("unterminated quoted local part")
        }
        let end = text.firstIndex(of: "@") ?? text.endIndex
        let local = text[..<end]
        let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
        guard !local.isEmpty, atoms.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isAtext) }) else {
            throw AddressSyntaxError("bad local part '\(local)'")
        }
        return (String(local), text[end...])
    }

    // Domain     = sub-domain *("." sub-domain)
    // sub-domain = Let-dig [Ldh-str]
    static func isDomain(_ text: Substring) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return !text.isEmpty && labels.allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            return isLetDig(first) && isLetDig(last) && label.allSatisfy { isLetDig($0) || $0 == "-" }
        }
    }

    // address-literal = "[" ( IPv4-address-literal / IPv6-address-literal / General-address-literal ) "]"
    // Checked loosely: the brackets and printable characters without brackets or backslashes inside.
    private static func isAddressLiteral(_ text: Substring) -> Bool {
        guard text.count > 2, text.first == "[", text.last == "]" else { return false }
        return text.dropFirst().dropLast().allSatisfy { isPrintable($0, allowSpace: false) && !"[]\\".contains($0) }
    }

    /// atext (RFC 5322 §3.2.3); non-ASCII letters are allowed too (RFC 6531 style), since a
    /// wrong guess about an MTA's intent is worse than accepting what it sent.
    private static func isAtext(_ c: Character) -> Bool {
        if !c.isASCII { return !c.isWhitespace && !(c.unicodeScalars.first.map { $0.properties.generalCategory == .control } ?? true) }
        return c.isLetter || c.isNumber || "!#$%&'*+-/=?^_`{|}~".contains(c)
    }

    private static func isLetDig(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) || (!c.isASCII && c.isLetter) }

    private static func isPrintable(_ c: Character, allowSpace: Bool) -> Bool {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return !c.isASCII }
        if scalar.value == 0x20 { return allowSpace }
        return (0x21...0x7E).contains(scalar.value) || scalar.value >= 0x80
    }
}

/// Why a path did not parse; wrapped into an ``LMTPCommandError`` by the command parser.
struct AddressSyntaxError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
