import MaildexIMAPCodec
import MaildexSessions

extension IMAPSession {
    /// Sends one command (CRLF added; literals inline with LITERAL+) and returns what the session wrote.
    func say(_ command: [UInt8]) async -> String {
        var decoder = IMAPFrameDecoder()
        decoder.append(command + [13, 10])
        var out = ""
        while let frame = decoder.next() {
            for case .send(let bytes) in await receive(frame) { out += String(decoding: bytes, as: UTF8.self) }
        }
        return out
    }

    func say(_ command: String) async -> String { await say(Array(command.utf8)) }
}
