#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 or IPv6 network as Dovecot's `login_trusted_networks` writes it: `10.0.0.0/8`,
/// `2001:db8::/32`, or a single address. IPv4-mapped IPv6 addresses (`::ffff:10.1.2.3`) are
/// matched as IPv4.
public struct IPNetwork: Sendable, Equatable, CustomStringConvertible {
    public let address: [UInt8]          // 4 or 16 bytes
    public let prefixLength: Int

    /// Parses `address[/prefix]`; nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let bytes = Self.bytes(of: String(parts[0])) else { return nil }
        let maximum = bytes.count * 8
        var prefix = maximum
        if parts.count == 2 {
            guard let p = Int(parts[1]), (0...maximum).contains(p) else { return nil }
            prefix = p
        }
        address = bytes
        prefixLength = prefix
    }

    /// Whether `address` (textual, as a socket reports it) lies in this network.
    public func contains(_ address: String) -> Bool {
        guard let other = Self.bytes(of: address), other.count == self.address.count else { return false }
        var bits = prefixLength
        for (a, b) in zip(self.address, other) where bits > 0 {
            let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if a & mask != b & mask { return false }
            bits -= 8
        }
        return true
    }

    public var description: String {
        let text: String
        if address.count == 4 {
            text = address.map(String.init).joined(separator: ".")
        } else {
            text = stride(from: 0, to: 16, by: 2).map { String(UInt16(address[$0]) << 8 | UInt16(address[$0 + 1]), radix: 16) }.joined(separator: ":")
        }
        return prefixLength == address.count * 8 ? text : "\(text)/\(prefixLength)"
    }

    /// 127.0.0.0/8 and ::1: connections from the machine itself.
    public static let loopback = [IPNetwork("127.0.0.0/8")!, IPNetwork("::1")!]

    /// The address bytes, IPv4-mapped IPv6 reduced to IPv4; nil when not an address.
    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: v4.s_addr) { Array($0) }
        }
        var v6 = in6_addr()
        var scoped = text
        if let percent = scoped.firstIndex(of: "%") { scoped = String(scoped[..<percent]) }   // fe80::1%eth0
        guard inet_pton(AF_INET6, scoped, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return Array(bytes[12...]) }
        return bytes
    }
}
