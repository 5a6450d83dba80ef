import Foundation
import Testing
import MaildexMIME

/// RFC 5322 §3.3 dates, obsolete forms (§4.3) and the damage real mailers do; nil for what is not a date.
@Test(arguments: [
    ("Mon, 7 Feb 1994 21:52:25 -0800", 760_686_745.0),
    ("Mon, 7 Feb 1994 21:52:25 -0800 (PST)", 760_686_745.0),
    ("7 Feb 1994 21:52:25 -0800", 760_686_745.0),
    ("Mon, 07 Feb 94 21:52:25 PST", 760_686_745.0),
    ("Mon, 7 Feb 1994 21:52 -0800", 760_686_720.0),
    ("Tue, 8 Feb 1994 05:52:25 GMT", 760_686_745.0),
    ("Tue, 8 Feb 1994 05:52:25 UT", 760_686_745.0),
    ("Tue, 8 Feb 1994 05:52:25", 760_686_745.0),
    ("Tue, 8 Feb 1994 05:52:25 Z", 760_686_745.0),
    ("Tue,  8 FEB 1994 05:52:25 +0000", 760_686_745.0),
    ("Sat, 16 Mar 2024 11:00 EST", 1_710_604_800.0),
    ("1 Apr 24 12:00 GMT", 1_711_972_800.0),
    ("1 Jan 1970 00:00:00 +0000", 0.0),
    ("29 Feb 2000 12:00:00 +0100", 951_822_000.0),
])
func messageDate(_ text: String, _ seconds: Double) {
    #expect(MessageDate.parse(text) == Date(timeIntervalSince1970: seconds))
}

@Test(arguments: ["", "not a date", "Mon, 7 Feb", "7 Feb 1994", "32 Feb 1994 10:00 +0000", "7 Feb 1994 25:00 +0000"])
func invalidMessageDate(_ text: String) {
    #expect(MessageDate.parse(text) == nil)
}
