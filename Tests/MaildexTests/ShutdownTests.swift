import Foundation
import Maildex
import MaildexTesting
import Testing

/// Stopping the server: IMAP clients are told `* BYE`, LMTP clients `421`, and the server stops
/// without waiting for the clients to hang up.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct ShutdownTests {
    @Test func imapClientsGetByeAndLMTPClientsGet421() async throws {
        let f = try await ServerFixture()
        let ready = f.dir.path("ready")
        async let client = f.python("""
            import imaplib, time
            m = imaplib.IMAP4('127.0.0.1', IMAP); m.login('alice', 'secret'); m.select('INBOX')
            l = socket.create_connection(('127.0.0.1', LMTP)); lf = l.makefile('rb'); lf.readline()
            open('\(ready)', 'w').close()
            print('imap', m.readline()); print('lmtp', lf.readline())
            """)
        var waited = 0
        while !FileManager.default.fileExists(atPath: ready), waited < 300 {
            try await Task.sleep(for: .milliseconds(20))
            waited += 1
        }
        // A grace far above what a shutdown takes even on a loaded machine (5.3 s once, in CI):
        // a server that waited for the clients to hang up would use all of it.
        let started = ContinuousClock.now
        try await f.server.shutdown(grace: .seconds(40))
        let took = ContinuousClock.now - started
        let run = try await client
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("imap b'* BYE Server shutting down.\\r\\n'"), "\(run.stdout)")
        #expect(run.stdout.contains("lmtp b'421 4.3.2 Service shutting down\\r\\n'"), "\(run.stdout)")
        #expect(took < .seconds(20), "stopped in \(took) although the clients stayed connected")
        f.dir.remove()
    }
}
