/// A message's unique identifier within one mailbox and one ``UIDValidity`` (RFC 3501 §2.3.1.1).
/// UIDs are strictly ascending in arrival order and never reused.
public struct UID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ value: UInt32) { rawValue = value }
    public static let min = UID(1)
    public static let max = UID(UInt32.max)
    public static func < (a: UID, b: UID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
}

/// A mailbox's UIDVALIDITY: if it changes, clients must forget cached UIDs (RFC 3501 §2.3.1.1).
public struct UIDValidity: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ value: UInt32) { rawValue = value }
    public static func < (a: UIDValidity, b: UIDValidity) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
}

/// A modification sequence (RFC 7162): every change to a message's flags, and every expunge,
/// gets a new, higher value within the mailbox.
public struct ModSeq: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ value: UInt64) { rawValue = value }
    public static let zero = ModSeq(0)
    public static func < (a: ModSeq, b: ModSeq) -> Bool { a.rawValue < b.rawValue }
    public var next: ModSeq { ModSeq(rawValue + 1) }
    public var description: String { String(rawValue) }
}
