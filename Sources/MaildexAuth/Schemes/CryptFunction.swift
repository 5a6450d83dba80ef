import CCrypt
import Glibc

/// crypt(3) through libxcrypt's reentrant `crypt_r`, with a zeroed `struct crypt_data` on the
/// heap for every call (it is 32 KiB, too big for a thread stack, and plain `crypt()` shares
/// static state between threads).
enum CryptFunction {
    /// The hash of `password` under `setting` (a full stored hash or a fresh salt), or `nil`
    /// when libcrypt refuses the setting (unknown method, malformed salt) or the password
    /// contains a NUL byte.
    static func hash(_ password: [UInt8], setting: String) -> String? {
        guard !password.contains(0) else { return nil }
        guard let raw = calloc(1, MemoryLayout<crypt_data>.size) else { return nil }
        defer {
            memset(raw, 0, MemoryLayout<crypt_data>.size)
            free(raw)
        }
        let data = raw.bindMemory(to: crypt_data.self, capacity: 1)
        var phrase = password.map { CChar(bitPattern: $0) }
        phrase.append(0)
        defer { for index in phrase.indices { phrase[index] = 0 } }
        guard let output = crypt_r(phrase, setting, data) else { return nil }
        let result = String(cString: output)
        // libxcrypt signals failure with a string starting with "*" (never a valid hash).
        return result.hasPrefix("*") ? nil : result
    }

    /// A new setting (method prefix, cost and random salt) from `crypt_gensalt_rn`.
    /// `cost` 0 means libcrypt's default for the method.
    static func makeSetting(prefix: String, cost: UInt) throws(CryptoFailure) -> String {
        var output = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard let setting = crypt_gensalt_rn(prefix, cost, nil, 0, &output, Int32(output.count)),
              setting.pointee != 0, setting.pointee != CChar(UInt8(ascii: "*"))
        else { throw CryptoFailure(operation: "crypt_gensalt_rn(\(prefix))") }
        return String(cString: setting)
    }
}
