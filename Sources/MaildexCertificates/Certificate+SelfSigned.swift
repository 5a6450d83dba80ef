public import Foundation
import COpenSSL

extension Certificate {
    /// A self-signed server certificate for testing, like `openssl req -x509 -newkey … -days 365`.
    ///
    /// Version 3, a random 16-byte serial, SHA-256, basicConstraints `CA:FALSE`, keyUsage
    /// `digitalSignature,keyEncipherment` (`digitalSignature` alone for EC keys, RFC 5480 §3),
    /// extendedKeyUsage `serverAuth`, subject and authority key identifiers, and a subjectAltName
    /// with the common name (when it is a host name) and `alternativeNames` (RFC 5280 §4.2.1).
    ///
    /// `days` counts from now. A negative `days` makes a certificate that expired `-days` days ago
    /// and was valid for the `-days` days before that, for testing expiry checks.
    ///
    /// - Throws: ``InvalidValidity`` for `days == 0`, ``InvalidDistinguishedName``,
    ///   ``InvalidAlternativeName`` or ``OpenSSLError``.
    public static func selfSigned(
        key: PrivateKey, subject: DistinguishedName, alternativeNames: [String] = [], days: Int = 365
    ) throws -> Certificate {
        guard days != 0 else { throw InvalidValidity(reason: "days must not be 0") }
        guard abs(days) <= 100 * 366 else { throw InvalidValidity(reason: "\(days) days is more than 100 years") }
        let now = Date()
        let day: TimeInterval = 86_400
        let (start, end) = days > 0
            ? (now, now + TimeInterval(days) * day)
            : (now + 2 * TimeInterval(days) * day, now + TimeInterval(days) * day)
        return try selfSigned(key: key, subject: subject, alternativeNames: alternativeNames, notBefore: start, notAfter: end)
    }

    /// A self-signed server certificate valid from `notBefore` to `notAfter`; otherwise as
    /// ``selfSigned(key:subject:alternativeNames:days:)``.
    ///
    /// - Throws: ``InvalidValidity`` when `notAfter` is not after `notBefore`.
    public static func selfSigned(
        key: PrivateKey, subject: DistinguishedName, alternativeNames: [String] = [], notBefore: Date, notAfter: Date
    ) throws -> Certificate {
        ERR_clear_error()
        guard notAfter > notBefore else { throw InvalidValidity(reason: "notAfter \(notAfter) is not after notBefore \(notBefore)") }
        let names = try SubjectAlternativeNames(commonName: subject.commonName, names: alternativeNames)
        let name = try subject.makeX509Name()
        defer { X509_NAME_free(name) }
        guard let certificate = X509_new() else { throw openSSLFailure("allocate certificate") }
        var keep = false
        defer { if !keep { X509_free(certificate) } }

        guard X509_set_version(certificate, 2) == 1,  // 2 means v3 (RFC 5280 §4.1.2.1)
              X509_set_subject_name(certificate, name) == 1,
              X509_set_issuer_name(certificate, name) == 1,
              X509_set_pubkey(certificate, key.handle.pointer) == 1,
              ASN1_TIME_set(X509_getm_notBefore(certificate), time_t(notBefore.timeIntervalSince1970)) != nil,
              ASN1_TIME_set(X509_getm_notAfter(certificate), time_t(notAfter.timeIntervalSince1970)) != nil
        else { throw openSSLFailure("fill certificate") }
        try setRandomSerial(certificate)

        var context = X509V3_CTX()
        X509V3_set_ctx(&context, certificate, certificate, nil, nil, 0)
        let keyUsage = key.algorithm == .ecP256 ? "critical,digitalSignature" : "critical,digitalSignature,keyEncipherment"
        try X509Extensions.add(NID_basic_constraints, "critical,CA:FALSE", to: certificate, context: &context)
        try X509Extensions.add(NID_key_usage, keyUsage, to: certificate, context: &context)
        try X509Extensions.add(NID_ext_key_usage, "serverAuth", to: certificate, context: &context)
        try X509Extensions.add(NID_subject_key_identifier, "hash", to: certificate, context: &context)
        try X509Extensions.add(NID_authority_key_identifier, "keyid:always", to: certificate, context: &context)
        if !names.entries.isEmpty {
            try X509Extensions.add(NID_subject_alt_name, names.configValue, to: certificate, context: &context)
        }

        guard X509_sign(certificate, key.handle.pointer, EVP_sha256()) > 0 else {
            throw openSSLFailure("sign certificate with \(key.algorithm) key")
        }
        keep = true
        return Certificate(handle: CertificateHandle(certificate))
    }

    /// 16 random bytes with the top bit clear: positive and at most 20 octets (RFC 5280 §4.1.2.2).
    private static func setRandomSerial(_ certificate: OpaquePointer) throws {
        var bytes = [UInt8](repeating: 0, count: 16)
        guard RAND_bytes(&bytes, Int32(bytes.count)) == 1 else { throw openSSLFailure("generate serial number") }
        bytes[0] = (bytes[0] & 0x7F) | 0x01  // positive, and never a short (leading-zero) serial
        guard let number = BN_bin2bn(bytes, Int32(bytes.count), nil) else { throw openSSLFailure("generate serial number") }
        defer { BN_free(number) }
        guard BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate)) != nil else {
            throw openSSLFailure("set serial number")
        }
    }
}
