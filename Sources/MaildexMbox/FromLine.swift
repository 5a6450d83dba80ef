import Foundation

/// An mbox separator line: `From <sender> <asctime date>`, as in
/// `From MAILER-DAEMON Thu Nov 29 04:48:14 2026` (RFC 4155, mutt's `is_from`).
///
/// Parsing is tolerant like mutt and Dovecot: the sender may be missing or contain spaces,
/// a time zone may sit before or after the year (`PST 1996`, `2026 +0100`), seconds are
/// optional, and anything may follow (`remote from x`). But a weekday, a month, a day, a time
/// and a year must be there, so that a body line such as `From here on…` is no separator.
struct FromLine: Equatable {
    var sender: String?
    var date: Date

    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Parses a line without its line ending; nil when it is not a From_ line.
    init?(_ line: ArraySlice<UInt8>) {
        guard line.starts(with: Self.prefix) else { return nil }
        let text = String(decoding: line.dropFirst(5), as: UTF8.self)
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        for i in tokens.indices where tokens.count - i >= 5 {
            guard Self.weekdays.contains(tokens[i].lowercased()),
                  let date = Self.date(tokens[(i + 1)...]) else { continue }
            sender = i == 0 ? nil : tokens[..<i].joined(separator: " ")
            self.date = date
            return
        }
        return nil
    }

    static let prefix = Array("From ".utf8)

    // date = month SP day SP time [SP zone] SP year [SP zone]
    private static func date(_ tokens: ArraySlice<Substring>) -> Date? {
        var tokens = tokens
        guard let monthToken = tokens.popFirst(), let month = months.firstIndex(of: monthToken.lowercased()),
              let dayToken = tokens.popFirst(), let day = Int(dayToken), (1...31).contains(day),
              let timeToken = tokens.popFirst() else { return nil }
        let clock = timeToken.split(separator: ":").map { Int($0) }
        guard clock.count == 2 || clock.count == 3, !clock.contains(nil) else { return nil }
        let hour = clock[0]!, minute = clock[1]!, second = clock.count == 3 ? clock[2]! : 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        var offset = 0, year: Int?
        let rest = Array(tokens)
        var index = 0
        while year == nil, index < min(rest.count, 3) {
            let token = rest[index]
            index += 1
            if token.count == 4, let value = Int(token), value >= 1900 {
                year = value
                if index < rest.count, let zone = numericZone(rest[index]) { offset = zone }
            } else if let zone = numericZone(token) {
                offset = zone
            } else if !token.allSatisfy(\.isLetter) || token.count > 5 {
                return nil  // zone names such as PST or GMT are skipped and read as UTC
            }
        }
        guard let year else { return nil }
        guard day <= daysIn(month: month + 1, year: year) else { return nil }
        let seconds = daysFromCivil(year: year, month: month + 1, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds - offset))
    }

    private static func numericZone(_ token: Substring) -> Int? {
        guard token.count == 5, let sign = token.first, sign == "+" || sign == "-",
              let value = Int(token.dropFirst()) else { return nil }
        let seconds = (value / 100) * 3600 + (value % 100) * 60
        return sign == "-" ? -seconds : seconds
    }

    // Calendar arithmetic by hand (Howard Hinnant's civil-date algorithms): Foundation's
    // Calendar is slow on Linux, and an import parses one date per message.

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day count since 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `Thu Nov 29 04:48:14 2026` (asctime, UTC, the day padded with a space).
    static func asctime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let monthName = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let paddedDay = day < 10 ? " \(day)" : "\(day)"
        return "\(weekday) \(monthName) \(paddedDay) \(two(time / 3600)):\(two(time % 3600 / 60)):\(two(time % 60)) \(year)"
    }
}
