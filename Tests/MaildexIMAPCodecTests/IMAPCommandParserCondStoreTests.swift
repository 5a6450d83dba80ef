import MaildexCore
import MaildexIMAPCodec
import Testing

private func select(_ parameters: SelectParameters, readOnly: Bool = false) -> IMAPCommandKind {
    .select(mailbox: "INBOX", readOnly: readOnly, parameters: parameters)
}

private func qresync(_ uidValidity: UInt32, _ modSeq: UInt64, known: String? = nil, match: (String, String)? = nil) -> SelectParameters {
    SelectParameters(qresync: QResyncParameters(
        uidValidity: uidValidity, modSeq: modSeq, knownUIDs: known.map(set),
        sequenceMatch: match.map { QResyncParameters.SequenceMatch(sequenceNumbers: set($0.0), uids: set($0.1)) }))
}

// SELECT/EXAMINE parameters (RFC 7162 §3.1.8 CONDSTORE, §3.2.5 QRESYNC); the first lines are the
// RFC's own examples.
@Test(arguments: [
    ParseFixture.ok("a SELECT INBOX (CONDSTORE)", select(SelectParameters(condStore: true))),
    .ok("a SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))",
        select(qresync(67_890_007, 20_050_715_194_045_000, known: "41,43:211,214:541"))),
    .ok("a SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541))",
        select(qresync(67_890_007, 90_060_115_194_045_000, known: "41:211,214:541"))),
    .ok("a SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 "
        + "15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))",
        select(qresync(67_890_007, 90_060_115_194_045_000, known: "1:29997",
                       match: ("5000,7500,9000,9990:9999", "15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997")))),
    .ok("a EXAMINE INBOX (QRESYNC (1 2))", select(qresync(1, 2), readOnly: true)),
    .ok("a SELECT INBOX (QRESYNC (1 2 (3:4 7:8)))", select(qresync(1, 2, match: ("3:4", "7:8")))),
    .ok("a select INBOX (condstore qresync (1 9223372036854775807 5))",
        select(SelectParameters(condStore: true, qresync: QResyncParameters(uidValidity: 1, modSeq: 9_223_372_036_854_775_807, knownUIDs: set("5"))))),
    .bad("a SELECT INBOX (FROB)", "SELECT: unknown select parameter FROB"),
    .bad("a EXAMINE INBOX (CONDSTORE FROB 1)", "EXAMINE: unknown select parameter FROB"),
    .bad("a SELECT INBOX (CONDSTORE CONDSTORE)", "duplicate select parameter CONDSTORE"),
    .bad("a SELECT INBOX ()", "empty list"),
    .bad("a SELECT INBOX (CONDSTORE", "expected )"),
    .bad("a SELECT INBOX CONDSTORE", "expected ("),
    .bad("a SELECT INBOX (QRESYNC)", "expected SP after QRESYNC"),
    .bad("a SELECT INBOX (QRESYNC 1 2)", "expected ( after QRESYNC"),
    .bad("a SELECT INBOX (QRESYNC (1))", "expected SP after UIDVALIDITY"),
    .bad("a SELECT INBOX (QRESYNC (0 2))", "invalid UIDVALIDITY 0"),
    .bad("a SELECT INBOX (QRESYNC (4294967296 2))", "invalid UIDVALIDITY 4294967296"),
    .bad("a SELECT INBOX (QRESYNC (1 0))", "invalid mod-sequence 0"),
    .bad("a SELECT INBOX (QRESYNC (1 9223372036854775808))", "invalid mod-sequence 9223372036854775808"),
    .bad("a SELECT INBOX (QRESYNC (1 2 1:*))", "* is not allowed in known UIDs 1:*"),
    .bad("a SELECT INBOX (QRESYNC (1 2 1:5 (1:* 3:7)))", "* is not allowed in known sequence numbers"),
    .bad("a SELECT INBOX (QRESYNC (1 2 1:5 (1:5)))", "expected SP after the known sequence numbers"),
    .bad("a SELECT INBOX (QRESYNC (1 2 1:5 7))", "expected ( before the sequence match data"),
    .bad("a SELECT INBOX (QRESYNC (1 2 1:5 (1 2) 3))", "expected ) after the QRESYNC parameters"),
    .bad("a SELECT INBOX (QRESYNC (1 2 0:5))", "invalid sequence set 0:5"),
])
func selectParameters(_ fixture: ParseFixture) { fixture.check() }

private func fetch(_ numbers: String, _ items: [FetchItem], uid: Bool, changedSince: UInt64? = nil, vanished: Bool = false) -> IMAPCommandKind {
    .fetch(seq(numbers), items, uid: uid, modifiers: FetchModifiers(changedSince: changedSince, vanished: vanished))
}

