import MaildexCore

/// The mbox bookkeeping headers: their flags are read, and they are removed from the message,
/// as Dovecot's mbox storage hides them (`mbox_hide_headers` in `mbox-storage.c`).
enum MboxHeaders {
    static let hidden: Set<String> = ["content-length", "status", "x-imap", "x-imapbase", "x-keywords", "x-status", "x-uid"]

    /// Removes the hidden header fields (with their continuation lines) from the header
    /// section of `message` and returns the flags they carried.
    static func extractFlags(_ message: inout [UInt8]) -> Set<Flag> {
        var flags: Set<Flag> = []
        var output: [UInt8] = []
        output.reserveCapacity(message.count)
        var index = 0
        var dropping = false
        while index < message.count {
            let end = (message[index...].firstIndex(of: 0x0A)).map { $0 + 1 } ?? message.count
            let line = message[index..<end]
            if isBlank(line) {
                output.append(contentsOf: message[index...])  // the body, untouched
                break
            }
            let continuation = line.first == 0x20 || line.first == 0x09
            if !continuation {
                let name = line.prefix(while: { $0 != 0x3A })
                let field = String(decoding: name, as: UTF8.self).lowercased()
                dropping = name.count < line.count && hidden.contains(field)
                if dropping {
                    let value = String(decoding: line[(line.startIndex + name.count + 1)...], as: UTF8.self)
                    flags.formUnion(self.flags(field: field, value: value))
                }
            }
            if !dropping { output.append(contentsOf: line) }
            index = end
        }
        message = output
        return flags
    }

    static func flags(field: String, value: String) -> Set<Flag> {
        switch field {
        case "status":
            return value.contains("R") ? [.seen] : []
        case "x-status":
            var flags: Set<Flag> = []
            if value.contains("A") { flags.insert(.answered) }
            if value.contains("F") { flags.insert(.flagged) }
            if value.contains("T") { flags.insert(.draft) }
            if value.contains("D") { flags.insert(.deleted) }
            return flags
        case "x-keywords":
            return Set(value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\r" || $0 == "\n" })
                .compactMap { Flag(String($0)) }.filter(\.isKeyword))
        default:
            return []
        }
    }

    /// An empty line: `\n`, `\r\n` (or nothing).
    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x0A || $0 == 0x0D }
    }
}
