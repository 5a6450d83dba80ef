/// Content-Transfer-Encoding decoding (RFC 2045 §6), tolerant of the damage real mail has.
enum TransferEncoding {
    /// The body bytes with `encoding` (`base64`, `quoted-printable`; anything else is identity) removed.
    static func decode(_ bytes: ArraySlice<UInt8>, encoding: String) -> [UInt8] {
        switch encoding.lowercased() {
        case "base64": return base64(bytes)
        case "quoted-printable": return quotedPrintable(bytes, underscoreIsSpace: false)
        default: return Array(bytes)
        }
    }

    /// RFC 2045 §6.8. Characters outside the alphabet (line breaks, junk) are skipped; decoding stops at padding.
    static func base64(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="): if bits > 0 { return out } else { continue }
            default: continue
            }
            accumulator = (accumulator << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }

    /// RFC 2045 §6.7 (and RFC 2047 §4.2 "Q", where `_` is a space). Invalid `=` sequences are kept literally.
    static func quotedPrintable(_ bytes: some Collection<UInt8>, underscoreIsSpace: Bool) -> [UInt8] {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "=") {
                if index + 2 < input.count + 0, let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                    out.append(high << 4 | low)
                    index += 3
                    continue
                }
                // Soft line break: "=" then optional whitespace, then (CR)LF.
                var look = index + 1
                while look < input.count && input[look].isLineWhitespace { look += 1 }
                if look < input.count && input[look] == .cr { look += 1 }
                if look < input.count && input[look] == .lf {
                    index = look + 1
                    continue
                }
                if look >= input.count { break }
                out.append(byte)
            } else if byte == UInt8(ascii: "_") && underscoreIsSpace {
                out.append(.space)
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