// FETCH modifiers (RFC 7162 §3.1.4.1 CHANGEDSINCE, §3.2.6 VANISHED) and the MODSEQ item (§3.1.4.2).
@Test(arguments: [
    ParseFixture.ok("a FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)", fetch("1:*", [.flags], uid: false, changedSince: 12_345)),
    .ok("a UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)", fetch("1:*", [.flags], uid: true, changedSince: 12_345)),
    .ok("a UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)", fetch("300:500", [.flags], uid: true, changedSince: 12_345, vanished: true)),
    .ok("a uid fetch 1:* flags (vanished changedsince 9223372036854775807)",
        fetch("1:*", [.flags], uid: true, changedSince: 9_223_372_036_854_775_807, vanished: true)),
    .ok("a FETCH 1 FAST (CHANGEDSINCE 7)", fetch("1", [.flags, .internalDate, .rfc822Size], uid: false, changedSince: 7)),
    .ok("a FETCH 1:* (FLAGS) (CHANGEDSINCE 0)", fetch("1:*", [.flags], uid: false, changedSince: 0)),
    .ok("a FETCH 1 (FLAGS MODSEQ)", fetch("1", [.flags, .modSeq], uid: false)),
    .ok("a FETCH 1:3 (MODSEQ)", fetch("1:3", [.modSeq], uid: false)),
    .ok("a FETCH 1 MODSEQ (CHANGEDSINCE 5)", fetch("1", [.modSeq], uid: false, changedSince: 5)),
    .bad("a FETCH 1:* (FLAGS) (CHANGEDSINCE 12345 VANISHED)", "FETCH: VANISHED is allowed only in UID FETCH"),
    .bad("a UID FETCH 1:* (FLAGS) (VANISHED)", "UID FETCH: VANISHED requires CHANGEDSINCE"),
    .bad("a UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 CHANGEDSINCE 2)", "duplicate fetch modifier CHANGEDSINCE"),
    .bad("a FETCH 1 (FLAGS) (FROB 1)", "FETCH: unknown fetch modifier FROB"),
    .bad("a FETCH 1 (FLAGS) ()", "empty list"),
    .bad("a FETCH 1 (FLAGS) (CHANGEDSINCE)", "expected SP after CHANGEDSINCE"),
    .bad("a FETCH 1 (FLAGS) (CHANGEDSINCE x)", "invalid mod-sequence x"),
    .bad("a FETCH 1 (FLAGS) (CHANGEDSINCE 9223372036854775808)", "invalid mod-sequence 9223372036854775808"),
    .bad("a FETCH 1 (FLAGS) (CHANGEDSINCE 5", "expected )"),
    .bad("a FETCH 1 FLAGS UID", "unexpected UID after the fetch items"),
    .bad("a FETCH 1 (FLAGS) CHANGEDSINCE 5", "unexpected CHANGEDSINCE after the fetch items"),
])
func fetchModifiers(_ fixture: ParseFixture) { fixture.check() }

private func store(_ numbers: String, _ mode: StoreAction.Mode, silent: Bool, _ flags: [Flag], uid: Bool, unchangedSince: UInt64?) -> IMAPCommandKind {
    .store(seq(numbers), StoreAction(mode: mode, silent: silent, flags: flags, unchangedSince: unchangedSince), uid: uid)
}

// The STORE modifier (RFC 7162 §3.1.3): the RFC's examples, then mod-sequence-valzer's bounds.
@Test(arguments: [
    ParseFixture.ok("a STORE 1:* (UNCHANGEDSINCE 12345) +FLAGS (\\Seen)", store("1:*", .add, silent: false, [.seen], uid: false, unchangedSince: 12_345)),
    .ok("a UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)",
        store("6,4,8", .add, silent: true, [.deleted], uid: true, unchangedSince: 12_121_230_045)),
    .ok("a STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)",
        store("7,5,9", .add, silent: true, [.deleted], uid: false, unchangedSince: 320_162_338)),
    .ok("a STORE 1 (UNCHANGEDSINCE 0) FLAGS.SILENT (\\Seen)", store("1", .replace, silent: true, [.seen], uid: false, unchangedSince: 0)),
    .ok("a store 2 (unchangedsince 9223372036854775807) -flags \\answered",
        store("2", .remove, silent: false, [.answered], uid: false, unchangedSince: 9_223_372_036_854_775_807)),
    .ok("a STORE 1 +FLAGS (\\Seen)", store("1", .add, silent: false, [.seen], uid: false, unchangedSince: nil)),
    .bad("a STORE 1 (UNCHANGEDSINCE 1 UNCHANGEDSINCE 2) +FLAGS (\\Seen)", "duplicate store modifier UNCHANGEDSINCE"),
    .bad("a STORE 1 (FROB 5) +FLAGS (\\Seen)", "STORE: unknown store modifier FROB"),
    .bad("a STORE 1 () +FLAGS (\\Seen)", "empty list"),
    .bad("a STORE 1 (UNCHANGEDSINCE) +FLAGS (\\Seen)", "expected SP after UNCHANGEDSINCE"),
    .bad("a STORE 1 (UNCHANGEDSINCE -1) +FLAGS (\\Seen)", "invalid mod-sequence -1"),
    .bad("a STORE 1 (UNCHANGEDSINCE 9223372036854775808) +FLAGS (\\Seen)", "invalid mod-sequence"),
    .bad("a STORE 1 (UNCHANGEDSINCE 5)", "missing argument"),
    .bad("a STORE 1 (UNCHANGEDSINCE 5)+FLAGS (\\Seen)", "expected SP"),
    .bad("a STORE 1 +FLAGS (\\Seen) (UNCHANGEDSINCE 5)", "unexpected (UNCHANGEDSINCE"),
])
func storeModifiers(_ fixture: ParseFixture) { fixture.check() }
