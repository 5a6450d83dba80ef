/// A user's login name, as stored in the index and used to find the user's Maildir.
///
/// Names are compared and stored in lower case. They may contain letters, digits and
/// `. _ - + @`; they may not start with a dot or a hyphen, contain `..`, a slash, a NUL or
/// whitespace, since the name becomes a directory name.
public struct Username: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The normalised (lower-case) name.
    public let rawValue: String

    /// The longest name accepted, in bytes. The default matches Dovecot's practical limit.
    public static let maximumLength = 255

    /// Validates and normalises `name`; throws ``InvalidUsername`` naming the problem.
    public init(_ name: String) throws(InvalidUsername) {
        guard !name.isEmpty else { throw InvalidUsername(name: name, reason: "empty") }
        guard name.utf8.count <= Self.maximumLength else { throw InvalidUsername(name: name, reason: "longer than \(Self.maximumLength) bytes") }
        for scalar in name.unicodeScalars {
            let ok = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-+@".unicodeScalars.contains(scalar)
            guard ok else { throw InvalidUsername(name: name, reason: "character \(Self.describe(scalar)) is not allowed") }
        }
        guard !name.hasPrefix("."), !name.hasPrefix("-") else { throw InvalidUsername(name: name, reason: "must not start with '.' or '-'") }
        guard !name.contains("..") else { throw InvalidUsername(name: name, reason: "must not contain '..'") }
        rawValue = name.lowercased()
    }

    /// The part before `@`, or the whole name (Dovecot's `%n`).
    public var localPart: String { rawValue.split(separator: "@", maxSplits: 1).first.map(String.init) ?? rawValue }
    /// The part after `@`, or an empty string (Dovecot's `%d`).
    public var domain: String {
        guard let at = rawValue.firstIndex(of: "@") else { return "" }
        return String(rawValue[rawValue.index(after: at)...])
    }

    public var description: String { rawValue }
    public static func < (lhs: Username, rhs: Username) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(String.self)
        self = try Username(value)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        guard scalar.value < 0x21 || scalar.value == 0x7F else { return "'\(scalar)'" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// A user name that cannot be used, with the reason.
public struct InvalidUsername: Error, CustomStringConvertible, Equatable {
    public var name: String
    public var reason: String
    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
    public var description: String { "invalid user name '\(name)': \(reason)" }
}
