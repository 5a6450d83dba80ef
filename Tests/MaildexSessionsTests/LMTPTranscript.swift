import Foundation
import MaildexSessions
import Testing

/// Plays a conversation against a session, as maddy's `tests/lmtp_test.go` does.
///
/// - `C: text` sends the line `text` (`C:` alone sends an empty line);
/// - `S: text` expects the next line the session sent; `*` matches any run of characters;
/// - `C! closed`, `C! too long`, `C! tls` call ``LineSession/closed()``,
///   ``LineSession/receiveTooLong()`` and ``LineSession/tlsStarted()``;
/// - `S! close` and `S! starttls` expect those actions.
///
/// The greeting is taken first. Output accumulates, so pipelined `C:` lines may come before
/// their `S:` lines; everything sent must be matched by the end.
func play(_ transcript: String, on session: LMTPSession, sourceLocation: SourceLocation = #_sourceLocation) async {
    var pending = lines(of: await session.start())
    for (number, line) in transcript.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let at = "transcript line \(number + 1)"
        if line.hasPrefix("C: ") || line == "C:" {
            pending += lines(of: await session.receive(Array(line.dropFirst(3).utf8)))
        } else if line.hasPrefix("C! ") {
            switch line.dropFirst(3) {
            case "closed": await session.closed()
            case "too long": pending += lines(of: await session.receiveTooLong())
            case "tls": await session.tlsStarted()
            default: Issue.record("\(at): unknown directive \(line)", sourceLocation: sourceLocation)
            }
        } else if line.hasPrefix("S: ") || line.hasPrefix("S! ") {
            let expected = line.hasPrefix("S! ") ? "!" + line.dropFirst(3) : String(line.dropFirst(3))
            guard !pending.isEmpty else {
                Issue.record("\(at): expected \(expected.debugDescription), the session sent nothing more", sourceLocation: sourceLocation)
                return
            }
            let actual = pending.removeFirst()
            if !matches(actual, expected) {
                Issue.record("\(at): expected \(expected.debugDescription), got \(actual.debugDescription)", sourceLocation: sourceLocation)
                return
            }
        } else if !line.allSatisfy(\.isWhitespace) {
            Issue.record("\(at): not a transcript line: \(line)", sourceLocation: sourceLocation)
        }
    }
    if !pending.isEmpty { Issue.record("unmatched output: \(pending)", sourceLocation: sourceLocation) }
}

/// The session's output as transcript lines: CRLF-split text, `!close`, `!starttls`.
private func lines(of actions: [SessionAction]) -> [String] {
    actions.flatMap { action -> [String] in
        switch action {
        case .send(let bytes):
            var text = String(decoding: bytes, as: UTF8.self)
            if text.hasSuffix("\r\n") { text.removeLast() } else { return ["<missing CRLF> " + text] }
            return text.components(separatedBy: "\r\n")
        case .close: return ["!close"]
        case .startTLS: return ["!starttls"]
        }
    }
}

/// Glob match where `*` stands for any run of characters.
func matches(_ text: String, _ pattern: String) -> Bool {
    let parts = pattern.components(separatedBy: "*")
    guard parts.count > 1 else { return text == pattern }
    guard text.hasPrefix(parts[0]) else { return false }
    var rest = text.dropFirst(parts[0].count)
    for part in parts.dropFirst().dropLast() {
        guard let range = rest.range(of: part) else { return false }
        rest = rest[range.upperBound...]
    }
    let last = parts[parts.count - 1]
    return rest.count >= last.count && rest.hasSuffix(last)
}
