import Foundation
import Maildex
import MaildexSessions
import MaildexTesting
import Testing

/// The connection wakes its IMAP session every tick: an IDLE client gets its keepalive, a
/// silent one is logged out. Over the real server, since the ticks come from the event loop.
@Suite(.timeLimit(.minutes(1)))
struct IMAPTimerTests {
    @Test func idleKeepaliveAndAutologoutComeFromTheTicks() async throws {
        var limits = IMAPLimits()
        limits.tick = .milliseconds(50)
        limits.idleKeepalive = .milliseconds(200)
        limits.autologout = .seconds(2)   // long enough for LOGIN, SELECT and IDLE on a busy machine
        let f = try await ServerFixture(imapLimits: limits)
        let run = try await f.python("""
            idle = imaplib.IMAP4('127.0.0.1', IMAP); idle.login('alice', 'secret'); idle.select('INBOX')
            idle.send(b'i1 IDLE\\r\\n'); print('idle', idle.readline())
            quiet = imaplib.IMAP4('127.0.0.1', IMAP); quiet.login('bob', 'secret')
            idle.sock.settimeout(5); quiet.sock.settimeout(5)   # no tick: a timeout, not a hang
            print('keepalive', idle.readline())
            idle.send(b'DONE\\r\\n'); line = idle.readline()
            while line == b'* OK Still here\\r\\n': line = idle.readline()   # more ticks on a busy machine
            print('done', line)
            print('quiet', quiet.readline())
            print('closed', quiet.readline())
            """)
        await f.stop()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("idle b'+ idling\\r\\n'"), "\(run.stdout)")
        #expect(run.stdout.contains("keepalive b'* OK Still here\\r\\n'"), "\(run.stdout)")
        #expect(run.stdout.contains("done b'i1 OK Idle completed.\\r\\n'"), "\(run.stdout)")
        #expect(run.stdout.contains("quiet b'* BYE Autologout; idle for too long\\r\\n'"), "\(run.stdout)")
        #expect(run.stdout.contains("closed b''"), "\(run.stdout)")
    }
}
