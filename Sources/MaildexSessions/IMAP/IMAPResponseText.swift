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

    /// `"17-Jul-1996 02:44:25 +0000"` (RFC 3501 §9 `date-time`), in UTC, in the proleptic
    /// Gregorian calendar. Worked out by arithmetic: FETCH formats one per message, and
    /// `Calendar.dateComponents` cost more than the rest of an INTERNALDATE item.
    static func dateTime(_ date: Date) -> String {
        // `date-year` is 4DIGIT: dates outside 0000-9999 are clamped (which also keeps Int() from trapping).
        let raw = date.timeIntervalSince1970
        let seconds = raw.isFinite ? Int(min(max(raw, -62_167_219_200), 253_402_300_799).rounded(.down)) : 0
        let (days, time) = (seconds.floorDivided(by: 86_400), seconds.floorModulo(86_400))
        let (year, month, day) = civilDate(daysSince1970: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let dayText = day < 10 ? " \(day)" : "\(day)"
        let yearText = String(repeating: "0", count: max(0, 4 - "\(year)".count)) + "\(year)"
        return "\"\(dayText)-\(months[month - 1])-\(yearText) \(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60)) +0000\""
    }

    /// Year, month (1-12) and day (1-31) of a day counted from 1970-01-01 (H. Hinnant's
    /// `civil_from_days`, proleptic Gregorian).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153   // March is 0
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The Gregorian calendar in UTC, built once: SEARCH days are UTC days.
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

private extension Int {
    func floorDivided(by divisor: Int) -> Int {
        let (q, r) = quotientAndRemainder(dividingBy: divisor)
        return r < 0 ? q - 1 : q
    }

    func floorModulo(_ divisor: Int) -> Int {
        let r = self % divisor
        return r < 0 ? r + divisor : r
    }
}
