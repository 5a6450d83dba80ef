import MaildexSessions
import Testing

// COMPRESS (RFC 4978 §3) at the session: the OK, then the action that has the connection
// compress; errors as the RFC says. The bytes themselves are tested over a socket (MaildexTests).
@Suite struct IMAPCompressTests {
    @Test func compressAfterLoginOnce() async throws {
        let f = try await POP3Fixture()
        let session = f.imapSession()
        let greeting = Transcript<IMAPSession>.lines(await session.start()).joined()
        #expect(!greeting.contains("COMPRESS"), "not before login: \(greeting)")
        var t = IMAPTranscript(session)
        await t.play("""
            C: a COMPRESS DEFLATE
            S: a BAD Log in first.
            C: b LOGIN alice secret
            S: b OK [CAPABILITY * COMPRESS=DEFLATE SEARCHRES *] Logged in
            C: c COMPRESS LZW
            S: c BAD Unknown compression algorithm LZW (DEFLATE is supported).
            C: d COMPRESS DEFLATE
            S: d OK DEFLATE active
            S: <startCompression>
            C: e COMPRESS DEFLATE
            S: e NO [COMPRESSIONACTIVE] DEFLATE is already active.
            C: f NOOP
            S: f OK NOOP completed.
            """)
    }

    /// Compressed, an over-long line ends the connection; uncompressed it does not.
    @Test func overlongLineClosesOnlyWhenCompressed() async throws {
        let f = try await POP3Fixture()
        var t = IMAPTranscript(f.imapSession())
        let long = String(repeating: "x", count: 70_000)
        await t.play("""
            C: a LOGIN alice secret
            S: a OK *
            C: b NOOP \(long)
            S: b BAD Command line too long (limit 65536 bytes).
            C: c COMPRESS DEFLATE
            S: c OK DEFLATE active
            S: <startCompression>
            C: d NOOP \(long)
            S: d BAD Command line too long (limit 65536 bytes).
            S: <close>
            """)
    }
}
