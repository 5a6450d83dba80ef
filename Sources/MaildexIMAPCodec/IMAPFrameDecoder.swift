/// Splits the client's byte stream into ``IMAPFrame``s (RFC 3501 §2.2, §4.3 literals,
/// RFC 7888 LITERAL+/LITERAL-). Pure: bytes in, frames out; the connection feeds it.
///
/// A command is a line ending in LF (CRLF or a bare LF). When a line ends with a literal marker
/// (`{5}`, `{5+}`, or the literal8 forms `~{5}`, `~{5+}` of RFC 3516), exactly that many raw
/// bytes follow, then the command goes on to the next line end:
///
/// ```
/// C: a APPEND INBOX {5}        -> .continuationRequest   (S: + Ready for literal data)
/// C: hello                     -> .command("a APPEND INBOX {5}\r\nhello")
/// ```
///
/// Memory stays bounded: at most ``maximumLineLength`` (+1 for a CR) of text and the announced
/// literal (at most ``maximumLiteralSize``) are kept; a longer line is dropped as it arrives
/// (``IMAPFrame/lineTooLong(tag:)``), and a literal over the limit is refused
/// (``IMAPFrame/literalTooLarge(tag:size:synchronizing:)``). After a refused non-synchronizing
/// literal every later byte is dropped: the session closes the connection.
public struct IMAPFrameDecoder: Sendable {
    /// The longest text segment (a line, or the text between two literals), CRLF excluded.
    /// The default is 65 536 bytes.
    public let maximumLineLength: Int
    /// The largest literal accepted. The default is 50 MiB.
    public let maximumLiteralSize: Int
    /// The largest command, text and literals together. The default is two literals and a line.
    public let maximumCommandSize: Int

    public init(maximumLineLength: Int = 65_536, maximumLiteralSize: Int = 50 << 20, maximumCommandSize: Int? = nil) {
        self.maximumLineLength = maximumLineLength
        self.maximumLiteralSize = maximumLiteralSize
        self.maximumCommandSize = maximumCommandSize ?? 2 * maximumLiteralSize + maximumLineLength
    }

    private enum State: Sendable {
        /// Reading text; the current segment starts at `lineStart` in `command`.
        case text
        /// Reading a literal's bytes.
        case literal(remaining: Int)
        /// Dropping the rest of a line that was too long, up to and including its LF.
        case skippingLine
        /// Dropping everything (after a refused non-synchronizing literal).
        case discardingAll
    }

    private var state = State.text
    /// Input not yet looked at, from `readIndex`.
    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// The command read so far.
    private var command: [UInt8] = []
    private var lineStart = 0

    /// Bytes held in memory (unread input and the partial command); for tests and metrics.
    public var bufferedByteCount: Int { buffer.count - readIndex + command.count }

