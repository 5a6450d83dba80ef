import CLibFuzzer
import Glibc
import MaildexMbox

/// libFuzzer entry: the input (after its first byte, which picks the read size) is an mbox file,
/// read message by message with chunks as small as one byte so lines split across reads.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMbox(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let chunkSize = Int(data[0] % 64) + 1
    var template = Array("/tmp/maildex-fuzz-mbox-XXXXXX".utf8CString)
    let fd = mkstemp(&template)
    guard fd >= 0 else { return 0 }
    let path = String(cString: template)
    defer { unlink(path) }
    _ = write(fd, data + 1, size - 1)
    close(fd)
    guard var reader = try? MboxReader(path: path, chunkSize: chunkSize) else { return 0 }
    while let message = try? reader.next() { _ = message.bytes.count }
    _ = reader.problems.map(String.init(describing:))
    return 0
}

/// The program's entry (SwiftPM points `main` here): hands control to libFuzzer's driver.
@_cdecl("fuzz_mbox_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzzMbox(data, size)
    }
}
