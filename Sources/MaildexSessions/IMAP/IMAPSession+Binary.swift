import MaildexIMAPCodec

extension IMAPSession {
    /// One `BINARY[part]<partial>` or `BINARY.SIZE[part]` item of a FETCH answer (RFC 3516 §4.2):
    /// the text up to the data and the data itself.
    ///
    /// ```
    /// C: a FETCH 1 (BINARY.SIZE[2] BINARY.PEEK[2]<0.4>)
    /// S: * 1 FETCH (BINARY.SIZE[2] 1024 BINARY[2]<0> {4}
    /// S: %PDF)
    /// ```
    ///
    /// The data is a `literal8` (`~{n}`) only when it holds a NUL, which a `literal` may not. A
    /// part whose Content-Transfer-Encoding is not 7bit, 8bit, binary, base64 or quoted-printable
    /// fails the FETCH with `NO [UNKNOWN-CTE]` (RFC 3516 §4.3).
    static func binaryItem(_ item: FetchItem, sections: inout MessageSections) throws(IMAPError) -> (head: String, data: [UInt8]) {
        let part: [Int]
        var partial: Partial? = nil
        switch item {
        case .binary(let p, _, let range): part = p; partial = range
        case .binarySize(let p): part = p
        default: return ("", [])
        }
        let spec = part.map(String.init).joined(separator: ".")
        var data: [UInt8]
        switch sections.binary(part) {
        case .data(let bytes): data = bytes
        case .unknownEncoding(let encoding):
            throw .no("Can't decode BINARY[\(spec)]: unknown Content-Transfer-Encoding \(encoding).", code: "UNKNOWN-CTE")
        }
        if case .binarySize = item { return ("BINARY.SIZE[\(spec)] \(data.count)", []) }
        var key = "BINARY[\(spec)]"
        if let partial {
            key += "<\(partial.offset)>"
            let start = min(data.count, Int(partial.offset))
            data = Array(data[start..<min(data.count, start + Int(partial.length))])
        }
        return ("\(key) \(data.contains(0) ? "~" : ""){\(data.count)}\r\n", data)
    }
}
