/// A message flag: one of the system flags of RFC 3501 §2.3.2, or a keyword.
///
/// In a Maildir file name the system flags are letters after `:2,` (`S` Seen, `R` Answered,
/// `F` Flagged, `T` Deleted, `D` Draft); keywords are the letters `a`…`z`, mapped through the
/// folder's `dovecot-keywords` file. `\Recent` is not a stored flag (it is per session).
public enum Flag: Hashable, Sendable, Comparable, CustomStringConvertible {
    case seen, answered, flagged, deleted, draft
    /// A keyword such as `$Forwarded` or `Junk`. Keywords compare case-insensitively (RFC 3501 §2.3.2).
    case keyword(String)

    /// Parses `\Seen`, `\answered`, `$Junk`…; system flags are case-insensitive.
    /// Returns nil for `\Recent`, `\*`, unknown backslash flags and strings that are not atoms.
    public init?(_ string: String) {
        switch string.lowercased() {
        case "\\seen": self = .seen
        case "\\answered": self = .answered
        case "\\flagged": self = .flagged
        case "\\deleted": self = .deleted
        case "\\draft": self = .draft
        default:
            guard !string.isEmpty, !string.hasPrefix("\\"), string.utf8.count <= 255 else { return nil }
            for byte in string.utf8 where byte <= 0x20 || byte >= 0x7F || Self.atomSpecials.contains(byte) {
                return nil
            }
            self = .keyword(string)
        }
    }

    private static let atomSpecials = Set("(){%*\"\\]".utf8)

    /// The IMAP spelling: `\Seen`, or the keyword itself.
    public var description: String {
        switch self {
        case .seen: "\\Seen"
        case .answered: "\\Answered"
        case .flagged: "\\Flagged"
        case .deleted: "\\Deleted"
        case .draft: "\\Draft"
        case .keyword(let k): k
        }
    }

    /// The Maildir info letter of a system flag (nil for keywords).
    public var maildirLetter: Character? {
        switch self {
        case .draft: "D"
        case .flagged: "F"
        case .answered: "R"
        case .seen: "S"
        case .deleted: "T"
        case .keyword: nil
        }
    }

    /// The system flag for a Maildir info letter.
    public init?(maildirLetter: Character) {
        switch maildirLetter {
        case "D": self = .draft
        case "F": self = .flagged
        case "R": self = .answered
        case "S": self = .seen
        case "T": self = .deleted
        default: return nil
        }
    }

    public static let systemFlags: [Flag] = [.answered, .flagged, .deleted, .seen, .draft]

    public var isKeyword: Bool { if case .keyword = self { true } else { false } }

    public static func == (a: Flag, b: Flag) -> Bool {
        switch (a, b) {
        case (.keyword(let x), .keyword(let y)): x.lowercased() == y.lowercased()
        case (.seen, .seen), (.answered, .answered), (.flagged, .flagged), (.deleted, .deleted), (.draft, .draft): true
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .seen: hasher.combine(0)
        case .answered: hasher.combine(1)
        case .flagged: hasher.combine(2)
        case .deleted: hasher.combine(3)
        case .draft: hasher.combine(4)
        case .keyword(let k): hasher.combine(k.lowercased())
        }
    }

    public static func < (a: Flag, b: Flag) -> Bool {
        switch (a.isKeyword, b.isKeyword) {
        case (false, true): true
        case (true, false): false
        default: a.description.lowercased() < b.description.lowercased()
        }
    }
}

extension Set where Element == Flag {
    /// The flags in a stable order: system flags first, then keywords alphabetically.
    public var sorted: [Flag] { self.sorted(by: <) }
}