    /// Adds bytes from the connection. Call ``next()`` until it returns nil afterwards.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if case .discardingAll = state { return }
        buffer.append(contentsOf: bytes)
    }

    /// The next frame, or nil when more input is needed.
    public mutating func next() -> IMAPFrame? {
        defer { compact() }
        while true {
            switch state {
            case .discardingAll:
                buffer.removeAll()
                readIndex = 0
                return nil
            case .skippingLine:
                guard let lf = buffer[readIndex...].firstIndex(of: IMAPGrammar.lf) else {
                    buffer.removeAll()
                    readIndex = 0
                    return nil
                }
                readIndex = lf + 1
                state = .text
            case .literal(let remaining):
                let available = buffer.count - readIndex
                guard available > 0 || remaining == 0 else { return nil }
                let take = min(remaining, available)
                command.append(contentsOf: buffer[readIndex..<readIndex + take])
                readIndex += take
                if take < remaining {
                    state = .literal(remaining: remaining - take)
                    return nil
                }
                lineStart = command.count
                state = .text
            case .text:
                if let frame = readText() { return frame }
                if case .text = state { return nil }
            }
        }
    }

    /// Drops everything buffered and any partial command (when TLS starts, RFC 3501 §6.2.1).
    public mutating func discardBuffered() {
        buffer.removeAll()
        readIndex = 0
        resetCommand()
        state = .text
    }

    // MARK: - Text

    /// Reads text up to the line end, bounded by the line limit. Returns a frame, or nil when it
    /// needs more input (state unchanged) or changed state without a frame.
    private mutating func readText() -> IMAPFrame? {
        let segmentLength = command.count - lineStart
        // One byte more than the limit may be a CR before the LF.
        let allowance = max(0, maximumLineLength + 1 - segmentLength)
        let scanEnd = min(buffer.count, readIndex + allowance + 1)
        guard let lf = buffer[readIndex..<scanEnd].firstIndex(of: IMAPGrammar.lf) else {
            if buffer.count - readIndex > allowance {
                command.append(contentsOf: buffer[readIndex..<readIndex + allowance])
                readIndex += allowance
                let tag = IMAPGrammar.tag(of: command)
                resetCommand()
                state = .skippingLine
                return .lineTooLong(tag: tag)
            }
            command.append(contentsOf: buffer[readIndex...])
            readIndex = buffer.count
            return nil
        }
        command.append(contentsOf: buffer[readIndex..<lf])
        readIndex = lf + 1
        var contentEnd = command.count
        if contentEnd > lineStart, command[contentEnd - 1] == IMAPGrammar.cr { contentEnd -= 1 }
        if contentEnd - lineStart > maximumLineLength {
            let tag = IMAPGrammar.tag(of: command)
            resetCommand()
            return .lineTooLong(tag: tag)
        }
        guard let marker = LiteralMarker(command[lineStart..<contentEnd]) else {
            let frame = IMAPFrame.command(Array(command[..<contentEnd]))
            resetCommand()
            return frame
        }
        return acceptLiteral(marker)
    }

    private mutating func acceptLiteral(_ marker: LiteralMarker) -> IMAPFrame? {
        // The literal is refused when it alone, or the command with it, is over the limit.
        let tooLarge = marker.size > UInt64(max(0, maximumLiteralSize))
            || UInt64(command.count) + marker.size > UInt64(max(0, maximumCommandSize))
        if tooLarge {
            let tag = IMAPGrammar.tag(of: command)
            resetCommand()
            if !marker.synchronizing { state = .discardingAll }
            return .literalTooLarge(tag: tag, size: marker.size, synchronizing: marker.synchronizing)
        }
        command.append(IMAPGrammar.lf)
        state = .literal(remaining: Int(marker.size))
        return marker.synchronizing ? .continuationRequest : nil
    }

    private mutating func resetCommand() {
        command.removeAll(keepingCapacity: command.capacity <= 4096)
        lineStart = 0
    }

    private mutating func compact() {
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 65_536)
            readIndex = 0
        } else if readIndex > 4096, readIndex * 2 > buffer.count {
            buffer.removeFirst(readIndex)
            readIndex = 0
        }
    }
}

/// The literal marker at the end of a line (RFC 3501 §9 `literal`, RFC 7888 `literal`,
/// RFC 3516 `literal8`): `{N}`, `{N+}`, `~{N}`, `~{N+}`. A size too big for UInt64 is UInt64.max.
struct LiteralMarker: Equatable {
    var size: UInt64
    var synchronizing: Bool

    init?(_ line: ArraySlice<UInt8>) {
        guard line.last == IMAPGrammar.closeBrace else { return nil }
        var end = line.endIndex - 1
        synchronizing = true
        if end > line.startIndex, line[end - 1] == IMAPGrammar.plus {
            synchronizing = false
            end -= 1
        }
        var start = end
        while start > line.startIndex, IMAPGrammar.isDigit(line[start - 1]) { start -= 1 }
        guard start < end, start > line.startIndex, line[start - 1] == IMAPGrammar.openBrace else { return nil }
        var size: UInt64 = 0
        for digit in line[start..<end] {
            let (times10, o1) = size.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit - 0x30))
            if o1 || o2 { size = .max; break }
            size = sum
        }
        self.size = size
    }
}
