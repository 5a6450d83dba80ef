import ArgumentParser
import Foundation
import MaildexCertificates
import MaildexConfig

extension CertCommand {
    /// `mailadm cert check`: the configured certificate, key and intermediates, one finding a line.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the configured certificate: key matches, chain complete, not expired, names cover the host.",
            discussion: """
                Reads ssl_cert, ssl_key, ssl_ca and hostname from the configuration, or takes --cert, --key, \
                --ca and --host (the configuration is not read when --cert and --key are both given, unless \
                -c names it). The chain must verify to a root of the system trust store, or of --roots for \
                a private CA. Prints one line per check (ok, warning, error); exits 1 when any check fails.
                """
        )
        @OptionGroup var configFile: ConfigFileOption
        @Option(help: "The certificate (PEM, leaf first, intermediates may follow) instead of ssl_cert.") var cert: String?
        @Option(help: "The private key instead of ssl_key.") var key: String?
        @Option(help: "The intermediate certificates instead of ssl_ca.") var ca: String?
        @Option(help: "The host name clients connect to, instead of the configuration's hostname.") var host: String?
        @Option(help: "Trusted roots (a PEM file or hashed directory) instead of the system trust store.") var roots: String?

        func run() throws {
            let files = try resolvedFiles()
            let hostname = host ?? files.hostname
            var findings = CertificateCheck.run(
                certificatePath: files.certificate, keyPath: files.key, caPath: files.ca, hostname: hostname, trustedRootsPath: roots)
            if hostname == nil {
                findings.append(.init(severity: .warning, message: "names not checked: no --host and no hostname in the configuration"))
            }
            for finding in findings { print(Self.line(finding)) }
            let failed = findings.filter { $0.severity == .error }.count
            if failed > 0 { throw AdminError("\(failed) certificate check\(failed == 1 ? "" : "s") failed") }
        }

        /// `ok       the key matches the certificate`: the severity in a column, then the message.
        static func line(_ finding: CertificateCheck.Finding) -> String {
            let label = switch finding.severity {
            case .ok: "ok"
            case .warning: "warning"
            case .error: "error"
            }
            return label.padding(toLength: 9, withPad: " ", startingAt: 0) + finding.message
        }

        struct Files {
            var certificate: String
            var key: String
            var ca: String?
            var hostname: String?
        }

        /// The flags, filled in from the configuration's `ssl_cert = </path` settings where missing.
        func resolvedFiles() throws -> Files {
            guard cert == nil || key == nil || configFile.config != nil else {
                return Files(certificate: cert ?? "", key: key ?? "", ca: ca, hostname: nil)
            }
            let config = try configFile.load()
            let certificate = try cert ?? Self.path("ssl_cert", in: config, configPath: configFile.path, flag: "--cert")
            let keyPath = try key ?? Self.path("ssl_key", in: config, configPath: configFile.path, flag: "--key")
            let caPath = try ca ?? Self.optionalPath("ssl_ca", in: config)
            let hostname = config.value("hostname").flatMap { $0.isEmpty ? nil : $0 }
            return Files(certificate: certificate, key: keyPath, ca: caPath, hostname: hostname)
        }

        private static func path(_ key: String, in config: ConfigBlock, configPath: String, flag: String) throws -> String {
            guard let path = try optionalPath(key, in: config) else {
                throw AdminError("\(configPath) has no \(key) setting; set '\(key) = </path/to/file.pem' or pass \(flag)")
            }
            return path
        }

        /// The file of `key = </path`; an inline value is an error naming file and line.
        private static func optionalPath(_ key: String, in config: ConfigBlock) throws -> String? {
            guard let setting = config.setting(key), !setting.value.isEmpty || setting.sourceFile != nil else { return nil }
            guard let path = setting.sourceFile else {
                throw AdminError("\(setting.location): \(key) must name a file: '\(key) = </path/to/file.pem' (note the '<')")
            }
            return path
        }
    }
}
