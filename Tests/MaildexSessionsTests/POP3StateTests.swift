import MaildexSessions
import Testing

/// Every command in the state where RFC 1939 does not allow it, and the limits on bad input.
@Suite struct POP3StateTests {
    @Test(arguments: ["STAT", "LIST", "LIST 1", "UIDL", "UIDL 1", "RETR 1", "TOP 1 1", "DELE 1", "RSET", "NOOP"])
    func transactionCommandsBeforeLogin(_ line: String) async throws {
        let fixture = try await POP3Fixture()
        let name = String(line.prefix { $0 != " " })
        var t = POP3Transcript(fixture.session())
        await t.play("""
            C: \(line)
            S: -ERR \(name) is not valid in AUTHORIZATION state.
            """)
    }

    @Test(arguments: ["USER alice", "PASS secret", "AUTH PLAIN", "AUTH", "STLS"])
    func authorizationCommandsAfterLogin(_ line: String) async throws {
        let fixture = try await POP3Fixture()
        let name = String(line.prefix { $0 != " " })
        var t = POP3Transcript(fixture.session(canStartTLS: true))
        await t.play("""
            C: USER alice
            S: +OK
            C: PASS secret
            S: +OK Logged in.
            C: \(line)
            S: -ERR \(name) is not valid in TRANSACTION state.
            C: STAT
            S: +OK 0 0
            """)
    }

    @Test func badArgumentsAndUnknownCommands() async throws {
        let fixture = try await POP3Fixture()
        var t = POP3Transcript(fixture.session())
        await t.play("""
            C: XTND XMIT
            S: -ERR Unknown command.
            C: APOP alice 0123456789abcdef
            S: -ERR APOP is not supported.
            C: USER
            S: -ERR USER: Missing argument.
            C: USER alice
            S: +OK
            C: PASS secret
            S: +OK Logged in.
            C: RETR x
            S: -ERR Invalid message number: x
            C: RETR 0
            S: -ERR Invalid message number: 0
            C: STAT now
            S: -ERR STAT: Noise after the arguments.
            C: TOP 1
            S: -ERR TOP: Missing argument.
            """)
        let tooLong = await fixture.session().receiveTooLong()
        #expect(POP3Transcript.lines(tooLong) == ["-ERR Line too long."])
    }

    @Test func tooManyBadCommandsClose() async throws {
        let fixture = try await POP3Fixture()
        let session = fixture.session()
        var t = POP3Transcript(session)
        for _ in 1..<POP3Session.badCommandLimit {
            await t.play("""
                C: BOGUS
                S: -ERR Unknown command.
                """)
        }
        await t.play("""
            C: BOGUS
            S: -ERR Unknown command.
            S: -ERR Too many bad commands.
            S: <close>
            C: USER alice
            """)
    }

    @Test func tooLongLineAbortsAnAuthExchange() async throws {
        let fixture = try await POP3Fixture()
        let session = fixture.session()
        var t = POP3Transcript(session)
        await t.play("""
            C: AUTH PLAIN
            S: +*
            """)
        #expect(POP3Transcript.lines(await session.receiveTooLong()) == ["-ERR Line too long."])
        await t.play("""
            C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
            S: +OK Logged in.
            """)
        #expect(session.maximumLineLength == 8_192)
    }

    @Test func transcriptWildcards() {
        #expect(POP3Transcript.matches("+OK 3 420", "+OK 3 *"))
        #expect(POP3Transcript.matches("+ ", "+*"))
        #expect(POP3Transcript.matches("abc", "*"))
        #expect(!POP3Transcript.matches("+OK", "-ERR*"))
        #expect(!POP3Transcript.matches("+OK 3", "+OK 3 *"))
    }
}
