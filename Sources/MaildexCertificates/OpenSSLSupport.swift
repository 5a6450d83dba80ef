import COpenSSL

/// Drains this thread's OpenSSL error queue into readable lines, oldest first.
func drainOpenSSLErrors() -> [String] {
    var lines: [String] = []
    while true {
        let code = ERR_get_error()
        if code == 0 { break }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        lines.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return lines
}

/// An ``OpenSSLError`` for `operation` with whatever the queue holds now (the queue is emptied).
func openSSLFailure(_ operation: String) -> OpenSSLError {
    OpenSSLError(operation: operation, queue: drainOpenSSLErrors())
}

/// Runs `body` with a read-only memory BIO over `text`, freeing it afterwards.
func withReadBIO<T>(_ text: String, _ operation: String, _ body: (OpaquePointer) throws -> T) throws -> T {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBytes { raw in
        guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { throw openSSLFailure(operation) }
        defer { BIO_free(bio) }
        return try body(bio)
    }
}

/// Runs `write` against a fresh memory BIO and returns what it wrote as a string.
/// `write` returns OpenSSL's status (1 or positive on success).
func writeToString(_ operation: String, _ write: (OpaquePointer) -> Int32) throws -> String {
    guard let bio = BIO_new(BIO_s_mem()) else { throw openSSLFailure(operation) }
    defer { BIO_free(bio) }
    guard write(bio) > 0 else { throw openSSLFailure(operation) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = BIO_read(bio, &chunk, Int32(chunk.count))
        if count <= 0 { break }
        bytes += chunk[0..<Int(count)]
    }
    ERR_clear_error()  // BIO_read at the end of a memory BIO may leave a retry note
    return String(decoding: bytes, as: UTF8.self)
}

/// Reads an ASN1_STRING as UTF-8 (converting BMP/Universal/Latin-1 forms), nil when it cannot be converted.
func utf8String(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String? {
    guard let string else { return nil }
    var out: UnsafeMutablePointer<UInt8>?
    let count = ASN1_STRING_to_UTF8(&out, string)
    guard count >= 0, let out else {
        ERR_clear_error()
        return nil
    }
    defer { CRYPTO_free(out, #fileID, #line) }
    return String(decoding: UnsafeBufferPointer(start: out, count: Int(count)), as: UTF8.self)
}

/// Never prompts: libcrypto would otherwise ask for a pass phrase on the terminal for an encrypted key.
let refusePassphrase: @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32 = { _, _, _, _ in 0 }
