extension SortKeys {
    /// Whether a subject is a reply or forward (RFC 5256 §2.1, as THREAD=REFERENCES step 5 uses
    /// it): its base subject is derived by removing a `Re:`/`Fw:`/`Fwd:` leader (after any
    /// `[blob]`s), a `(fwd)` trailer or a `[fwd: ...]` wrapper.
    public static func isReplyOrForward(_ subject: String) -> Bool {
        // Fast path on bytes: a reply or forward starts with `Re`, `Fw` or `[`, or ends with `)`
        // or `]`; most subjects do neither, and the Character walk below is costly.
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        let bytes = subject.utf8
        guard let first = bytes.first(where: { !isBlank($0) }),
              let last = bytes.reversed().first(where: { !isBlank($0) }) else { return false }
        switch first {
        case UInt8(ascii: "r"), UInt8(ascii: "R"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "["): break
        default: guard last == UInt8(ascii: ")") || last == UInt8(ascii: "]") else { return false }
        }
        var s: [Character] = []
        s.reserveCapacity(bytes.count)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // ASCII (most subjects): a Character per byte, and White_Space is HT...CR and space;
            // asking Unicode properties of each Character was most of THREAD's per-row cost.
            for byte in bytes {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    if s.last != " " { s.append(" ") }
                } else {
                    s.append(Character(Unicode.Scalar(byte)))
                }
            }
        } else {
            for c in subject {
                if c.isWhitespace {
                    if s.last != " " { s.append(" ") }
                } else {
                    s.append(c)
                }
            }
        }
        while s.last == " " { s.removeLast() }
        while s.first == " " { s.removeFirst() }
        if s.count >= 5, String(s.suffix(5)).lowercased() == "(fwd)" { return true }
        if s.count >= 6, String(s.prefix(5)).lowercased() == "[fwd:", s.last == "]" { return true }
        return leaderEnd(s) != nil
    }
}
