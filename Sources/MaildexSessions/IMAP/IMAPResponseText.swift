import Foundation
import MaildexCore
import MaildexMIME

/// Pieces of IMAP response syntax (RFC 3501 §7, §9).
enum IMAPResponseText {
    /// `(\Seen \Flagged $Label1)`, with `\Recent` when asked.
    static func flagList(_ flags: Set<Flag>, recent: Bool = false) -> String {
        var names = flags.sorted().map(\.description)
        if recent { names.append("\\Recent") }
        return "(" + names.joined(separator: " ") + ")"
    }

    /// A mailbox name on the wire: modified UTF-7, always quoted (or a literal).
    static func mailbox(_ name: MailboxName) -> String {
        IMAPString.quotedOrLiteral(name.modifiedUTF7)
    }

    /// `"17-Jul-1996 02:44:25 +0000"` (RFC 3501 §9 `date-time`), in UTC.
    static func dateTime(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let day = c.day ?? 1
        return "\"\(day < 10 ? " \(day)" : "\(day)")-\(months[(c.month ?? 1) - 1])-\(c.year ?? 1970) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000\""
    }

    /// The Gregorian calendar in UTC, built once: INTERNALDATE is formatted per message, and
    /// SEARCH days are UTC days.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


    /// `1:3,7` from sorted numbers (for COPYUID/APPENDUID).
    static func set(_ numbers: [UInt32]) -> String {
        NumberSet(numbers).description
    }
}
