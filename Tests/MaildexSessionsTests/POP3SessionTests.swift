import Foundation
import MaildexAuth
import MaildexCore
import MaildexIndex
import MaildexSessions
import MaildexStore
import MaildexTesting
import Testing

@Suite struct POP3SessionTests {
    /// The whole RFC 1939 life cycle, and its effect on the store.
    @Test func happyPath() async throws {
        let fixture = try await POP3Fixture()
        let uids = try await fixture.deliverAll()
        let records = try await fixture.alice.messages(in: .inbox)
        let sizes = records.map(\.virtualSize)
        let validity = try await fixture.alice.open(.inbox).uidValidity
        let uidl = uids.map { POP3UIDL.dovecotDefault(uid: $0, uidValidity: validity) }
        #expect(sizes[1] == POP3Fixture.messages[1].utf8.count + 6)   // six bare LFs counted as CRLF

        let session = fixture.session()
        var t = POP3Transcript(session)
        await t.play("""
            S: +OK Maildex POP3 ready
            C: CAPA
            S: +OK Capability list follows
            S: CAPA
            S: TOP
            S: UIDL
            S: RESP-CODES
            S: PIPELINING
            S: AUTH-RESP-CODE
            S: USER
            S: SASL PLAIN LOGIN
            S: IMPLEMENTATION Maildex
            S: .
            C: USER alice
            S: +OK
            C: PASS secret
            S: +OK Logged in.
            C: STAT
            S: +OK 3 \(sizes.reduce(0, +))
            C: LIST
            S: +OK 3 messages:
            S: 1 \(sizes[0])
            S: 2 \(sizes[1])
            S: 3 \(sizes[2])
            S: .
            C: LIST 2
            S: +OK 2 \(sizes[1])
            C: UIDL
            S: +OK
            S: 1 \(uidl[0])
            S: 2 \(uidl[1])
            S: 3 \(uidl[2])
            S: .
            C: UIDL 3
            S: +OK 3 \(uidl[2])
            C: NOOP
            S: +OK
            """)

        let retr = await POP3Bytes(session, "RETR 2")
        #expect(String(decoding: retr, as: UTF8.self) == """
            +OK \(sizes[1]) octets\r
            From: Carol <carol@example.org>\r
            Subject: dots\r
            \r
            ..\r
            ...two dots\r
            ..one dot\r
            last line without newline\r
            .\r\n
            """)
        let retr1 = await POP3Bytes(session, "RETR 1")
        #expect(retr1 == Array("+OK \(sizes[0]) octets\r\n\(POP3Fixture.messages[0]).\r\n".utf8))
        let top = await POP3Bytes(session, "TOP 3 2")
        #expect(top == Array("+OK\r\nSubject: three\r\n\r\nline 1\r\nline 2\r\n.\r\n".utf8))
        let top0 = await POP3Bytes(session, "TOP 2 0")
        #expect(top0 == Array("+OK\r\nFrom: Carol <carol@example.org>\r\nSubject: dots\r\n\r\n.\r\n".utf8))

        await t.play("""
            C: DELE 1
            S: +OK Marked to be deleted.
            C: DELE 1
            S: -ERR Message is deleted.
            C: LIST 1
            S: -ERR Message is deleted.
            C: RETR 1
            S: -ERR Message is deleted.
            C: STAT
            S: +OK 2 \(sizes[1] + sizes[2])
            C: LIST
            S: +OK 2 messages:
            S: 2 \(sizes[1])
            S: 3 \(sizes[2])
            S: .
            C: RSET
            S: +OK
            C: STAT
            S: +OK 3 \(sizes.reduce(0, +))
            C: DELE 1
            S: +OK Marked to be deleted.
            C: DELE 3
            S: +OK Marked to be deleted.
            C: RETR 2
            S: +OK \(sizes[1]) octets
            S: *
            S: *
            S: *
            S: ..
            S: ...two dots
            S: ..one dot
            S: last line without newline
            S: .
            C: RETR 9
            S: -ERR There's no message 9.
            """)
        #expect(try await fixture.inboxUIDs() == uids, "nothing is deleted before QUIT")
        await t.play("""
            C: QUIT
            S: +OK Logging out.
            S: <close>
            C: NOOP
            """)
        let left = try await fixture.alice.messages(in: .inbox)
        #expect(left.map(\.uid) == [uids[1]])
        #expect(left.first?.flags.contains(.seen) == true, "RETR marks \\Seen at QUIT, as Dovecot does")
        #expect(try await fixture.alice.uids(sequenceSet: NumberSet(1...10), in: .inbox) == [uids[1]])
    }

    @Test func quitInAuthorizationCloses() async throws {
        let fixture = try await POP3Fixture()
        var t = POP3Transcript(fixture.session())
        await t.play("""
            S: +OK Maildex POP3 ready
            C: QUIT
            S: +OK Logging out.
            S: <close>
            C: USER alice
            """)
    }

    @Test func disconnectWithoutQuitChangesNothing() async throws {
        let fixture = try await POP3Fixture()
        let uids = try await fixture.deliverAll()
        let session = fixture.session()
        var t = POP3Transcript(session)
        await t.play("""
            C: USER alice
            S: +OK
            C: PASS secret
            S: +OK Logged in.
            C: DELE 1
            S: +OK Marked to be deleted.
            C: RETR 2
            S: +OK * octets
            S: *
            S: *
            S: *
            S: *
            S: *
            S: *
            S: *
            S: .
            """)
        await session.closed()
        #expect(await session.receive(Array("QUIT".utf8)).isEmpty)
        let left = try await fixture.alice.messages(in: .inbox)
        #expect(left.map(\.uid) == uids)
        #expect(left.allSatisfy { !$0.flags.contains(.seen) })
    }

    /// RFC 1939 §4: numbers and sizes are those of login time, whatever IMAP or LMTP do meanwhile.
    @Test func snapshotIsolation() async throws {
        let fixture = try await POP3Fixture()
        let uids = try await fixture.deliverAll()
        let sizes = try await fixture.alice.messages(in: .inbox).map(\.virtualSize)
        var t = POP3Transcript(fixture.session())
        await t.play("""
            C: USER alice
            S: +OK
            C: PASS secret
            S: +OK Logged in.
            """)
        let late = try await fixture.alice.deliver(Array("Subject: late\r\n\r\nlate\r\n".utf8))
        try await fixture.alice.expunge([uids[0]], in: .inbox)
        await t.play("""
            C: STAT
            S: +OK 3 \(sizes.reduce(0, +))
            C: LIST 1
            S: +OK 1 \(sizes[0])
            C: LIST 4
            S: -ERR There's no message 4.
            C: RETR 1
            S: -ERR Message 1 no longer exists.
            C: TOP 1 0
            S: -ERR Message 1 no longer exists.
            C: DELE 1
            S: +OK Marked to be deleted.
            C: DELE 2
            S: +OK Marked to be deleted.
            C: QUIT
            S: +OK Logging out.
            S: <close>
            """)
        #expect(try await fixture.inboxUIDs() == [uids[2], late])
    }

    /// Dovecot's `%08Xu%08Xv`: a Maildir migrated from Dovecot keeps its UIDLs.
    @Test func uidlOfMigratedDovecotMaildir() async throws {
        let fixture = try await POP3Fixture()
        let home = fixture.dir.path("dora")
        let maildir = home + "/Maildir"
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true)
        }
        let name = "1700000000.M1P1Q1.oldhost"
        try Data("Subject: migrated\n\nhi\n".utf8).write(to: URL(fileURLWithPath: "\(maildir)/cur/\(name):2,"))
        try Data("3 V1700000000 N43\n42 :\(name)\n".utf8).write(to: URL(fileURLWithPath: "\(maildir)/dovecot-uidlist"))
        try await fixture.store.addUser(Username("dora"), passwordHash: "{PLAIN}pw", home: home)

        #expect(POP3UIDL.dovecotDefault(uid: UID(42), uidValidity: UIDValidity(1_700_000_000)) == "0000002A6553F100")
        var t = POP3Transcript(fixture.session())
        await t.play("""
            C: USER dora
            S: +OK
            C: PASS pw
            S: +OK Logged in.
            C: UIDL
            S: +OK
            S: 1 0000002A6553F100
            S: .
            C: LIST
            S: +OK 1 messages:
            S: 1 25
            S: .
            """)
    }

    @Test(arguments: [
        POP3UIDLCase(uid: 1, validity: 1, uidl: "0000000100000001"),
        POP3UIDLCase(uid: 0xFFFF_FFFF, validity: 0xABCDEF, uidl: "FFFFFFFF00ABCDEF"),
        POP3UIDLCase(uid: 255, validity: 1_700_000_000, uidl: "000000FF6553F100"),
    ])
    func uidlFormat(_ c: POP3UIDLCase) {
        #expect(POP3UIDL.dovecotDefault(uid: UID(c.uid), uidValidity: UIDValidity(c.validity)) == c.uidl)
    }
}

struct POP3UIDLCase: Sendable {
    let uid: UInt32, validity: UInt32, uidl: String
}
