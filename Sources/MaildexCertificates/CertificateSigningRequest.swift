import COpenSSL

/// A PKCS #10 certificate signing request (RFC 2986), what `openssl req -new` writes
/// and a certificate authority asks for.
///
/// ```swift
/// let csr = try CertificateSigningRequest.create(key: key, subject: DistinguishedName(commonName: "mail.example.com"))
/// print(csr.pem)   // -----BEGIN CERTIFICATE REQUEST----- …
/// ```
public struct CertificateSigningRequest: Sendable {
    /// The request as PEM (`-----BEGIN CERTIFICATE REQUEST-----`).
    public let pem: String

    /// Creates and signs (SHA-256) a request for `key` with `subject` and a subjectAltName extension
    /// (RFC 5280 §4.2.1.6) listing the common name, when it is a host name, and `alternativeNames`.
    ///
    /// - Throws: ``InvalidDistinguishedName``, ``InvalidAlternativeName``, or ``OpenSSLError``.
    public static func create(key: PrivateKey, subject: DistinguishedName, alternativeNames: [String] = []) throws -> CertificateSigningRequest {
        ERR_clear_error()
        let names = try SubjectAlternativeNames(commonName: subject.commonName, names: alternativeNames)
        let name = try subject.makeX509Name()
        defer { X509_NAME_free(name) }
        guard let request = X509_REQ_new() else { throw openSSLFailure("allocate certificate request") }
        defer { X509_REQ_free(request) }
        guard X509_REQ_set_version(request, 0) == 1,  // v1, the only PKCS #10 version
              X509_REQ_set_subject_name(request, name) == 1,
              X509_REQ_set_pubkey(request, key.handle.pointer) == 1
        else { throw openSSLFailure("fill certificate request") }

        if !names.entries.isEmpty {
            var context = X509V3_CTX()
            X509V3_set_ctx(&context, nil, nil, request, nil, 0)
            let alternativeNames = try X509Extensions.make(NID_subject_alt_name, names.configValue, context: &context)
            defer { X509_EXTENSION_free(alternativeNames) }
            guard let stack = OPENSSL_sk_new_null() else { throw openSSLFailure("allocate extension list") }
            defer { OPENSSL_sk_free(stack) }  // the list only borrows the extension
            guard OPENSSL_sk_push(stack, UnsafeRawPointer(alternativeNames)) > 0,
                  X509_REQ_add_extensions(request, stack) == 1
            else { throw openSSLFailure("add subjectAltName to certificate request") }
        }

        guard X509_REQ_sign(request, key.handle.pointer, EVP_sha256()) > 0 else {
            throw openSSLFailure("sign certificate request with \(key.algorithm) key")
        }
        let pem = try writeToString("write certificate request PEM") { PEM_write_bio_X509_REQ($0, request) }
        return CertificateSigningRequest(pem: pem)
    }
}
