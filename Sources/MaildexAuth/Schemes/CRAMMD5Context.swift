import Glibc

/// The stored form of Dovecot's CRAM-MD5 (and HMAC-MD5) scheme: the two MD5 chaining states
/// after HMAC-MD5 (RFC 2104) has absorbed the outer and the inner padded key, so a server can
/// finish CRAM-MD5 (RFC 2195) without the cleartext. 32 bytes: outer A B C D, then inner
/// A B C D, each a little-endian 32-bit word. libcrypto does not expose MD5's chaining state,
/// hence the one compression function below.
enum CRAMMD5Context {
    static func make(password: [UInt8]) throws(CryptoFailure) -> [UInt8] {
        var key = password.count > 64 ? try Digest.hash(.md5, password) : password
        key += [UInt8](repeating: 0, count: 64 - key.count)
        var outer = MD5State()
        outer.compress(key.map { $0 ^ 0x5C })
        var inner = MD5State()
        inner.compress(key.map { $0 ^ 0x36 })
        return outer.littleEndianBytes + inner.littleEndianBytes
    }
}

/// MD5's chaining state (RFC 1321 §3.3) and its compression function (§3.4).
private struct MD5State {
    var words: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476]

    var littleEndianBytes: [UInt8] {
        words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
    }

    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]

    /// T[i] = floor(2^32 * abs(sin(i + 1))), RFC 1321 §3.4.
    private static let constants: [UInt32] = (0..<64).map { index in
        UInt32(truncatingIfNeeded: Int64((abs(sin(Double(index + 1))) * 4_294_967_296).rounded(.down)))
    }

    /// Absorbs one 64-byte block.
    mutating func compress(_ block: [UInt8]) {
        let m: [UInt32] = (0..<16).map { i in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(block[4 * i + $1]) << (8 * UInt32($1)) }
        }
        var (a, b, c, d) = (words[0], words[1], words[2], words[3])
        for i in 0..<64 {
            let f: UInt32
            let g: Int
            switch i {
            case 0..<16: (f, g) = ((b & c) | (~b & d), i)
            case 16..<32: (f, g) = ((d & b) | (~d & c), (5 * i + 1) % 16)
            case 32..<48: (f, g) = (b ^ c ^ d, (3 * i + 5) % 16)
            default: (f, g) = (c ^ (b | ~d), (7 * i) % 16)
            }
            let sum = a &+ f &+ Self.constants[i] &+ m[g]
            (a, d, c) = (d, c, b)
            b = b &+ (sum << Self.shifts[i] | sum >> (32 - Self.shifts[i]))
        }
        words[0] &+= a
        words[1] &+= b
        words[2] &+= c
        words[3] &+= d
    }
}
