/// A mailbox (folder) name as users see it: Unicode, with `/` between hierarchy levels.
///
/// `INBOX` is case-insensitive (RFC 3501 §5.1) and always stored as `INBOX`. On disk a mailbox
/// is a Maildir++ folder (``maildirFolderName``): INBOX is the Maildir root, `Archive/2024` is
/// `.Archive.2024`, each level in modified UTF-7, as Dovecot lays it out. Because `.` separates
/// levels on disk, a level may not contain `.` (Dovecot has the same rule with `/` as separator).
public struct MailboxName: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The hierarchy separator shown to clients.
    public static let separator: Character = "/"
    /// The mailbox every user has.
    public static let inbox = MailboxName(validated: "INBOX")
    /// Longest accepted name, in UTF-8 bytes.
    public static let maximumLength = 512

    /// The normalised name (`INBOX` upper-cased, no trailing separator).
    public let rawValue: String

    private init(validated: String) { rawValue = validated }

    /// Validates `name`. A trailing `/` is dropped (it only announces children, RFC 3501 §6.3.3).
    /// Throws ``InvalidMailboxName`` naming the problem.
    public init(_ name: String) throws(InvalidMailboxName) {
        var name = name
        if name.count > 1, name.hasSuffix(String(Self.separator)) { name.removeLast() }
        guard !name.isEmpty else { throw InvalidMailboxName(name: name, reason: "empty name") }
        guard name.utf8.count <= Self.maximumLength else { throw InvalidMailboxName(name: name, reason: "longer than \(Self.maximumLength) bytes") }
        let levels = name.split(separator: Self.separator, omittingEmptySubsequences: false)
        for level in levels {
            guard !level.isEmpty else { throw InvalidMailboxName(name: name, reason: "empty hierarchy level") }
            for scalar in level.unicodeScalars {
                if scalar.value < 0x20 || scalar.value == 0x7F { throw InvalidMailboxName(name: name, reason: "control character") }
                if scalar == "." { throw InvalidMailboxName(name: name, reason: "'.' is not allowed (it separates levels on disk)") }
                if scalar == "*" || scalar == "%" { throw InvalidMailboxName(name: name, reason: "'\(scalar)' is a LIST wildcard") }
                if scalar == "\\" || scalar == "\"" { throw InvalidMailboxName(name: name, reason: "'\(scalar)' is not allowed") }
            }
            if level.hasPrefix("~") { throw InvalidMailboxName(name: name, reason: "a level may not start with '~'") }
        }
        if levels[0].uppercased() == "INBOX" {
            rawValue = (["INBOX"] + levels.dropFirst().map(String.init)).joined(separator: String(Self.separator))
        } else {
            rawValue = name
        }
    }

    /// Decodes a Maildir++ folder name (`.Archive.2024`, or `""` for INBOX).
    public init(maildirFolderName folder: String) throws(InvalidMailboxName) {
        if folder.isEmpty || folder == "." { self = .inbox; return }
        guard folder.hasPrefix(".") else { throw InvalidMailboxName(name: folder, reason: "Maildir++ folder names start with '.'") }
        let levels = folder.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        var decoded: [String] = []
        for level in levels {
            do { decoded.append(try ModifiedUTF7.decode(String(level))) } catch {
                decoded.append(String(level))
            }
        }
        try self.init(decoded.joined(separator: String(Self.separator)))
    }

    /// Decodes a name sent by an IMAP client in modified UTF-7 (RFC 3501 §5.1.3).
    public init(modifiedUTF7 encoded: String) throws(InvalidMailboxName) {
        let decoded: String
        do { decoded = try ModifiedUTF7.decode(encoded) } catch { throw InvalidMailboxName(name: encoded, reason: "invalid modified UTF-7") }
        try self.init(decoded)
    }

    public var isInbox: Bool { rawValue == "INBOX" }
    /// The hierarchy levels: `["Archive", "2024"]`.
    public var levels: [String] { rawValue.split(separator: Self.separator).map(String.init) }
    /// The parent mailbox, or nil at the top level.
    public var parent: MailboxName? {
        let l = levels
        guard l.count > 1 else { return nil }
        return MailboxName(validated: l.dropLast().joined(separator: String(Self.separator)))
    }
    /// Whether `self` is strictly below `other` in the hierarchy.
    public func isDescendant(of other: MailboxName) -> Bool { rawValue.hasPrefix(other.rawValue + String(Self.separator)) }
    /// The name in modified UTF-7, as IMAP4rev1 clients expect it.
    public var modifiedUTF7: String { levels.map(ModifiedUTF7.encode).joined(separator: String(Self.separator)) }
    /// The Maildir++ folder directory name: `""` for INBOX, `.Archive.2024` otherwise.
    public var maildirFolderName: String { isInbox ? "" : "." + levels.map(ModifiedUTF7.encode).joined(separator: ".") }

    /// Replaces the prefix `old` (a name or ancestor of self) with `new`; used by RENAME.
    public func replacingPrefix(_ old: MailboxName, with new: MailboxName) -> MailboxName {
        if self == old { return new }
        precondition(isDescendant(of: old), "replacingPrefix on a mailbox outside the renamed subtree")
        return MailboxName(validated: new.rawValue + rawValue.dropFirst(old.rawValue.count))
    }

    public var description: String { rawValue }
    public static func < (lhs: MailboxName, rhs: MailboxName) -> Bool {
        if lhs.isInbox != rhs.isInbox { return lhs.isInbox }
        return lhs.rawValue < rhs.rawValue
    }

    public init(from decoder: any Decoder) throws {
        self = try MailboxName(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A mailbox name that cannot be used, with the reason.
public struct InvalidMailboxName: Error, Equatable, CustomStringConvertible {
    public var name: String
    public var reason: String
    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
    public var description: String { "invalid mailbox name '\(name)': \(reason)" }
}
