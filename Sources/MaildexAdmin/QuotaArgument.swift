import Foundation

/// A quota limit as `mailadm user set-quota` takes it: a number with an optional K, M, G or T
/// suffix (powers of 1024, any case) for storage, a plain number for messages, or `none` /
/// `unlimited` for no limit (nil).
enum QuotaArgument {
    static let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]

    /// `2G` → 2147483648, `512` → 512, `none` → nil. Throws ``AdminError`` naming the bad value.
    static func bytes(_ text: String) throws -> Int64? {
        try parse(text, what: "storage limit", suffixes: true)
    }

    /// `1000` → 1000, `unlimited` → nil.
    static func messages(_ text: String) throws -> Int64? {
        try parse(text, what: "message limit", suffixes: false)
    }

    private static func parse(_ text: String, what: String, suffixes: Bool) throws -> Int64? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if ["none", "unlimited"].contains(value.lowercased()) { return nil }
        let expected = suffixes ? "a number of bytes with an optional K, M, G or T suffix, or none" : "a number of messages, or none"
        if value.hasPrefix("-"), value.dropFirst().first?.isASCIIDigit == true { throw AdminError("invalid \(what) '\(text)': it cannot be negative") }
        var digits = Substring(value)
        var unit: Int64 = 1
        if suffixes, let last = value.last?.uppercased().first, let factor = units[last] {
            digits = value.dropLast()
            unit = factor
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else {
            throw AdminError("invalid \(what) '\(text)': expected \(expected)")
        }
        guard let number = Int64(digits) else { throw AdminError("invalid \(what) '\(text)': too large") }
        let (product, overflow) = number.multipliedReportingOverflow(by: unit)
        if overflow { throw AdminError("invalid \(what) '\(text)': too large") }
        return product
    }

    /// `2 GiB`, `1.5 MiB`, `512 B`: binary units, as limits are given.
    static func describe(_ bytes: Int64) -> String {
        for (suffix, factor) in [("TiB", Int64(1) << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= factor {
            if bytes % factor == 0 { return "\(bytes / factor) \(suffix)" }
            return String(format: "%.1f %@", Double(bytes) / Double(factor), suffix)
        }
        return "\(bytes) B"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
