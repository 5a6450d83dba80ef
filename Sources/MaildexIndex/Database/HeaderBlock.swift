/// Reads field values out of a raw RFC 5322 header block (§2.2, §2.2.3 unfolding).
enum HeaderBlock {
    /// The unfolded values of every field named `name` (case-insensitive), in order.
    static func values(named name: String, in block: String) -> [String] {
        let wanted = name.lowercased()
        var result: [String] = []
        var current: String?
        func flush() { if let value = current { result.append(value) }; current = nil }
        for line in block.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            if let first = line.first, first == " " || first == "\t" {
                current?.append(contentsOf: line)
                continue
            }
            flush()
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let fieldName = line[..<colon].trimmingSuffixSpaces().lowercased()
            if fieldName == wanted { current = String(line[line.index(after: colon)...]) }
        }
        flush()
        return result
    }
}

extension Substring {
    fileprivate func trimmingSuffixSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
