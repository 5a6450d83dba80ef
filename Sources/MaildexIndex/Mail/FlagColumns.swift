import MaildexCore

/// How a flag set is stored: system flags as a bitmask, keywords as space-separated atoms.
enum FlagColumns {
    static func bit(_ flag: Flag) -> Int64 {
        switch flag {
        case .seen: 1
        case .answered: 2
        case .flagged: 4
        case .deleted: 8
        case .draft: 16
        case .keyword: 0
        }
    }

    static let seenBit = bit(.seen)
    static let deletedBit = bit(.deleted)

    static func encode(_ flags: Set<Flag>) -> (systemFlags: Int64, keywords: String?) {
        var mask: Int64 = 0
        var keywords: [String] = []
        for flag in flags.sorted {
            if case .keyword(let k) = flag { keywords.append(k) } else { mask |= bit(flag) }
        }
        return (mask, keywords.isEmpty ? nil : keywords.joined(separator: " "))
    }

    static func decode(systemFlags: Int64, keywords: String?) -> Set<Flag> {
        var flags = Set(Flag.systemFlags.filter { systemFlags & bit($0) != 0 })
        for word in (keywords ?? "").split(separator: " ") { flags.insert(.keyword(String(word))) }
        return flags
    }
}
