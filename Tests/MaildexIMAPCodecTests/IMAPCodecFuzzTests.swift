import MaildexCore
import MaildexIMAPCodec
import MaildexTesting
import Testing

private let seeds: [String] = [
    "a1 LOGIN \"alice\" {6}\r\nsecret",
    "a2 UID FETCH 1:*,7 (FLAGS BODY.PEEK[1.2.HEADER.FIELDS.NOT (From \"To\")]<0.100> MODSEQ)",
    "a3 SEARCH CHARSET UTF-8 OR (FROM \"x\" SINCE 1-Feb-1994) NOT (UID 1:5 MODSEQ \"/flags/x\" all 5) KEYWORD $Junk",
    "a4 APPEND INBOX (\\Seen) \" 7-Jul-1996 02:44:25 -0700\" {3}\r\nabc (\\Draft) ~{2+}\r\nxy",
    "a5 LIST (SUBSCRIBED) \"\" (\"a*\" %) RETURN (CHILDREN STATUS (MESSAGES))",
    "a6 STORE 1:3 +FLAGS.SILENT (\\Deleted $Forwarded)",
    "a7 ID (\"name\" \"x\" \"version\" NIL)",
    "a8 SELECT INBOX (QRESYNC (1 2 1:3))",
    "a9 STATUS Sent (MESSAGES UIDNEXT HIGHESTMODSEQ)",
    "b1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==",
    "b2 UID EXPUNGE 1:4",
    "b3 MOVE 1 Trash",
    "b4 SELECT INBOX (CONDSTORE QRESYNC (67890007 9 1:29997 (5000,7500 15000,22500)))",
    "b5 UID FETCH 1:* (FLAGS MODSEQ) (CHANGEDSINCE 12345 VANISHED)",
    "b6 UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)",
    "b7 UID SEARCH RETURN (MIN MAX COUNT) CHARSET UTF-8 OR YOUNGER 60 OLDER 3600 TEXT x",
]

/// Random bytes and random mutations of valid commands never crash the parser, and an error
/// names the tag exactly when the input began with one.
@Test func parserSurvivesRandomAndMutatedInput() {
    var random = SplitMix64(seed: 20_240_601)
    for seed in seeds {
        #expect((try? IMAPCommandParser.parse(Array(seed.utf8))) != nil, "\(seed)")
    }
    let interesting = Array("(){}[]<>\"\\ *%+-.:,$~\r\n0123456789NILaA".utf8) + [0, 0x80, 0xC3, 0xFF]
    for round in 0..<6_000 {
        var bytes: [UInt8]
        if round % 3 == 0 {
            bytes = (0..<Int.random(in: 0...120, using: &random)).map { _ in
                Bool.random(using: &random) ? UInt8.random(in: 0...255, using: &random) : interesting.randomElement(using: &random) ?? 0
            }
        } else {
            bytes = Array(seeds.randomElement(using: &random)?.utf8 ?? "".utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[at] = interesting.randomElement(using: &random) ?? 0
                case 1: bytes.insert(interesting.randomElement(using: &random) ?? 0, at: at)
                default: bytes.remove(at: at)
                }
            }
        }
        do {
            let command = try IMAPCommandParser.parse(bytes)
            #expect(bytes.starts(with: Array((command.tag + " ").utf8)))
        } catch {
            if let tag = error.tag { #expect(bytes.starts(with: Array(tag.utf8))) }
            #expect(!error.message.isEmpty)
        }
    }
}

/// What the decoder hands over is what the parser reads: a synchronizing-literal APPEND sent
/// one byte at a time.
@Test func decodedFramesParse() throws {
    var decoder = IMAPFrameDecoder()
    var frames: [IMAPFrame] = []
    for byte in "a APPEND INBOX (\\Seen) {7}\r\nhi\r\nyou {2+}\r\n\r\n\r\nb LOGOUT\r\n".utf8 {
        decoder.append([byte])
        while let frame = decoder.next() { frames.append(frame) }
    }
    #expect(frames.count == 3)
    #expect(frames.first == .continuationRequest)
    guard frames.count == 3, case .command(let append) = frames[1], case .command(let logout) = frames[2] else { return }
    #expect(try IMAPCommandParser.parse(append) == IMAPCommand(tag: "a", kind: .append(mailbox: "INBOX", messages: [
        AppendMessage(flags: [.seen], data: Array("hi\r\nyou".utf8)), AppendMessage(data: Array("\r\n".utf8)),
    ])))
    #expect(try IMAPCommandParser.parse(logout) == IMAPCommand(tag: "b", kind: .logout))
}
