import MaildexCore
import MaildexIMAPCodec
import Testing

private func search(_ key: SearchKey, returning options: [SearchReturnOption]? = nil, uid: Bool = false) -> IMAPCommandKind {
    .search(SearchProgram(key: key, returnOptions: options), uid: uid)
}

// SEARCHRES (RFC 5182): RETURN (SAVE) and the `$` variable, from the RFC's examples (§3).
@Test(arguments: [
    ParseFixture.ok("a SEARCH RETURN (SAVE) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
                    search(.and([.flag(.flagged, true), .internalDate(.since, IMAPDay(year: 1994, month: 2, day: 1)), .not(.header("FROM", "Smith"))]),
                           returning: [.save])),
    .ok("a UID SEARCH RETURN (SAVE MIN MAX) UNSEEN", search(.flag(.seen, false), returning: [.save, .min, .max], uid: true)),
    .ok("a SEARCH RETURN (save) ALL", search(.all, returning: [.save])),
    .ok("a FETCH $ (UID INTERNALDATE FLAGS RFC822.SIZE)", .fetch(.lastResult, [.uid, .internalDate, .flags, .rfc822Size], uid: false, modifiers: FetchModifiers())),
    .ok("a UID FETCH $ FLAGS", .fetch(.lastResult, [.flags], uid: true, modifiers: FetchModifiers())),
    .ok("a STORE $ +FLAGS (\\Deleted)", .store(.lastResult, StoreAction(mode: .add, silent: false, flags: [.deleted]), uid: false)),
    .ok("a UID COPY $ \"other-mailbox\"", .copy(.lastResult, mailbox: "other-mailbox", uid: true)),
    .ok("a MOVE $ Trash", .move(.lastResult, mailbox: "Trash", uid: false)),
    .ok("a UID EXPUNGE $", .uidExpunge(.lastResult)),
    .ok("a UID EXPUNGE 3:5", .uidExpunge(seq("3:5"))),
    .ok("a SEARCH $", search(.lastResult)),
    .ok("a SEARCH UID $ SMALLER 4096", search(.and([.lastResult, .smaller(4096)]))),
    .ok("a SEARCH NOT $", search(.not(.lastResult))),
    .ok("a SEARCH OR $ 1:10", search(.or(.lastResult, .sequenceSet(set("1:10"))))),
    .ok("a SEARCH ($)", search(.lastResult)),
    .bad("a FETCH $,3 FLAGS", "FETCH: $ must stand alone"),
    .bad("a FETCH 1:$ FLAGS", "FETCH: the search result variable $ is not allowed here"),
    .bad("a SEARCH $:4", "SEARCH: $ must stand alone"),
    .bad("a STORE $$ +FLAGS (\\Seen)", "$ must stand alone"),
    .bad("a UID SEARCH RETURN (SAVE SAVED) ALL", "unknown return option SAVED"),
    .bad("a SELECT INBOX (QRESYNC (1 2 $))", "$ is not allowed here"),
])
func searchRes(_ fixture: ParseFixture) { fixture.check() }
