import MaildexAuth
import MaildexCore
import MaildexSessions
import MaildexStore
import Testing

@Suite struct POP3AuthenticationTests {
    @Test func authPlainWithInitialResponse() async throws {
        let fixture = try await POP3Fixture()
        try await fixture.deliverAll()
        var t = POP3Transcript(fixture.session())
        await t.play("""
            C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
            S: +OK Logged in.
            C: STAT
            S: +OK 3 *
            """)
    }

    @Test func authPlainThroughContinuation() async throws {
        let fixture = try await POP3Fixture()
        var t = POP3Transcript(fixture.session())
        await t.play("""
            C: auth plain
            S: +*
            C: AGFsaWNlAHNlY3JldA==
            S: +OK Logged in.
            C: STAT
            S: +OK 0 0
            """)
    }

    @Test func authLogin() async throws {
        let fixture = try await POP3Fixture()
        var t = POP3Transcript(fixture.session())
        await t.play("""
            C: AUTH LOGIN
            S: + VXNlcm5hbWU6
            C: YWxpY2U=
            S: + UGFzc3dvcmQ6
            C: c2VjcmV0
            S: +OK Logged in.
            """)
    }

    @Test func cancelBadBase64AndUnsupportedMechanism() async throws {
        let fixture = try await POP3Fixture()
        var t = POP3Transcript(fixture.session())
        await t.play("""
            C: AUTH
            S: +OK
            S: PLAIN
            S: LOGIN
            S: .
            C: AUTH LOGIN
            S: + VXNlcm5hbWU6
            C: *
            S: -ERR Authentication cancelled.
            C: AUTH PLAIN
            S: +*
            C: !!!notbase64
            S: -ERR Invalid base64 data.
            C: AUTH PLAIN AGJvYgBzZWNyZXQ=
            S: -ERR [AUTH] Authentication failed.
            C: AUTH PLAIN dGhlcmUtaXMtbm8tbnVs
            S: -ERR [AUTH] Authentication failed.
            C: AUTH CRAM-MD5
            S: -ERR Unsupported authentication mechanism.
            C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
            S: +OK Logged in.
            """)
    }

    @Test func mechanismsFollowThePolicy() async throws {
        let fixture = try await POP3Fixture(mechanisms: [.plain])
        var t = POP3Transcript(fixture.session())
        await t.play("""
            C: AUTH LOGIN
            S: -ERR Unsupported authentication mechanism.
            C: CAPA
            S: +OK Capability list follows
            S: CAPA
            S: TOP
            S: UIDL
            S: RESP-CODES
            S: PIPELINING
            S: AUTH-RESP-CODE
            S: USER
            S: SASL PLAIN
            S: IMPLEMENTATION Maildex
            S: .
            """)
    }

    /// The same answer whether the user exists or not.
    @Test func wrongPasswordAndUnknownUser() async throws {
        let fixture = try await POP3Fixture()
        var t = POP3Transcript(fixture.session())
        await t.play("""
            C: PASS secret
            S: -ERR No username given.
            C: USER alice
            S: +OK
            C: PASS wrong
            S: -ERR [AUTH] Authentication failed.
            C: PASS secret
            S: -ERR No username given.
            C: USER nobody
            S: +OK
            C: PASS secret
            S: -ERR [AUTH] Authentication failed.
            C: USER ALICE
            S: +OK
            C: PASS secret
            S: +OK Logged in.
            """)
    }

    /// Dovecot's `disable_plaintext_auth = yes`: no password without TLS from a remote address,
    /// and STLS makes it allowed (RFC 2595).
    @Test func plaintextRefusedUntilSTLS() async throws {
        let fixture = try await POP3Fixture()
        let session = fixture.session(from: "203.0.113.7", canStartTLS: true)
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
            S: STLS
            S: IMPLEMENTATION Maildex
            S: .
            C: USER alice
            S: -ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.
            C: PASS secret
            S: -ERR No username given.
            C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
            S: -ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.
            C: AUTH
            S: +OK
            S: .
            C: STLS
            S: +OK Begin TLS negotiation
            S: <startTLS>
            C: STLS
            S: -ERR TLS is already active.
            """)
        await session.tlsStarted()
        await t.play("""
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
            C: STLS
            S: -ERR TLS is already active.
            C: USER alice
            S: +OK
            C: PASS secret
            S: +OK Logged in.
            """)
    }

    @Test func stlsWithoutCertificateAndOnImplicitTLS() async throws {
        let fixture = try await POP3Fixture()
        var plain = POP3Transcript(fixture.session(from: "203.0.113.7"))
        await plain.play("""
            C: STLS
            S: -ERR TLS support isn't enabled.
            """)
        var implicit = POP3Transcript(fixture.session(from: "203.0.113.7", tls: true))
        await implicit.play("""
            C: STLS
            S: -ERR TLS is already active.
            C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
            S: +OK Logged in.
            """)
    }

    @Test func trustedNetworkAllowsPlaintext() async throws {
        var policy = LoginPolicy()
        policy.trustedNetworks = [try #require(IPNetwork("10.0.0.0/8"))]
        let fixture = try await POP3Fixture(policy: policy)
        var t = POP3Transcript(fixture.session(from: "10.1.2.3"))
        await t.play("""
            C: USER alice
            S: +OK
            C: PASS secret
            S: +OK Logged in.
            """)
    }
}
