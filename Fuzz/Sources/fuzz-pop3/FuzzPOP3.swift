import CLibFuzzer
import MaildexPOP3Codec

/// libFuzzer entry: every LF-separated line of the input is parsed as a POP3 command, and the
/// whole input is dot-stuffed as a message (RETR) and cut for TOP.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPOP3(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    for line in input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        var bytes = Array(line)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        _ = try? POP3Command(parsing: bytes)
    }
    _ = POP3MultiLine.message(input)
    _ = POP3MultiLine.top(input, bodyLines: Int(input.first ?? 0) % 5)
    return 0
}

/// The program's entry (SwiftPM points `main` here): hands control to libFuzzer's driver.
@_cdecl("fuzz_pop3_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzzPOP3(data, size)
    }
}
