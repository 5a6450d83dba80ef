import CLibFuzzer
import MaildexLMTPCodec

/// libFuzzer entry: every line of the input is parsed as an LMTP command (addresses and
/// parameters included); once a line parses as DATA, the following lines go through
/// ``LMTPDataReader`` (dot-unstuffing, size limit) until the final `.`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLMTP(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    var reader: LMTPDataReader?
    for line in input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        var bytes = Array(line)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        if var current = reader {
            if bytes.count > LMTPCommand.maximumLineLength * 2 { current.noteOverlongLine() }
            let finished = current.append(line: bytes)
            reader = finished ? nil : current
            continue
        }
        if let command = try? LMTPCommand(parsing: bytes) {
            _ = String(describing: command)
            if case .data = command { reader = LMTPDataReader(maximumSize: 1_024) }
        }
    }
    return 0
}

/// The program's entry (SwiftPM points `main` here): hands control to libFuzzer's driver.
@_cdecl("fuzz_lmtp_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzzLMTP(data, size)
    }
}
