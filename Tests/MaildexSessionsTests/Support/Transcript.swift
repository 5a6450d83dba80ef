import MaildexMaildir
import MaildexSessions
import Testing

/// Plays `C:`/`S:` transcripts against a session (STYLE.md §4, maddy's `tests/lmtp_test.go`).
///
/// - `C: text` sends the line `text` (`C:` alone sends an empty line);
/// - `S: text` expects the next line the session sent; `*` matches any run of characters;
///   `S:` alone expects an empty line;
/// - `S! close` / `S: <close>` and `S! starttls` / `S: <startTLS>` expect those actions;
/// - `C! closed`, `C! too long`, `C! tls`, `C! wake` call `closed()`, `receiveTooLong()` (line
///   sessions), `tlsStarted()`, `wake()`.
///
/// A `C:` line becomes frames through `frames` (for line sessions: the line itself; for IMAP:
/// the line plus CRLF through a frame decoder, so literals span `C:` lines as on the wire).
///
/// Output accumulates, so pipelined `C:` lines may come before their `S:` lines; everything sent
/// must be matched by the end of each `play`. The first `play` takes the greeting: it must be
/// matched when the transcript starts with `S:`, and is dropped otherwise. `play` may be called
/// again on the same session to continue the conversation.
struct Transcript<Session: ConnectionSession> {
    let session: Session
    let frames: (String) -> [Session.Frame]
    private var started = false

    init(_ session: Session, frames: @escaping (String) -> [Session.Frame]) {
        self.session = session
        self.frames = frames
    }

    mutating func play(_ transcript: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        var pending: [String] = []
        if !started {
            started = true
            pending = Self.lines(await session.start())
            if !transcript.hasPrefix("S:") { pending = [] }
        }
        for (number, raw) in transcript.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            let at = "transcript line \(number + 1)"
            if line.hasPrefix("C: ") || line == "C:" {
                for frame in frames(String(line.dropFirst(3))) { pending += Self.lines(await session.receive(frame)) }
            } else if line.hasPrefix("C! ") {
                switch line.dropFirst(3) {
                case "closed": await session.closed()
                case "too long":
                    if let frame = LineFrame.tooLong as? Session.Frame { pending += Self.lines(await session.receive(frame)) }
                case "tls": await session.tlsStarted()
                case "wake": pending += Self.lines(await session.wake())
                default: Issue.record("\(at): unknown directive \(line)", sourceLocation: sourceLocation)
                }
            } else if line.hasPrefix("S:") || line.hasPrefix("S! ") {
                let expected = Self.expectation(line)
                guard !pending.isEmpty else {
                    Issue.record("\(at): expected \(expected.debugDescription), the session sent nothing more", sourceLocation: sourceLocation)
                    return
                }
                let actual = pending.removeFirst()
                if !Self.matches(actual, expected) {
                    Issue.record("\(at): expected \(expected.debugDescription), got \(actual.debugDescription)", sourceLocation: sourceLocation)
                    return
                }
            } else if !line.allSatisfy(\.isWhitespace) {
                Issue.record("\(at): not a transcript line: \(line)", sourceLocation: sourceLocation)
            }
        }
        if !pending.isEmpty { Issue.record("unmatched output: \(pending)", sourceLocation: sourceLocation) }
    }

    /// The expected line of an `S:`/`S!` line, with actions in one notation.
    private static func expectation(_ line: String) -> String {
        if line.hasPrefix("S! ") {
            switch line.dropFirst(3) {
            case "close": return "<close>"
            case "starttls": return "<startTLS>"
            default: return "<" + line.dropFirst(3) + ">"
            }
        }
        return line == "S:" ? "" : String(line.dropFirst(3))
    }

    /// The actions as lines: sent bytes split at CRLF (a send without a final CRLF is marked),
    /// other actions as `<close>` and `<startTLS>`.
    static func lines(_ actions: [SessionAction]) -> [String] {
        var out: [String] = []
        var bytes: [UInt8] = []
        func flush() {
            guard !bytes.isEmpty else { return }
            var text = String(decoding: bytes, as: UTF8.self)
            bytes = []
            guard text.hasSuffix("\r\n") else { out.append("<missing CRLF> " + text); return }
            text.removeLast()   // "\r\n" is one Character
            out += text.split(separator: Character("\r\n"), omittingEmptySubsequences: false).map(String.init)
        }
        for action in actions {
            switch action {
            case .send(let sent): bytes += sent
            case .stream(let slice): bytes += (try? slice.file.read(offset: slice.offset, length: slice.length)) ?? Array("<unreadable>".utf8)
            case .startTLS: flush(); out.append("<startTLS>")
            case .startCompression: flush(); out.append("<startCompression>")
            case .close: flush(); out.append("<close>")
            }
        }
        flush()
        return out
    }

    /// Glob match where `*` stands for any run of characters.
    static func matches(_ text: String, _ pattern: String) -> Bool {
        let t = Array(text), p = Array(pattern)
        var ti = 0, pi = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "*" { star = pi; mark = ti; pi += 1 }
            else if pi < p.count, p[pi] == t[ti] { ti += 1; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; ti = mark }
            else { return false }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}

extension Transcript where Session: LineSession {
    init(_ session: Session) { self.init(session) { [.line(Array($0.utf8))] } }
}

typealias POP3Transcript = Transcript<POP3Session>

/// Plays a whole LMTP conversation, greeting first.
func play(_ transcript: String, on session: LMTPSession, sourceLocation: SourceLocation = #_sourceLocation) async {
    var runner = Transcript(session)
    await runner.play(transcript.hasPrefix("S:") ? transcript : "S: *\n" + transcript, sourceLocation: sourceLocation)
}

/// Glob match where `*` stands for any run of characters.
func matches(_ text: String, _ pattern: String) -> Bool { Transcript<LMTPSession>.matches(text, pattern) }

/// Sends one line and returns the bytes the session sent back, concatenated.
func POP3Bytes(_ session: POP3Session, _ line: String) async -> [UInt8] {
    var out: [UInt8] = []
    for case .send(let bytes) in await session.receive(Array(line.utf8)) { out += bytes }
    return out
}
