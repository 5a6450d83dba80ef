#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The subjectAltName entries of a new request or certificate (RFC 5280 §4.2.1.6):
/// DNS names (A-labels, optionally with a `*.` wildcard as the whole leftmost label) and IP addresses.
struct SubjectAlternativeNames: Equatable {
    enum Entry: Equatable {
        case dns(String)
        case ip(String)
    }

    var entries: [Entry] = []

    /// The common name first when it looks like a host name or an address, then `names`,
    /// without case-insensitive duplicates.
    ///
    /// - Throws: ``InvalidAlternativeName`` for an entry of `names` that is neither.
    init(commonName: String, names: [String]) throws {
        if let entry = Self.entry(for: commonName) { append(entry) }
        for name in names {
            guard let entry = Self.entry(for: name) else {
                throw InvalidAlternativeName(name: name, reason: Self.hostNameProblem(name) ?? "not a host name or IP address")
            }
            append(entry)
        }
    }

    /// The value for libcrypto's extension configuration syntax: `DNS:mail.example.com,IP:192.0.2.1`.
    var configValue: String {
        entries.map { entry in
            switch entry {
            case .dns(let name): "DNS:\(name)"
            case .ip(let address): "IP:\(address)"
            }
        }.joined(separator: ",")
    }

    private mutating func append(_ entry: Entry) {
        let lowered: (Entry) -> Entry = {
            switch $0 {
            case .dns(let name): .dns(name.lowercased())
            case .ip(let address): .ip(address.lowercased())
            }
        }
        if !entries.contains(where: { lowered($0) == lowered(entry) }) { entries.append(entry) }
    }

    static func entry(for name: String) -> Entry? {
        if isIPAddress(name) { return .ip(name) }
        if hostNameProblem(name) == nil { return .dns(name) }
        return nil
    }

    static func isIPAddress(_ text: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(AF_INET, text, &buffer) == 1 || inet_pton(AF_INET6, text, &buffer) == 1
    }

    /// Why `name` is not a DNS host name (RFC 1123 §2.1 labels, RFC 6125 §6.4.3 wildcard), or nil.
    static func hostNameProblem(_ name: String) -> String? {
        guard !name.isEmpty else { return "empty name" }
        guard name.utf8.count <= 253 else { return "longer than 253 characters" }
        guard name.unicodeScalars.allSatisfy(\.isASCII) else { return "not ASCII; use the IDNA A-label (xn--…) form" }
        var labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if labels.first == "*" {
            labels.removeFirst()
            guard labels.count >= 2 else { return "a wildcard needs at least two labels after \"*.\"" }
        }
        for label in labels {
            guard !label.isEmpty else { return "empty label" }
            guard label.utf8.count <= 63 else { return "label longer than 63 characters" }
            guard label.utf8.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }) else {
                return "only letters, digits, \"-\" and a leading \"*.\" are allowed"
            }
            guard label.first != "-", label.last != "-" else { return "a label must not start or end with \"-\"" }
        }
        return nil
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
