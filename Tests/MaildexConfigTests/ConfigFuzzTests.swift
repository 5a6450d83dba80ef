import Foundation
import MaildexTesting
import Testing
@testable import MaildexConfig


@Suite struct ConfigFuzzTests {
    /// Syntax characters are over-represented so the parser reaches deep states, not just "expected key = value".
    static let alphabet = Array("ab =\"'#{}<$!\\\n\r\t".utf8) + [0, 0xFF, 0xC3, 0xA9]

    /// Parses `text` without touching real files; a parse either succeeds and renders back to an equal tree, or
    /// fails with a located, non-empty reason.
    func check(_ text: String) {
        let reader: (String) throws -> String = { throw ConfigReadFailure.missing($0) }
        do {
            let config = try ConfigParser.parse(text: text, file: "fuzz.conf", baseDirectory: "/nonexistent-maildex-fuzz", readFile: reader)
            let rendered = ConfigRenderer.render(config, showSecrets: true)
            do {
                let reparsed = try ConfigParser.parse(text: rendered, file: "fuzz.conf", baseDirectory: "/nonexistent-maildex-fuzz", readFile: reader)
                #expect(reparsed.withoutLocations == config.withoutLocations, "input \(text.debugDescription) rendered \(rendered.debugDescription)")
            } catch {
                Issue.record("rendering of \(text.debugDescription) does not parse: \(error) in \(rendered.debugDescription)")
            }
        } catch {
            #expect(!error.reason.isEmpty)
            #expect(error.file == "fuzz.conf")
            if let line = error.location?.line {
                let lineCount = text.utf8.count { $0 == UInt8(ascii: "\n") } + 1
                #expect((1...lineCount).contains(line), "line \(line) of \(lineCount) for \(text.debugDescription)")
            }
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = SplitMix64(seed: 0x6D61_696C_6465_7801)
        for _ in 0..<4_000 {
            let count = Int.random(in: 0..<200, using: &random)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &random)
                    ? Self.alphabet[Int.random(in: Self.alphabet.indices, using: &random)]
                    : UInt8.random(in: 0...255, using: &random)
            }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func mutatedExampleNeverCrashes() {
        var random = SplitMix64(seed: 0x6D61_696C_6465_7802)
        let original = Array(issue7Example.replacingOccurrences(of: "<", with: "").utf8)
        for _ in 0..<2_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let index = Int.random(in: 0...bytes.count, using: &random)
                let byte = Self.alphabet[Int.random(in: Self.alphabet.indices, using: &random)]
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.insert(byte, at: index)
                case 1 where index < bytes.count: bytes[index] = byte
                default: if index < bytes.count { bytes.remove(at: index) }
                }
            }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test(arguments: ["", "\n", "{", "}", "=", "\"", "'", "#", "$", "<", "!", "\\", "\r", "\0", "a {\n}\n}", "a = \"\\", "k = $$", "\u{FFFD}{",
                      "\"k=\"a #b\"", "\"k \"n #x\" {\n}"])
    func smallOddInputs(_ text: String) {
        check(text)
    }
}
