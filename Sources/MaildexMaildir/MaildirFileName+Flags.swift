import MaildexCore

extension MaildirFileName {
    /// The name `name` gets with `flags` and keyword letters: what
    /// `MaildirFileName(parsing: name)?.withFlags(flags, keywordIndexes:).description` gives,
    /// worked out on the bytes of the info part only, for STOREs over many messages.
    static func renaming(_ name: String, flags: Set<Flag>, keywordIndexes: [Int]) -> (name: String, hadInfo: Bool) {
        let bytes = Array(name.utf8)
        let colon = bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.count
        let info = bytes[min(colon + 1, bytes.count)...]
        let hadInfo = info.starts(with: [UInt8(ascii: "2"), UInt8(ascii: ",")])
        var present = [Bool](repeating: false, count: 128)
        if hadInfo {
            // Other programs' letters that are not flags here (such as `P`, passed) stay.
            for byte in info.dropFirst(2) where byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                && Flag(maildirLetter: Character(Unicode.Scalar(byte))) == nil {
                present[Int(byte)] = true
            }
        }
        for flag in flags { if let letter = flag.maildirLetter?.asciiValue { present[Int(letter)] = true } }
        for index in keywordIndexes where (0..<DovecotKeywords.maximumInFileNames).contains(index) { present[97 + index] = true }
        var out = Array(bytes[..<colon])
        out += [UInt8(ascii: ":"), UInt8(ascii: "2"), UInt8(ascii: ",")]
        for byte in 0..<128 where present[byte] { out.append(UInt8(byte)) }
        return (String(decoding: out, as: UTF8.self), hadInfo)
    }
}
