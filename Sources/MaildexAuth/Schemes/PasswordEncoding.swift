import Foundation

/// How a scheme's raw bytes are written after `{SCHEME}`: as they are, base64 or hex
/// (Dovecot's `.b64`/`.base64` and `.hex` scheme suffixes choose one explicitly).
enum PasswordEncoding: Sendable {
    case none, base64, hex

    init?(suffix: String) {
        switch suffix.lowercased() {
        case "b64", "base64": self = .base64
        case "hex": self = .hex
        default: return nil
        }
    }

    func encode(_ raw: [UInt8]) -> String {
        switch self {
        case .none: String(decoding: raw, as: UTF8.self)
        case .base64: Data(raw).base64EncodedString()
        case .hex: raw.map { String(format: "%02x", $0) }.joined()
        }
    }

    /// The raw bytes, or `nil` when `text` is not valid in this encoding.
    func decode(_ text: String) -> [UInt8]? {
        switch self {
        case .none: Array(text.utf8)
        case .base64: Data(base64Encoded: text).map { Array($0) }
        case .hex: Self.decodeHex(text)
        }
    }

    private static func decodeHex(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
