import Foundation
import MaildexCore

// APPEND (RFC 3501 §6.3.11, MULTIAPPEND RFC 3502), its flag lists and date-time.
extension IMAPParser {
    // append          = "APPEND" SP mailbox 1*append-message                (RFC 3502)
    // append-message  = append-opts SP append-data
    // append-opts     = [SP flag-list] [SP date-time]
    // append-data     = literal / literal8 / "UTF8" SP "(" literal8 ")"   (RFC 6855 §4)
    mutating func parseAppend() throws(IMAPParseError) -> IMAPCommandKind {
        let mailbox = try parseMailboxArgument()
        var messages: [AppendMessage] = []
        repeat {
            try expectSP()
            var message = AppendMessage(data: [])
            if peek == IMAPGrammar.openParen {
                message.flags = try parseFlagList()
                try expectSP()
            }
            if peek == IMAPGrammar.dquote {
                message.internalDate = try parseDateTime()
                try expectSP()
            }
            if consumeKeyword("UTF8") {
                message.data = try parseUTF8AppendData()
                message.utf8 = true
            } else {
                guard peek == IMAPGrammar.openBrace || peek == IMAPGrammar.tilde else {
                    throw error(atEnd ? "missing message literal" : "expected message literal\(found)")
                }
                message.data = try parseLiteral(allowLiteral8: true)
            }
            messages.append(message)
        } while hasMoreArguments
        return .append(mailbox: mailbox, messages: messages)
    }

    // flag-list       = "(" [flag *(SP flag)] ")"
    mutating func parseFlagList() throws(IMAPParseError) -> [Flag] {
        var flags: [Flag] = []
        try parseList { (p: inout IMAPParser) throws(IMAPParseError) in flags.append(try p.parseFlag()) }
        return flags
    }

    // flag            = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" / flag-keyword
    // flag-keyword    = atom        ; \Recent, \* and other \flags are refused in commands
    mutating func parseFlag() throws(IMAPParseError) -> Flag {
        let start = index
        _ = consume(IMAPGrammar.backslash)
        let name = take { IMAPGrammar.isAtomChar($0) || $0 == 0x2A }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard !name.isEmpty else { throw error(atEnd ? "missing flag" : "expected flag\(found)") }
        guard let flag = Flag(text) else { throw error("invalid flag \(text)") }
        return flag
    }

    // date-time       = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
    // date-day-fixed  = (SP DIGIT) / 2DIGIT
    // time            = 2DIGIT ":" 2DIGIT ":" 2DIGIT
    // zone            = ("+" / "-") 4DIGIT
    mutating func parseDateTime() throws(IMAPParseError) -> Date {
        let start = index
        let text = try parseQuoted()
        guard let date = Self.dateTime(text) else {
            throw error("invalid date-time \(excerpt(from: start, to: index))")
        }
        return date
    }

    static func dateTime(_ t: [UInt8]) -> Date? {
        guard t.count == 26, t[2] == 0x2D, t[6] == 0x2D, t[11] == 0x20, t[14] == 0x3A, t[17] == 0x3A,
              t[20] == 0x20, t[21] == 0x2B || t[21] == 0x2D else { return nil }
        let dayText = t[0] == 0x20 ? t[1..<2] : t[0..<2]
        guard let day = digits(dayText), let month = month(t[3..<6]), let year = digits(t[7..<11]),
              let hour = digits(t[12..<14]), let minute = digits(t[15..<17]), let second = digits(t[18..<20]),
              let zoneHours = digits(t[22..<24]), let zoneMinutes = digits(t[24..<26]),
              isValidDay(year: year, month: month, day: day), hour < 24, minute < 60, second < 61, zoneMinutes < 60
        else { return nil }
        let zone = (zoneHours * 60 + zoneMinutes) * 60 * (t[21] == 0x2D ? -1 : 1)
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - zone
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    // date            = date-text / DQUOTE date-text DQUOTE
    // date-text       = date-day "-" date-month "-" date-year
    // date-day        = 1*2DIGIT
    mutating func parseDate() throws(IMAPParseError) -> IMAPDay {
        let start = index
        let text: [UInt8]
        if peek == IMAPGrammar.dquote {
            text = try parseQuoted()
        } else {
            text = Array(take { IMAPGrammar.isAtomChar($0) })
        }
        let parts = text.split(separator: 0x2D, omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), parts[2].count == 4,
              let day = Self.digits(parts[0]), let month = Self.month(parts[1]), let year = Self.digits(parts[2]),
              Self.isValidDay(year: year, month: month, day: day)
        else {
            throw error(index == start ? "missing date" : "invalid date \(excerpt(from: start, to: index))")
        }
        return IMAPDay(year: year, month: month, day: day)
    }

    // MARK: - Calendar helpers

    static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    static func month(_ text: some Collection<UInt8>) -> Int? {
        guard text.count == 3 else { return nil }
        let upper = String(decoding: text, as: UTF8.self).uppercased()
        return months.firstIndex(of: upper).map { $0 + 1 }
    }

    static func digits(_ text: some Collection<UInt8>) -> Int? {
        guard !text.isEmpty, text.allSatisfy(IMAPGrammar.isDigit) else { return nil }
        return text.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    static func isValidDay(year: Int, month: Int, day: Int) -> Bool {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && day >= 1 && day <= lengths[month - 1]
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
