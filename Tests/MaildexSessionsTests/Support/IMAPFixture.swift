import MaildexIMAPCodec
import MaildexSessions

extension POP3Fixture {
    /// An IMAP session over the fixture's store (alice, `secret`).
    func imapSession(from address: String = "127.0.0.1", tls: Bool = true, canStartTLS: Bool = false, limits: IMAPLimits = IMAPLimits()) -> IMAPSession {
        IMAPSession(connection: ConnectionInfo(remoteAddress: address, isTLS: tls, canStartTLS: canStartTLS),
                    logins: logins, resolver: MailResolver(store: store), limits: limits)
    }
}

/// A transcript runner for IMAP: each `C:` line goes through an ``IMAPFrameDecoder`` with CRLF,
/// so a literal announced on one `C:` line is read from the following ones, as on the wire.
func IMAPTranscript(_ session: IMAPSession, maximumLiteralSize: Int = 50 << 20) -> Transcript<IMAPSession> {
    final class Decoder: @unchecked Sendable { var decoder: IMAPFrameDecoder; init(_ d: IMAPFrameDecoder) { decoder = d } }
    let box = Decoder(IMAPFrameDecoder(maximumLiteralSize: maximumLiteralSize))
    return Transcript(session) { line in
        box.decoder.append(Array((line + "\r\n").utf8))
        var frames: [IMAPFrame] = []
        while let frame = box.decoder.next() { frames.append(frame) }
        return frames
    }
}

/// Alice logs in and selects INBOX, which holds `exists` messages, all unseen, UIDNEXT `uidNext`.
func loginAndSelectInbox(exists: Int, uidNext: Int) -> String {
    """
    C: a LOGIN alice secret
    S: a OK [CAPABILITY *] Logged in
    C: b SELECT INBOX
    S: * FLAGS *
    S: * OK [PERMANENTFLAGS *
    S: * \(exists) EXISTS
    S: * * RECENT
    S: * OK [UNSEEN 1] First unseen.
    S: * OK [UIDVALIDITY *
    S: * OK [UIDNEXT \(uidNext)] Predicted next UID
    S: * OK [HIGHESTMODSEQ *] Highest
    S: b OK [READ-WRITE] Select completed.
    """
}
