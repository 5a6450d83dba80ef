import Foundation
import Testing
@testable import MaildexSessions

/// INTERNALDATE's `date-time` (RFC 3501 §9), worked out by arithmetic, agrees with Foundation's
/// Gregorian calendar in UTC.
struct IMAPDateTimeTests {
    @Test func aKnownDate() {
        #expect(IMAPResponseText.dateTime(Date(timeIntervalSince1970: 837_596_665)) == "\"17-Jul-1996 09:44:25 +0000\"")
        #expect(IMAPResponseText.dateTime(Date(timeIntervalSince1970: 0)) == "\" 1-Jan-1970 00:00:00 +0000\"")
        #expect(IMAPResponseText.dateTime(Date(timeIntervalSince1970: -1)) == "\"31-Dec-1969 23:59:59 +0000\"")
    }

    /// Every day from 1900 to 2101 (leap days, 1900 and 2100 that are not leap years, dates
    /// before 1970), each at a different time of day, against `Calendar.dateComponents`.
    @Test func everyDayFrom1900To2101AgreesWithTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let first = -25_567, last = 47_847   // 1900-01-01 and 2101-01-01, in days since 1970
        var mismatches: [String] = []
        for day in first...last {
            let seconds = day * 86_400 + ((day * 7_919) % 86_400 + 86_400) % 86_400
            let date = Date(timeIntervalSince1970: TimeInterval(seconds) + 0.75)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            func two(_ n: Int?, pad: String = "0") -> String { n! < 10 ? "\(pad)\(n!)" : "\(n!)" }
            let expected = "\"\(two(c.day, pad: " "))-\(months[c.month! - 1])-\(c.year!) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000\""
            let formatted = IMAPResponseText.dateTime(date)
            if formatted != expected, mismatches.count < 5 { mismatches.append("\(formatted) != \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func yearsAreFourDigitsAndDatesOutsideThemAreClamped() {
        // 0000-03-01, where the proleptic Gregorian count starts.
        #expect(IMAPResponseText.dateTime(Date(timeIntervalSince1970: -62_162_035_200)) == "\" 1-Mar-0000 00:00:00 +0000\"")
        #expect(IMAPResponseText.civilDate(daysSince1970: 11_016) == (2000, 2, 29))
        #expect(IMAPResponseText.dateTime(Date(timeIntervalSince1970: .infinity)) == "\" 1-Jan-1970 00:00:00 +0000\"")
        #expect(IMAPResponseText.dateTime(Date(timeIntervalSince1970: 1e300)) == "\"31-Dec-9999 23:59:59 +0000\"")
        #expect(IMAPResponseText.dateTime(Date(timeIntervalSince1970: -1e300)) == "\" 1-Jan-0000 00:00:00 +0000\"")
    }
}
