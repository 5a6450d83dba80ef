import CLibFuzzer
import MaildexIMAPCodec

/// libFuzzer entry: the input is a client byte stream. It is fed to ``IMAPFrameDecoder`` in
/// chunks (sizes taken from the first byte, so splits inside CRLF and literals are explored),
/// with small limits so the too-long paths run, and every command frame is parsed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIMAP(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let first = input.first else { return 0 }
    let chunk = Int(first % 17) + 1
    var decoder = IMAPFrameDecoder(maximumLineLength: 512, maximumLiteralSize: 2_048)
    var offset = 1
    while offset < input.count {
        let end = min(input.count, offset + chunk)
        decoder.append(input[offset..<end])
        offset = end
        while let frame = decoder.next() {
            if case .command(let bytes) = frame {
                _ = try? IMAPCommandParser.parse(bytes)
            }
        }
    }
    // The whole input as one command, too: the parser must also survive what the decoder never hands over.
    _ = try? IMAPCommandParser.parse(Array(input.dropFirst()))
    return 0
}

/// The program's entry (SwiftPM points `main` here): hands control to libFuzzer's driver.
@_cdecl("fuzz_imap_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzzIMAP(data, size)
    }
}
