import CLibFuzzer
import MaildexMIME

/// libFuzzer entry: the input is a message. Everything delivery computes from it runs:
/// the MIME tree, ENVELOPE, BODYSTRUCTURE, the indexed header fields, sort keys and body text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let message = ParsedMessage(parsing: Array(UnsafeBufferPointer(start: data, count: size)))
    _ = message.envelope.imapString
    _ = message.bodyStructure.imapString(extended: true)
    _ = message.indexedHeaders
    _ = SortKeys(header: message.header)
    _ = message.bodyText
    return 0
}

/// The program's entry (SwiftPM points `main` here): hands control to libFuzzer's driver.
@_cdecl("fuzz_mime_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzzMIME(data, size)
    }
}
