public import Foundation
import COpenSSL

extension Certificate {
    /// The subject in the one-line RFC 2253 form, most specific first: `CN=mail.example.com,O=Example Inc.,C=JP`.
    public var subject: String { Self.oneLine(X509_get_subject_name(handle.pointer)) }

    /// The issuer in the one-line RFC 2253 form.
    public var issuer: String { Self.oneLine(X509_get_issuer_name(handle.pointer)) }

    /// The last (most specific) commonName of the subject, if any.
    public var commonName: String? {
        guard let name = X509_get_subject_name(handle.pointer) else { return nil }
        var index: Int32 = -1
        var found: Int32 = -1
        while true {
            index = X509_NAME_get_index_by_NID(name, NID_commonName, index)
            if index < 0 { break }
            found = index
        }
        guard found >= 0, let entry = X509_NAME_get_entry(name, found) else { return nil }
        return utf8String(X509_NAME_ENTRY_get_data(entry))
    }

    /// The DNS names of the subjectAltName extension (RFC 5280 §4.2.1.6), in certificate order.
    public var alternativeNames: [String] {
        generalNames().compactMap { if case .dns(let name) = $0 { name } else { nil } }
    }

    /// The IP addresses of the subjectAltName extension, in text form.
    public var alternativeAddresses: [String] {
        generalNames().compactMap { if case .ip(let address) = $0 { address } else { nil } }
    }

    /// Start of the validity period (RFC 5280 §4.1.2.5).
    public var notBefore: Date { Self.date(X509_get0_notBefore(handle.pointer)) }

    /// End of the validity period (RFC 5280 §4.1.2.5).
    public var notAfter: Date { Self.date(X509_get0_notAfter(handle.pointer)) }

    /// Issuer equals subject and the signature verifies with the certificate's own key.
    public var isSelfSigned: Bool {
        defer { ERR_clear_error() }
        guard X509_NAME_cmp(X509_get_subject_name(handle.pointer), X509_get_issuer_name(handle.pointer)) == 0,
              let key = X509_get0_pubkey(handle.pointer)
        else { return false }
        return X509_verify(handle.pointer, key) == 1
    }

    /// True when `key` is the private half of this certificate's public key.
    public func matches(_ key: PrivateKey) -> Bool { matches(key.handle) }

    func matches(_ key: KeyHandle) -> Bool {
        defer { ERR_clear_error() }
        guard let own = X509_get0_pubkey(handle.pointer) else { return false }
        return EVP_PKEY_eq(own, key.pointer) == 1
    }

    /// True when a client connecting to `hostname` accepts this certificate's names: DNS subjectAltNames,
    /// with a `*` allowed only as the whole leftmost label (RFC 6125 §6.4.3), the common name only when
    /// there are no DNS names (`X509_check_host`); an IP address is matched against IP subjectAltNames.
    public func covers(hostname: String) -> Bool {
        defer { ERR_clear_error() }
        guard !hostname.isEmpty, !hostname.utf8.contains(0) else { return false }
        if SubjectAlternativeNames.isIPAddress(hostname) {
            return X509_check_ip_asc(handle.pointer, hostname, 0) == 1
        }
        let flags = UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS)
        return X509_check_host(handle.pointer, hostname, hostname.utf8.count, flags, nil) == 1
    }

    /// The certificate's SHA-256 fingerprint as colon-separated hex, as `openssl x509 -fingerprint -sha256` prints it.
    public var sha256Fingerprint: String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(handle.pointer, EVP_sha256(), &digest, &length) == 1 else {
            ERR_clear_error()
            return ""
        }
        return digest.prefix(Int(length)).map { String(format: "%02X", $0) }.joined(separator: ":")
    }

    // MARK: - libcrypto conversions

    enum GeneralName {
        case dns(String)
        case ip(String)
    }

    func generalNames() -> [GeneralName] {
        guard let raw = X509_get_ext_d2i(handle.pointer, NID_subject_alt_name, nil, nil) else {
            ERR_clear_error()
            return []
        }
        let names = OpaquePointer(raw)
        defer { GENERAL_NAMES_free(names) }
        var result: [GeneralName] = []
        for index in 0..<OPENSSL_sk_num(names) {
            guard let name = OPENSSL_sk_value(names, index)?.assumingMemoryBound(to: GENERAL_NAME.self) else { continue }
            switch name.pointee.type {
            case GEN_DNS:
                if let string = name.pointee.d.dNSName, let data = ASN1_STRING_get0_data(string) {
                    result.append(.dns(String(decoding: UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string))), as: UTF8.self)))
                }
            case GEN_IPADD:
                if let string = name.pointee.d.iPAddress, let address = Self.ipText(string) { result.append(.ip(address)) }
            default:
                continue
            }
        }
        return result
    }

    private static func ipText(_ string: UnsafeMutablePointer<ASN1_STRING>) -> String? {
        guard let data = ASN1_STRING_get0_data(string) else { return nil }
        let length = Int(ASN1_STRING_length(string))
        let family: Int32
        switch length {
        case 4: family = AF_INET
        case 16: family = AF_INET6
        default: return nil
        }
        var buffer = [CChar](repeating: 0, count: 64)
        guard inet_ntop(family, data, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func oneLine(_ name: OpaquePointer?) -> String {
        guard let name else { return "" }
        // XN_FLAG_RFC2253 (a macro Swift does not import) without ASN1_STRFLGS_ESC_MSB, so UTF-8 stays readable.
        let escape2253: UInt = 1, escapeControl: UInt = 2, utf8Convert: UInt = 0x10
        let dumpUnknown: UInt = 0x100, dumpDER: UInt = 0x200
        let separatorCommaPlus: UInt = 1 << 16, reverse: UInt = 1 << 20, dumpUnknownFields: UInt = 1 << 24
        let flags = escape2253 | escapeControl | utf8Convert | dumpUnknown | dumpDER | separatorCommaPlus | reverse | dumpUnknownFields
        return (try? writeToString("print name") { bio in
            X509_NAME_print_ex(bio, name, 0, flags) >= 0 ? 1 : 0
        }) ?? ""
    }

    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else {
            ERR_clear_error()
            return Date(timeIntervalSince1970: 0)
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
