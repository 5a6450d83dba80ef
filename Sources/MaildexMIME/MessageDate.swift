public import Foundation

/// RFC 5322 §3.3 date-time parsing, tolerant of the obsolete forms (§4.3) and what real mailers write.
public enum MessageDate {
    /// date-time = [ day-of-week "," ] date time [CFWS] ; date = day month year ; time = hour ":" minute [ ":" second ] zone
    ///
    /// Accepts 2- and 3-digit years (obs-year), missing seconds, missing day names, named zones (`GMT`, `EST`,
    /// `PDT` …, military letters as +0000), a missing zone (UTC), comments and `.` as time separator.
    /// Returns nil when no day, month, year, hour and minute can be found.
    public static func parse(_ text: String) -> Date? {
        let cleaned = HeaderParameters.stripComments(text)
        var words: [Substring] = []
        for word in cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" || $0 == "\n" }) {
            words.append(word)
        }
        var day: Int?, month: Int?, year: Int?
        var hour: Int?, minute: Int?, second = 0
        var offset = 0
        for word in words {
            let lower = word.lowercased()
            if month == nil, let m = monthNumber(lower) {
                month = m
            } else if word.utf8.contains(UInt8(ascii: ":")) || (hour == nil && day != nil && year != nil && word.utf8.contains(UInt8(ascii: "."))) {
                let parts = word.split(whereSeparator: { $0 == ":" || $0 == "." }).map { Int($0) }
                guard parts.count >= 2, let h = parts[0], let m = parts[1] else { continue }
                hour = h
                minute = m
                if parts.count > 2, let s = parts[2] { second = s }
            } else if let first = word.first, first == "+" || first == "-", word.count == 5, let value = Int(word.dropFirst()) {
                offset = (first == "-" ? -1 : 1) * ((value / 100) * 3600 + (value % 100) * 60)
            } else if let number = Int(word) {
                if day == nil && number >= 1 && number <= 31 && word.count <= 2 && year == nil {
                    day = number
                } else if year == nil {
                    year = number
                } else if day == nil {
                    day = number
                }
            } else if let zone = namedZone(lower) {
                offset = zone
            }
        }
        guard let day, let month, var year, let hour, let minute else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }  // RFC 5322 §4.3
        guard (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else {
            return nil
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func monthNumber(_ word: String) -> Int? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return nil }
        return months.firstIndex(of: String(word.prefix(3))).map { $0 + 1 }
    }

    /// obs-zone (RFC 5322 §4.3); military zones are treated as +0000, as the RFC advises.
    private static func namedZone(_ word: String) -> Int? {
        let zones: [String: Int] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0,
            "edt": -4, "est": -5, "cdt": -5, "cst": -6, "mdt": -6, "mst": -7, "pdt": -7, "pst": -8,
            "cet": 1, "cest": 2, "bst": 1, "jst": 9,
        ]
        if let hours = zones[word] { return hours * 3600 }
        if word.count == 1, word.first?.isLetter == true { return 0 }
        return nil
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
