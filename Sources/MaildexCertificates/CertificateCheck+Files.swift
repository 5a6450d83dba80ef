import Foundation

extension CertificateCheck {
    /// Reads and parses every certificate of a PEM file, reporting success or the reason.
    static func loadCertificates(_ path: String, role: String, into findings: inout [Finding]) -> [Certificate]? {
        let text: String
        do {
            text = try readTextFile(path, role: role)
        } catch {
            findings.append(.error("\(error)"))
            return nil
        }
        do {
            let certificates = try Certificate.chain(pem: text)
            let leaf = certificates[0]
            let count = certificates.count == 1 ? "" : " (+\(certificates.count - 1) more in the file)"
            findings.append(.ok("\(role) \(path): \(leaf.subject), issued by \(leaf.issuer)\(count)"))
            return certificates
        } catch {
            findings.append(.error("\(role) \(path): \(error)"))
            return nil
        }
    }

    /// Reads and parses a private key of any algorithm libcrypto knows; warns when others may read the file.
    static func loadKey(_ path: String, into findings: inout [Finding]) -> KeyHandle? {
        let text: String
        do {
            text = try readTextFile(path, role: "key")
        } catch {
            findings.append(.error("\(error)"))
            return nil
        }
        let key: KeyHandle
        do {
            key = try KeyHandle(pem: text)
        } catch {
            findings.append(.error("key \(path): \(error)"))
            return nil
        }
        findings.append(.ok("key \(path): \(key.typeDescription)"))
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
            findings.append(.warning("key \(path) is readable by others (mode \(String(mode, radix: 8))); run chmod 600"))
        }
        return key
    }
}
