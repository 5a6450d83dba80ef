/// Byte classes of the RFC 3501 §9 formal syntax, shared by the frame decoder and the parser.
enum IMAPGrammar {
    static let space: UInt8 = 0x20
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let dquote: UInt8 = 0x22
    static let backslash: UInt8 = 0x5C
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let openBracket: UInt8 = 0x5B
    static let closeBracket: UInt8 = 0x5D
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let plus: UInt8 = 0x2B
    static let tilde: UInt8 = 0x7E

    // ATOM-CHAR       = <any CHAR except atom-specials>
    // atom-specials   = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials
    static func isAtomChar(_ b: UInt8) -> Bool {
        guard b > 0x20, b < 0x7F else { return false }
        switch b {
        case 0x28, 0x29, 0x7B, 0x25, 0x2A, 0x22, 0x5C, 0x5D: return false
        default: return true
        }
    }

    // ASTRING-CHAR    = ATOM-CHAR / resp-specials
    static func isAStringChar(_ b: UInt8) -> Bool { isAtomChar(b) || b == closeBracket }

    // tag             = 1*<any ASTRING-CHAR except "+">
    static func isTagChar(_ b: UInt8) -> Bool { isAStringChar(b) && b != plus }

    // list-char       = ATOM-CHAR / list-wildcards / resp-specials
    static func isListChar(_ b: UInt8) -> Bool { isAStringChar(b) || b == 0x25 || b == 0x2A }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The tag a command begins with: the first token, when it is a valid tag followed by SP.
    static func tag(of bytes: some Collection<UInt8>) -> String? {
        var tag: [UInt8] = []
        for b in bytes {
            if b == space { return tag.isEmpty ? nil : String(decoding: tag, as: UTF8.self) }
            guard isTagChar(b) else { return nil }
            tag.append(b)
        }
        return nil
    }
}
