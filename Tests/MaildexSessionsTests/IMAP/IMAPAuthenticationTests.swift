import MaildexAuth
import MaildexSessions
import MaildexIMAPCodec
import Testing

@Suite struct IMAPAuthenticationTests {
    @Test func greetingCapabilitiesAndLogin() async throws {
        let f = try await POP3Fixture()
        var t = IMAPTranscript(f.imapSession(tls: false, canStartTLS: true))
        await t.play("""
            S: * OK [CAPABILITY IMAP4rev1 IMAP4rev2 SASL-IR LITERAL+ ID ENABLE IDLE STARTTLS AUTH=PLAIN AUTH=LOGIN] Maildex ready.
            C: a CAPABILITY
            S: * CAPABILITY IMAP4rev1 IMAP4rev2 SASL-IR LITERAL+ ID ENABLE IDLE STARTTLS AUTH=PLAIN AUTH=LOGIN
            S: a OK Capability completed.
            C: b LOGIN alice wrong
            S: b NO [AUTHENTICATIONFAILED] Authentication failed.
            C: c SELECT INBOX
            S: c BAD Log in first.
            C: d LOGIN alice secret
            S: d OK [CAPABILITY IMAP4rev1 IMAP4rev2 SASL-IR LITERAL+ ID ENABLE IDLE NAMESPACE UIDPLUS MOVE UNSELECT CHILDREN LIST-EXTENDED SPECIAL-USE MULTIAPPEND APPENDLIMIT=52428800 CONDSTORE QRESYNC ESEARCH WITHIN LIST-STATUS STATUS=SIZE SORT SORT=DISPLAY THREAD=ORDEREDSUBJECT THREAD=REFERENCES QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE COMPRESS=DEFLATE SEARCHRES CREATE-SPECIAL-USE BINARY UTF8=ACCEPT] Logged in
            C: e LOGIN alice secret
            S: e BAD Already authenticated.
            C: f LOGOUT
            S: * BYE Logging out
            S: f OK Logout completed.
            S! close
            """)
    }

    @Test func plaintextRefusedWithoutTLS() async throws {
        let f = try await POP3Fixture()
        var t = IMAPTranscript(f.imapSession(from: "203.0.113.7", tls: false, canStartTLS: true))
        await t.play("""
            S: * OK [CAPABILITY IMAP4rev1 IMAP4rev2 SASL-IR LITERAL+ ID ENABLE IDLE STARTTLS LOGINDISABLED] Maildex ready.
            C: a LOGIN alice secret
            S: a NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.
            C: b AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==
            S: b NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.
            C: c STARTTLS
            S: c OK Begin TLS negotiation now.
            S! starttls
            C! tls
            C: d CAPABILITY
            S: * CAPABILITY IMAP4rev1 IMAP4rev2 SASL-IR LITERAL+ ID ENABLE IDLE AUTH=PLAIN AUTH=LOGIN
            S: d OK Capability completed.
            C: e STARTTLS
            S: e BAD TLS is already active.
            C: f LOGIN alice secret
            S: f OK [CAPABILITY *] Logged in
            """)
    }

    @Test func authenticatePlainWithAndWithoutInitialResponse() async throws {
        let f = try await POP3Fixture()
        var t = IMAPTranscript(f.imapSession())
        await t.play("""
            C: a AUTHENTICATE PLAIN
            S: + 
            C: AGFsaWNlAHdyb25n
            S: a NO [AUTHENTICATIONFAILED] Authentication failed.
            C: b AUTHENTICATE PLAIN
            S: + 
            C: *
            S: b BAD Authentication cancelled.
            C: c AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==
            S: c OK [CAPABILITY *] Logged in
            """)
    }

    @Test func authenticateLogin() async throws {
        let f = try await POP3Fixture()
        var t = IMAPTranscript(f.imapSession())
        await t.play("""
            C: a AUTHENTICATE LOGIN
            S: + VXNlcm5hbWU6
            C: YWxpY2U=
            S: + UGFzc3dvcmQ6
            C: c2VjcmV0
            S: a OK [CAPABILITY *] Logged in
            C: b NAMESPACE
            S: * NAMESPACE (("" "/")) NIL NIL
            S: b OK Namespace completed.
            C: c ID ("name" "test")
            S: * ID ("name" "Maildex" "vendor" "Maildex")
            S: c OK ID completed.
            C: d ENABLE CONDSTORE X-UNKNOWN
            S: * ENABLED CONDSTORE
            S: d OK Enabled.
            C: e ENABLE QRESYNC CONDSTORE
            S: * ENABLED QRESYNC
            S: e OK Enabled.
            """)
    }

    @Test func autologoutAfterInactivity() async throws {
        let f = try await POP3Fixture()
        var limits = IMAPLimits()
        limits.autologout = .zero
        var t = IMAPTranscript(f.imapSession(limits: limits))
        await t.play("""
            C! wake
            S: * BYE Autologout; idle for too long
            S! close
            C: a NOOP
            """)
    }
}
