import CLibFuzzer
import MaildexAuth

/// libFuzzer entry: the input is a Dovecot passwd-file (`user:{SCHEME}hash:uid:gid:gecos:home:shell:extra`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPasswd(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parsed = PasswdFile.parse(text, path: "fuzz.passwd")
    _ = parsed.problems.map(\.description)
    for entry in parsed.entries.values { _ = entry.fields }
    return 0
}

/// The program's entry (SwiftPM points `main` here): hands control to libFuzzer's driver.
@_cdecl("fuzz_passwd_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzzPasswd(data, size)
    }
}
