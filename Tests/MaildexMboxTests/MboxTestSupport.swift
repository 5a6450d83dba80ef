import Foundation
import Glibc
import MaildexMbox

/// Writes `text` to a fresh temporary file and removes it after `body`.
func withMboxFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
    let path = NSTemporaryDirectory() + "/maildex-mbox-test-\(UUID().uuidString)"
    // Plain open/write: FileManager.createFile writes atomically and fsyncs, which is slow here.
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Every message of the file and the problems, read with the given chunk size.
func readAll(_ path: String, chunkSize: Int = MboxReader.defaultChunkSize) throws -> ([MboxMessage], [MboxProblem]) {
    var reader = try MboxReader(path: path, chunkSize: chunkSize)
    var messages: [MboxMessage] = []
    while let message = try reader.next() { messages.append(message) }
    return (messages, reader.problems)
}

/// The parts of a message a test compares.
struct Expected: Equatable, CustomStringConvertible {
    var text: String
    var line: Int
    var sender: String? = "a@example.org"

    init(_ text: String, line: Int, sender: String? = "a@example.org") {
        self.text = text
        self.line = line
        self.sender = sender
    }

    init(_ message: MboxMessage) {
        self.init(String(decoding: message.bytes, as: UTF8.self), line: message.line, sender: message.envelopeSender)
    }

    var description: String { "line \(line) from \(sender ?? "nil"): \(text.debugDescription)" }
}
