import MaildexCore
import Glibc
public import Foundation

/// Appends messages to an mbox file in mboxrd form: a From_ line, the message with one more
/// `>` on every line matching `^>*From `, a line ending if the message lacked one, and an
/// empty line. ``MboxReader`` reads the result back byte for byte (for messages that end with a
/// line ending). Used for exports and tests.
public struct MboxWriter {
    private let sink: Sink

    /// Opens (creating with mode 0600, or appending to) the file. Throws ``MboxError``.
    public init(path: String) throws {
        sink = try Sink(path: path)
    }

    /// Appends one message with `From <sender> <asctime date in UTC>`. Whitespace in the
    /// sender becomes `_`; an empty sender is written `MAILER-DAEMON`.
    public mutating func append(_ message: [UInt8], sender: String, date: Date) throws {
        let cleaned = sender.isEmpty ? "MAILER-DAEMON" : String(sender.map { $0.isWhitespace ? "_" : $0 })
        var out = Array("From \(cleaned) \(FromLine.asctime(date))\n".utf8)
        out.reserveCapacity(message.count + out.count + 16)
        var lineStart = 0
        while lineStart < message.count {
            let end = (message[lineStart...].firstIndex(of: 0x0A)).map { $0 + 1 } ?? message.count
            let line = message[lineStart..<end]
            if line.drop(while: { $0 == 0x3E }).starts(with: FromLine.prefix) { out.append(0x3E) }
            out.append(contentsOf: line)
            lineStart = end
        }
        if message.last != 0x0A { out.append(0x0A) }
        out.append(0x0A)
        try sink.write(out)
    }

    /// Writes what is buffered and closes the file. Throws ``MboxError`` (`ENOSPC`, …).
    public func close() throws {
        try sink.close()
    }
}

/// The file behind an ``MboxWriter``, buffered in 1 MiB writes.
private final class Sink {
    let path: String
    var fd: Int32
    var buffer: [UInt8] = []

    init(path: String) throws(MboxError) {
        self.path = path
        fd = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MboxError(path: path, operation: "open", errno: errno) }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    func write(_ bytes: [UInt8]) throws(MboxError) {
        guard fd >= 0 else { throw MboxError(path: path, operation: "write", errno: EBADF) }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws(MboxError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw MboxError(path: path, operation: "write", errno: n < 0 ? errno : EIO) }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws(MboxError) {
        guard fd >= 0 else { return }
        defer { fd = -1 }
        do {
            try flush()
        } catch {
            Glibc.close(fd)
            throw error
        }
        guard Glibc.close(fd) == 0 else { throw MboxError(path: path, operation: "close", errno: errno) }
    }
}
