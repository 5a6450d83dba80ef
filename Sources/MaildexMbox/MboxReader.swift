import MaildexCore
import Foundation

/// Reads the messages of a classic mbox file (RFC 4155) one at a time, streaming.
///
/// A message starts at a From_ line (`From <sender> <asctime date>`, see ``MboxMessage``)
/// that follows an empty line or starts the file; a `From ` line without a plausible date, or
/// without the empty line before it, is body text. The empty line before each From_ line and at
/// the end of the file separates messages and is not part of them. Lines matching `^>+From `
/// lose one `>` (mboxrd). LF and CRLF files are both read; line endings are kept as they are.
///
/// ```swift
/// var reader = try MboxReader(path: "/var/mail/alice")
/// while let message = try reader.next() { try folder.deliver(message.bytes, …) }
/// for problem in reader.problems { print(problem) }   // "line 1: text before the first From_ line (lines 1-3) skipped"
/// ```
public struct MboxReader {
    /// The default read size: 1 MiB.
    public static let defaultChunkSize = 1 << 20

    private let file: ChunkedFile
    private var lineNumber = 0
    private var previousBlank = true
    private var current: FromLine?
    private var currentLine = 0
    private var bytes: [UInt8] = []
    private var lastLineStart: Int?
    private var preamble: (first: Int, last: Int, text: Bool)?
    private var finished = false

    /// Problems found so far; every message that could be imported was still returned.
    public private(set) var problems: [MboxProblem] = []

    /// How many bytes of the file have been read, for a progress bar.
    public var bytesRead: Int { file.consumed }

    /// Opens the file; throws ``MboxError`` if it cannot be read.
    public init(path: String) throws {
        try self.init(path: path, chunkSize: Self.defaultChunkSize)
    }

    /// Opens the file, reading `chunkSize` bytes at a time (tests use tiny chunks).
    public init(path: String, chunkSize: Int) throws {
        file = try ChunkedFile(path: path, chunkSize: chunkSize)
    }

    /// The next message, or nil at the end of the file. Throws ``MboxError`` on a read error.
    public mutating func next() throws -> MboxMessage? {
        while !finished {
            guard let line = try file.nextLine() else {
                finished = true
                reportPreamble(beforeAnyMessage: current == nil)
                if let message = finishMessage(atEnd: true) { return message }
                return nil
            }
            lineNumber += 1
            let content = Self.content(of: line)
            let isBlank = content.isEmpty
            // The first From_ line is accepted after any text: there is no message to split yet.
            if previousBlank || current == nil, content.starts(with: FromLine.prefix), let from = FromLine(content) {
                reportPreamble(beforeAnyMessage: false)
                let finishedMessage = finishMessage(atEnd: false)
                current = from
                currentLine = lineNumber
                previousBlank = false
                if let finishedMessage { return finishedMessage }
                continue
            }
            previousBlank = isBlank
            guard current != nil else {
                let first = preamble?.first ?? lineNumber
                preamble = (first, lineNumber, (preamble?.text ?? false) || !isBlank)
                continue
            }
            lastLineStart = isBlank ? bytes.count : nil
            if Self.isQuotedFrom(content) {
                bytes.append(contentsOf: line.dropFirst())
            } else {
                bytes.append(contentsOf: line)
            }
        }
        return nil
    }

    /// Ends the message being read, if any; nil when there is none or it is empty.
    private mutating func finishMessage(atEnd: Bool) -> MboxMessage? {
        guard let from = current else { return nil }
        defer {
            bytes = []
            lastLineStart = nil
            current = nil
        }
        // The empty line before the next From_ (or at the end) separates; it is not content.
        if let lastLineStart { bytes.removeSubrange(lastLineStart...) }
        guard bytes.contains(where: { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 && $0 != 0x09 }) else {
            problems.append(MboxProblem(line: currentLine, reason: "empty message skipped"))
            return nil
        }
        if bytes.contains(0) { problems.append(MboxProblem(line: currentLine, reason: "message contains NUL bytes")) }
        if !Self.hasHeaderBodySeparator(bytes) {
            problems.append(MboxProblem(line: currentLine, reason: "message has no header/body separator"))
        }
        var message = bytes
        let flags = MboxHeaders.extractFlags(&message)
        return MboxMessage(bytes: message, line: currentLine, envelopeSender: from.sender, date: from.date, flags: flags)
    }

    private mutating func reportPreamble(beforeAnyMessage: Bool) {
        guard let preamble, preamble.text else {
            self.preamble = nil
            return
        }
        let lines = preamble.first == preamble.last ? "line \(preamble.first)" : "lines \(preamble.first)-\(preamble.last)"
        problems.append(MboxProblem(line: preamble.first, reason: beforeAnyMessage
            ? "no From_ line found; text (\(lines)) skipped"
            : "text before the first From_ line (\(lines)) skipped"))
        self.preamble = nil
    }

    /// The line without `\n` or `\r\n`.
    static func content(of line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var content = line
        if content.last == 0x0A { content.removeLast() }
        if content.last == 0x0D { content.removeLast() }
        return content
    }

    /// `^>+From `.
    static func isQuotedFrom(_ content: ArraySlice<UInt8>) -> Bool {
        let unquoted = content.drop(while: { $0 == 0x3E })
        return unquoted.count < content.count && unquoted.starts(with: FromLine.prefix)
    }

    static func hasHeaderBodySeparator(_ message: [UInt8]) -> Bool {
        var lineStart = 0
        for (index, byte) in message.enumerated() where byte == 0x0A {
            if MboxHeaders.isBlank(message[lineStart...index]) { return true }
            lineStart = index + 1
        }
        return false
    }
}
