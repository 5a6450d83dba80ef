import COpenSSL
import Foundation

/// Builds and verifies a certificate chain with an `X509_STORE`, for ``CertificateCheck``.
struct ChainVerifier {
    /// A PEM file or hashed directory of trusted roots; nil means libcrypto's default paths (the system store).
    var trustedRootsPath: String?

    typealias Finding = CertificateCheck.Finding

    /// Verifies `leaf` up to a trusted root with `untrusted` as the intermediates clients receive.
    /// Validity periods are checked separately (the leaf by the caller, the rest here against `now`),
    /// so an expired certificate does not hide whether the chain is complete.
    func verify(_ leaf: Certificate, untrusted: [Certificate], now: Date) -> [Finding] {
        ERR_clear_error()
        guard let store = X509_STORE_new() else { return [.error(openSSLFailure("create trust store").description)] }
        defer { X509_STORE_free(store) }
        if let problem = loadRoots(into: store) { return [.error(problem)] }

        guard let stack = OPENSSL_sk_new_null() else { return [.error(openSSLFailure("allocate chain").description)] }
        defer { OPENSSL_sk_free(stack) }  // borrows the certificates
        for certificate in untrusted { OPENSSL_sk_push(stack, UnsafeRawPointer(certificate.handle.pointer)) }

        guard let context = X509_STORE_CTX_new() else { return [.error(openSSLFailure("create verify context").description)] }
        defer { X509_STORE_CTX_free(context) }
        guard X509_STORE_CTX_init(context, store, leaf.handle.pointer, stack) == 1 else {
            return [.error(openSSLFailure("start chain verification").description)]
        }
        X509_STORE_CTX_set_flags(context, UInt(X509_V_FLAG_NO_CHECK_TIME))
        _ = X509_STORE_CTX_set_purpose(context, X509_PURPOSE_SSL_SERVER)

        guard X509_verify_cert(context) == 1 else {
            let findings = [failure(context, hasIntermediates: !untrusted.isEmpty)]
            ERR_clear_error()
            return findings
        }
        return success(chain(of: context), untrusted: untrusted, now: now)
    }

    private func loadRoots(into store: OpaquePointer) -> String? {
        guard let path = trustedRootsPath else {
            return X509_STORE_set_default_paths(store) == 1 ? nil : openSSLFailure("load the system trust store").description
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return "trusted roots \(path) do not exist"
        }
        let loaded = isDirectory.boolValue ? X509_STORE_load_path(store, path) : X509_STORE_load_file(store, path)
        return loaded == 1 ? nil : openSSLFailure("load trusted roots from \(path)").description
    }

    private func failure(_ context: OpaquePointer, hasIntermediates: Bool) -> Finding {
        let code = X509_STORE_CTX_get_error(context)
        let depth = X509_STORE_CTX_get_error_depth(context)
        let reason = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "error \(code)"
        let subject = X509_STORE_CTX_get_current_cert(context).map { Certificate.oneLine(X509_get_subject_name($0)) } ?? "?"
        switch code {
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
            let hint = hasIntermediates
                ? "an intermediate certificate is missing or is not the right one"
                : "the intermediate certificate is missing; set ssl_ca to the CA's intermediate bundle"
            return .error("chain incomplete: no issuer found for \(subject) (\(reason)); \(hint)")
        default:
            return .error("chain does not verify at depth \(depth) (\(subject)): \(reason)")
        }
    }

    private func success(_ chain: [OpaquePointer], untrusted: [Certificate], now: Date) -> [Finding] {
        var findings: [Finding] = []
        let subjects = chain.map { Certificate.oneLine(X509_get_subject_name($0)) }
        findings.append(.ok("chain verifies: \(subjects.joined(separator: " → "))"))
        for (depth, certificate) in chain.enumerated() where depth > 0 {
            let subject = subjects[depth]
            let isAnchor = depth == chain.count - 1
            if !isAnchor, !untrusted.contains(where: { X509_cmp($0.handle.pointer, certificate) == 0 }) {
                findings.append(.warning("intermediate \(subject) comes from the trust store, not from ssl_cert or ssl_ca; clients may not have it"))
            }
            let notAfter = Certificate.date(X509_get0_notAfter(certificate))
            let notBefore = Certificate.date(X509_get0_notBefore(certificate))
            if notAfter < now {
                findings.append(.error("chain certificate \(subject) expired on \(CertificateCheck.day(notAfter))"))
            } else if notBefore > now {
                findings.append(.error("chain certificate \(subject) is not valid before \(CertificateCheck.day(notBefore))"))
            }
        }
        return findings
    }

    /// The verified chain, leaf first; the certificates stay owned by the context.
    private func chain(of context: OpaquePointer) -> [OpaquePointer] {
        guard let stack = X509_STORE_CTX_get0_chain(context) else { return [] }
        return (0..<OPENSSL_sk_num(stack)).compactMap { OPENSSL_sk_value(stack, $0).map(OpaquePointer.init) }
    }
}
