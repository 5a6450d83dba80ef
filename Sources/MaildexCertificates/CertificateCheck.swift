public import Foundation

/// What `mailadm cert check` reports about the configured `ssl_cert`, `ssl_key` and `ssl_ca` files.
///
/// ```
/// ok       certificate /etc/maildex/tls/server.crt: CN=mail.example.com, issued by CN=Example CA R1,O=Example
/// ok       key /etc/maildex/tls/server.key: RSA 2048
/// ok       the key matches the certificate
/// warning  the certificate expires on 2025-07-01 (in 12 days)
/// ok       chain verifies: CN=mail.example.com → CN=Example CA R1,O=Example → CN=Example Root,O=Example
/// ok       the certificate covers mail.example.com
/// ```
public struct CertificateCheck: Sendable {
    /// One line of the report.
    public struct Finding: Sendable, Equatable {
        public enum Severity: Sendable { case ok, warning, error }
        public var severity: Severity
        /// A sentence for the operator; names the file or certificate it is about.
        public var message: String

        public init(severity: Severity, message: String) {
            self.severity = severity
            self.message = message
        }

        static func ok(_ message: String) -> Finding { Finding(severity: .ok, message: message) }
        static func warning(_ message: String) -> Finding { Finding(severity: .warning, message: message) }
        static func error(_ message: String) -> Finding { Finding(severity: .error, message: message) }
    }

    /// A certificate that expires within this many days gives a warning. The default is 30.
    public static let expiryWarningDays = 30

    /// Checks the files the way `mailadm cert check` reports them: the certificate and key parse;
    /// the key matches; the certificate is not expired (warning under ``expiryWarningDays`` days left);
    /// the chain is complete, that is the leaf verifies up to a trusted root using the certificates
    /// after it in `certificatePath` and those in `caPath` (`ssl_ca`, the intermediates), or is
    /// self-signed (warning); and the names cover `hostname` when given (RFC 6125).
    ///
    /// - Parameters:
    ///   - trustedRootsPath: a PEM file or a hashed certificate directory of trusted roots; nil uses
    ///     the system trust store (`/etc/ssl/certs`, or `SSL_CERT_FILE`/`SSL_CERT_DIR` when set).
    ///   - now: the time to check validity against.
    /// - Returns: findings in report order; never throws, every problem is an `.error` finding.
    public static func run(
        certificatePath: String, keyPath: String, caPath: String?, hostname: String?,
        trustedRootsPath: String? = nil, now: Date = Date()
    ) -> [Finding] {
        var findings: [Finding] = []
        let certificates = loadCertificates(certificatePath, role: "certificate", into: &findings)
        let key = loadKey(keyPath, into: &findings)
        let authorities = caPath.flatMap { loadCertificates($0, role: "ssl_ca", into: &findings) } ?? []

        guard let leaf = certificates?.first else { return findings }
        if let key {
            findings.append(leaf.matches(key)
                ? .ok("the key matches the certificate")
                : .error("the key \(keyPath) does not match the certificate \(certificatePath)"))
        }
        findings.append(validity(of: leaf, now: now))
        if leaf.isSelfSigned {
            findings.append(.warning("the certificate is self-signed: clients will not trust it unless told to"))
        } else {
            let untrusted = Array(certificates?.dropFirst() ?? []) + authorities
            findings += ChainVerifier(trustedRootsPath: trustedRootsPath).verify(leaf, untrusted: untrusted, now: now)
        }
        if let hostname { findings += names(of: leaf, cover: hostname) }
        return findings
    }

    static func validity(of certificate: Certificate, now: Date) -> Finding {
        let daysLeft = Int((certificate.notAfter.timeIntervalSince(now) / 86_400).rounded(.down))
        if now < certificate.notBefore {
            return .error("the certificate is not valid before \(day(certificate.notBefore))")
        }
        if now > certificate.notAfter {
            return .error("the certificate expired on \(day(certificate.notAfter)) (\(-daysLeft) days ago)")
        }
        if daysLeft < expiryWarningDays {
            return .warning("the certificate expires on \(day(certificate.notAfter)) (in \(daysLeft) days)")
        }
        return .ok("the certificate is valid until \(day(certificate.notAfter)) (\(daysLeft) days left)")
    }

    static func names(of certificate: Certificate, cover hostname: String) -> [Finding] {
        let names = certificate.alternativeNames + certificate.alternativeAddresses
        var findings: [Finding] = []
        if names.isEmpty {
            findings.append(.warning("the certificate has no subjectAltName; many clients ignore the common name"))
        }
        let listed = names.isEmpty ? (certificate.commonName.map { "CN \($0)" } ?? "none") : names.joined(separator: ", ")
        findings.append(certificate.covers(hostname: hostname)
            ? .ok("the certificate covers \(hostname)")
            : .error("the certificate does not cover \(hostname) (its names: \(listed))"))
        return findings
    }

    /// `2026-03-01`, in UTC.
    static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current).year().month().day())
    }
}
