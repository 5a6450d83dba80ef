import COpenSSL

/// Extensions written in libcrypto's configuration syntax (`x509v3_config(5)`), as `openssl req` reads them.
enum X509Extensions {
    /// Builds one extension; the caller frees it with `X509_EXTENSION_free`.
    static func make(_ nid: Int32, _ value: String, context: inout X509V3_CTX) throws -> OpaquePointer {
        guard let made = X509V3_EXT_nconf_nid(nil, &context, nid, value) else {
            let name = OBJ_nid2sn(nid).map { String(cString: $0) } ?? "extension \(nid)"
            throw openSSLFailure("build \(name) extension \"\(value)\"")
        }
        return made
    }

    /// Adds one extension to a certificate.
    static func add(_ nid: Int32, _ value: String, to certificate: OpaquePointer, context: inout X509V3_CTX) throws {
        let made = try make(nid, value, context: &context)
        defer { X509_EXTENSION_free(made) }
        guard X509_add_ext(certificate, made, -1) == 1 else { throw openSSLFailure("add extension \"\(value)\"") }
    }
}
