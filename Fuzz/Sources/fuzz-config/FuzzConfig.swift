import CLibFuzzer
import MaildexConfig

/// libFuzzer entry: the input is a Dovecot-style config file. `!include` and `<file` reads are
/// answered from memory (a fixed small file), never from disk, so the fuzzer cannot wander the file system.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let block = try? ConfigParser.parse(text: text, file: "fuzz.conf", baseDirectory: "/nonexistent") { path in
        guard path.hasSuffix(".conf") else { return "value" }
        return "included = yes\nblock {\n  key = $included\n}\n"
    }
    if let block { _ = ConfigRenderer.render(block) }
    return 0
}

/// The program's entry (SwiftPM points `main` here): hands control to libFuzzer's driver.
@_cdecl("fuzz_config_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzzConfig(data, size)
    }
}
