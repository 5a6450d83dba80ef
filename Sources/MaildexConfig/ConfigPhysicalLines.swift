/// Splits a configuration file into logical lines: LF or CRLF ends a line, a trailing `\` joins the next line with
/// one space (Dovecot's "long lines"), and a UTF-8 byte order mark is ignored.
enum ConfigPhysicalLines {
    /// The logical lines with the 1-based number of the physical line each starts on.
    static func logicalLines(of text: String) -> [(line: [UInt8], number: Int)] {
        var bytes = Array(text.utf8)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var result: [(line: [UInt8], number: Int)] = []
        var pending: [UInt8] = []
        var pendingStart: Int?
        var number = 0
        for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            var line = raw
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            line = ConfigLine.trimmed(line)
            if pendingStart == nil, line.first == UInt8(ascii: "#") || line.isEmpty { continue }
            if line.last == UInt8(ascii: "\\") {
                pending += ConfigLine.trimmed(line.dropLast())
                pending.append(UInt8(ascii: " "))
                pendingStart = pendingStart ?? number
                continue
            }
            result.append((pending + line, pendingStart ?? number))
            pending = []
            pendingStart = nil
        }
        if let pendingStart { result.append((pending, pendingStart)) }
        return result
    }
}
