import MaildexCore
import MaildexIMAPCodec
import Testing

private func sort(_ criteria: [SortCriterion], _ key: SearchKey, charset: String = "UTF-8", uid: Bool = false) -> IMAPCommandKind {
    .sort(criteria, SearchProgram(charset: charset, key: key), uid: uid)
}

private func by(_ key: SortCriterion.Key, reverse: Bool = false) -> SortCriterion { SortCriterion(key: key, reverse: reverse) }

// SORT and UID SORT (RFC 5256 §3, with RFC 5256 §4's examples), DISPLAYFROM/DISPLAYTO (RFC 5957).
@Test(arguments: [
    ParseFixture.ok("a SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994",
                    sort([by(.subject)], .internalDate(.since, IMAPDay(year: 1994, month: 2, day: 1)))),
    .ok("a SORT (SUBJECT REVERSE DATE) UTF-8 ALL", sort([by(.subject), by(.date, reverse: true)], .all)),
    .ok("a SORT (SUBJECT) US-ASCII TEXT \"not in mailbox\"", sort([by(.subject)], .text("not in mailbox"), charset: "US-ASCII")),
    .ok("a SORT (DISPLAYFROM) UTF-8 ALL", sort([by(.displayFrom)], .all)),
    .ok("a sort (reverse displayto arrival cc from size to) utf-8 all",
        sort([by(.displayTo, reverse: true), by(.arrival), by(.cc), by(.from), by(.size), by(.to)], .all)),
    .ok("a SORT (REVERSE ARRIVAL REVERSE SIZE) \"UTF-8\" UNSEEN FROM bob",
        sort([by(.arrival, reverse: true), by(.size, reverse: true)], .and([.flag(.seen, false), .header("FROM", "bob")]))),
    .ok("a SORT (DATE) KOI8-R ALL", sort([by(.date)], .all, charset: "KOI8-R")),
    .ok("a UID SORT (SUBJECT) UTF-8 UID 5:* OR SEEN FLAGGED",
        sort([by(.subject)], .and([.uid(set("5:*")), .or(.flag(.seen, true), .flag(.flagged, true))]), uid: true)),
    .ok("a SORT (SIZE) UTF-8 (1:3 SEEN)", sort([by(.size)], .and([.sequenceSet(set("1:3")), .flag(.seen, true)]))),
    .ok("a SORT (SIZE) UTF-8 ALL  ", sort([by(.size)], .all)),
    .bad("a SORT", "SORT: missing argument"),
    .bad("a SORT () UTF-8 ALL", "empty list"),
    .bad("a SORT SUBJECT UTF-8 ALL", "expected ( before sort criteria"),
    .bad("a SORT (SUBJECT) ALL", "missing argument"),  // ALL is taken as the charset
    .bad("a SORT (SUBJECT) UTF-8", "missing argument"),
    .bad("a SORT (SUBJECT)", "missing argument"),
    .bad("a SORT (THREAD) UTF-8 ALL", "unknown sort key THREAD"),
    .bad("a SORT (REVERSE) UTF-8 ALL", "missing sort key after REVERSE"),
    .bad("a SORT (REVERSE REVERSE DATE) UTF-8 ALL", "unknown sort key REVERSE"),
    .bad("a SORT (SUBJECT UTF-8 ALL", "unknown sort key UTF-8"),
    .bad("a SORT (SUBJECT) UTF-8 FROB", "unknown search key FROB"),
    .bad("a UID SORT (SUBJECT)", "UID SORT: missing argument"),
])
func parseSort(_ fixture: ParseFixture) {
    fixture.check()
}
