import MaildexCore
import MaildexIMAPCodec
import Testing

private func thread(_ algorithm: ThreadAlgorithm, _ key: SearchKey, charset: String = "UTF-8", uid: Bool = false) -> IMAPCommandKind {
    .thread(algorithm, SearchProgram(charset: charset, key: key), uid: uid)
}

// THREAD and UID THREAD (RFC 5256 §3, with §6's example).
@Test(arguments: [
    ParseFixture.ok("a THREAD ORDEREDSUBJECT UTF-8 ALL", thread(.orderedSubject, .all)),
    .ok("a THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000",
        thread(.orderedSubject, .internalDate(.since, IMAPDay(year: 2000, month: 3, day: 5)))),
    .ok("a UID THREAD REFERENCES US-ASCII SINCE 1-Jan-2024",
        thread(.references, .internalDate(.since, IMAPDay(year: 2024, month: 1, day: 1)), charset: "US-ASCII", uid: true)),
    .ok("a thread references utf-8 unseen from bob",
        thread(.references, .and([.flag(.seen, false), .header("FROM", "bob")]))),
    .ok("a THREAD REFERENCES \"UTF-8\" 1:3", thread(.references, .sequenceSet(set("1:3")))),
    .ok("a THREAD ORDEREDSUBJECT KOI8-R ALL", thread(.orderedSubject, .all, charset: "KOI8-R")),
    .ok("a THREAD REFERENCES UTF-8 ALL  ", thread(.references, .all)),
    .bad("a THREAD", "THREAD: missing argument"),
    .bad("a THREAD SUBJECT UTF-8 ALL", "unknown threading algorithm SUBJECT"),
    .bad("a THREAD REFS UTF-8 ALL", "unknown threading algorithm REFS"),
    .bad("a THREAD (REFERENCES) UTF-8 ALL", "threading algorithm"),
    .bad("a THREAD REFERENCES ALL", "missing argument"),  // ALL is taken as the charset
    .bad("a THREAD REFERENCES UTF-8", "missing argument"),
    .bad("a THREAD REFERENCES", "missing argument"),
    .bad("a THREAD REFERENCES UTF-8 FROB", "unknown search key FROB"),
    .bad("a UID THREAD ORDEREDSUBJECT", "UID THREAD: missing argument"),
])
func parseThread(_ fixture: ParseFixture) {
    fixture.check()
}

@Test func threadAlgorithmNames() {
    #expect(ThreadAlgorithm.allCases.map(\.rawValue) == ["ORDEREDSUBJECT", "REFERENCES"])
}
