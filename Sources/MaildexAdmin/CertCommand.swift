import ArgumentParser
import Foundation
import MaildexCertificates

/// `mailadm cert key|csr|selfsigned|check`: the `openssl genrsa`, `openssl req` and
/// `openssl req -x509` steps of setting up TLS, and a check of the configured certificate.
struct CertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract: "Make TLS keys, certificate requests and test certificates; check the configured certificate.",
        subcommands: [Key.self, CSR.self, SelfSigned.self, Check.self]
    )

    /// `mailadm cert key --out server.key`, like `openssl genrsa -out server.key 2048`.
    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a private key (RSA 2048 by default), written with mode 0600.",
            discussion: "Like `openssl genrsa -out server.key 2048`; the key is PKCS#8 PEM (BEGIN PRIVATE KEY), unencrypted."
        )
        @Option(help: "Where to write the key.") var out: String
        @OptionGroup var algorithm: KeyAlgorithmOptions
        @ArgumentParser.Flag(help: "Replace an existing file.") var force = false

        func run() throws {
            let algorithm = try algorithm.resolved()
            try CertFiles.refuseExisting(out, force: force)
            let key: PrivateKey
            do { key = try PrivateKey.generate(algorithm) } catch { throw AdminError("\(error)") }
            try CertFiles.writeKey(key, to: out)
            print("wrote \(algorithm) key to \(out) (mode 0600)")
        }
    }

    /// `mailadm cert selfsigned --cn mail.example.com`, like `openssl req -x509 -newkey rsa:2048 -nodes`.
    struct SelfSigned: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "selfsigned",
            abstract: "Make a self-signed certificate for testing (and its key, unless --key names one).",
            discussion: """
                Writes server.crt and server.key in the current directory unless --out-cert/--out-key say \
                otherwise; with --key the existing key is used and no key is written. The subjectAltName \
                lists the common name and every --san. Clients do not trust a self-signed certificate \
                unless told to: use it for testing, and a CA-issued one (see `mailadm cert csr`) in production.
                """
        )
        @Option(help: "The common name: the server's host name.") var cn: String
        @Option(help: "Days the certificate is valid, from now.") var days = 365
        @Option(help: "Use this existing private key instead of generating one.") var key: String?
        @OptionGroup var algorithm: KeyAlgorithmOptions
        @Option(help: "Another DNS name or IP address for the subjectAltName (repeatable).") var san: [String] = []
        @Option(help: "Where to write the certificate.") var outCert = "server.crt"
        @Option(help: "Where to write a generated key (mode 0600).") var outKey = "server.key"
        @ArgumentParser.Flag(help: "Replace existing files.") var force = false

        func run() throws {
            guard days > 0 else { throw AdminError("--days must be at least 1, not \(days)") }
            if key != nil, algorithm.isGiven { throw AdminError("--type and --bits apply to a generated key, not to --key") }
            try CertFiles.refuseExisting(outCert, force: force)
            if key == nil { try CertFiles.refuseExisting(outKey, force: force) }
            let privateKey: PrivateKey
            if let key {
                privateKey = try CertFiles.readKey(key)
            } else {
                let algorithm = try algorithm.resolved()
                do { privateKey = try PrivateKey.generate(algorithm) } catch { throw AdminError("\(error)") }
            }
            let certificate: Certificate
            do {
                certificate = try Certificate.selfSigned(
                    key: privateKey, subject: DistinguishedName(commonName: cn), alternativeNames: san, days: days)
            } catch {
                throw AdminError("\(error)")
            }
            if key == nil {
                try CertFiles.writeKey(privateKey, to: outKey)
                print("wrote \(privateKey.algorithm) key to \(outKey) (mode 0600)")
            }
            try CertFiles.writePublic(certificate.pem, to: outCert)
            let names = (certificate.alternativeNames + certificate.alternativeAddresses).joined(separator: ", ")
            print("wrote self-signed certificate to \(outCert): \(certificate.subject), names \(names), valid until \(CertCommand.day(certificate.notAfter))")
        }
    }

    /// `2026-03-01`, in UTC.
    static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current).year().month().day())
    }
}

/// `--type rsa|ec` and `--bits 2048|3072|4096`, shared by `cert key` and `cert selfsigned`.
struct KeyAlgorithmOptions: ParsableArguments {
    enum KeyType: String, ExpressibleByArgument, CaseIterable {
        case rsa, ec
    }

    @Option(help: "The key type: rsa, or ec (NIST P-256). (default: rsa)") var type: KeyType?
    @Option(help: "The RSA modulus size: 2048, 3072 or 4096. (default: 2048)") var bits: Int?

    static let rsaSizes = [2048, 3072, 4096]

    var isGiven: Bool { type != nil || bits != nil }

    /// The algorithm the options name; RSA 2048 when none is given.
    func resolved() throws -> KeyAlgorithm {
        switch type ?? .rsa {
        case .rsa:
            let bits = bits ?? 2048
            guard Self.rsaSizes.contains(bits) else { throw AdminError("--bits must be 2048, 3072 or 4096, not \(bits)") }
            return .rsa(bits: bits)
        case .ec:
            if bits != nil { throw AdminError("--bits applies to RSA keys; an EC key is always P-256") }
            return .ecP256
        }
    }
}
