import MaildexSessions
import Testing

/// Plays `C:`/`S:` transcripts against a session (STYLE.md §4). `S:` lines may use `*` as a
/// wildcard; `S: <startTLS>` and `S: <close>` stand for those actions. The greeting is
/// matched by the `S:` lines before the first `C:`, when the transcript starts with them.
struct POP3Transcript {
    let session: POP3Session
    private var started = false

    init(_ session: POP3Session) { self.session = session }

    mutating func play(_ transcript: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        var expected: [String] = []
        var produced: [String] = []
        var lastCommand = "(greeting)"
        func check() {
            if produced.count != expected.count || !zip(produced, expected).allSatisfy({ Self.matches($0, $1) }) {
                Issue.record("after \(lastCommand):\n  expected \(expected)\n  got      \(produced)", sourceLocation: sourceLocation)
            }
            expected = []
            produced = []
        }
        if !started {
            started = true
            produced = Self.lines(await session.start())
            if !transcript.hasPrefix("S:") { produced = [] }
        }
        for raw in transcript.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(raw)
            if line.hasPrefix("C: ") || line == "C:" {
                check()
                lastCommand = line
                produced = Self.lines(await session.receive(Array(line.dropFirst(3).utf8)))
            } else if line.hasPrefix("S: ") {
                expected.append(String(line.dropFirst(3)))
            } else if line.hasPrefix("S:") {
                expected.append("")
            } else {
                Issue.record("transcript line neither C: nor S: \(line)", sourceLocation: sourceLocation)
            }
        }
        check()
    }

    /// The actions as lines: sent bytes split at CRLF, other actions as `<name>`.
    static func lines(_ actions: [SessionAction]) -> [String] {
        var out: [String] = []
        for action in actions {
            switch action {
            case .send(let bytes):
                var text = String(decoding: bytes, as: UTF8.self)
                if text.hasSuffix("\r\n") { text.removeLast() }   // "\r\n" is one Character
                out += text.split(separator: Character("\r\n"), omittingEmptySubsequences: false).map(String.init)
            case .startTLS: out.append("<startTLS>")
            case .close: out.append("<close>")
            }
        }
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

/// Sends one line and returns the bytes the session sent back, concatenated.
func POP3Bytes(_ session: POP3Session, _ line: String) async -> [UInt8] {
    var out: [UInt8] = []
    for case .send(let bytes) in await session.receive(Array(line.utf8)) { out += bytes }
    return out
}
