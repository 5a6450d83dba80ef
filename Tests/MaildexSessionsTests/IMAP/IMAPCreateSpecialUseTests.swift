import MaildexSessions
import Testing

// CREATE-SPECIAL-USE (RFC 6154 §3, the example of §5.3).
@Suite struct IMAPCreateSpecialUseTests {
    @Test func createWithUse() async throws {
        let f = try await POP3Fixture()
        var t = IMAPTranscript(f.imapSession())
        await t.play("""
            C: a LOGIN alice secret
            S: a OK [CAPABILITY *SPECIAL-USE*CREATE-SPECIAL-USE*] Logged in
            C: t1 CREATE MySpecial (USE (\\Drafts \\Sent))
            S: t1 OK Create completed.
            C: t2 LIST "" MySpecial
            S: * LIST (\\HasNoChildren \\Drafts \\Sent) "/" "MySpecial"
            S: t2 OK List completed.
            C: t3 CREATE Everything (USE (\\All))
            S: t3 NO [USEATTR] \\All is not supported for a new mailbox.
            C: t4 CREATE Other (USE (\\Frobnicate))
            S: t4 NO [USEATTR] \\Frobnicate is not supported for a new mailbox.
            C: t5 LIST "" "%"
            S: * LIST (\\HasNoChildren) "/" "INBOX"
            S: * LIST (\\HasNoChildren \\Archive) "/" "Archive"
            S: * LIST (\\HasNoChildren \\Drafts) "/" "Drafts"
            S: * LIST (\\HasNoChildren \\Junk) "/" "Junk"
            S: * LIST (\\HasNoChildren \\Drafts \\Sent) "/" "MySpecial"
            S: * LIST (\\HasNoChildren \\Sent) "/" "Sent"
            S: * LIST (\\HasNoChildren \\Trash) "/" "Trash"
            S: t5 OK List completed.
            C: t6 CREATE Old/Stuff (use (\\archive))
            S: t6 OK Create completed.
            C: t7 LIST (SPECIAL-USE) "" "Old*"
            S: * LIST (\\HasNoChildren \\Archive) "/" "Old/Stuff"
            S: t7 OK List completed.
            C: t8 CREATE Plain (USE ())
            S: t8 OK Create completed.
            C: t9 LIST "" Plain
            S: * LIST (\\HasNoChildren) "/" "Plain"
            S: t9 OK List completed.
            """)
    }
}
