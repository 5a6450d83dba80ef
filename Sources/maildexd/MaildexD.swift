import ArgumentParser
import Foundation
import MaildexAdmin
import MaildexAuth
import MaildexConfig
import Maildex
import MaildexStore

/// The Maildex daemon. `-c maildex.conf` (Dovecot syntax) serves the listeners the file asks for,
/// `--check` only validates it, and `--dev` serves IMAP, POP3 and LMTP on loopback with embedded defaults.
struct MaildexD: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maildexd",
        abstract: "The Maildex mail server daemon."
    )

    @Option(name: [.customShort("c"), .long], help: "Configuration file (Dovecot syntax).") var config = "/etc/maildex/maildex.conf"
    @Flag(help: "Check the configuration file, print the listeners it asks for, and exit.") var check = false
    @Flag(help: "Run with embedded development defaults: data in ./.maildex-dev, loopback ports, a demo user.") var dev = false
    @Option(help: "Data directory for --dev.") var devData = ".maildex-dev"
    @Flag(help: "With --dev: let the system pick free ports (printed at start) instead of 1143/1993/1110/1995/2424.") var ephemeralPorts = false


    func run() async throws {
        if dev {
            try await runDev()
        } else {
            try await runConfigured()
        }
    }

    /// `--dev`: data in ./.maildex-dev, a self-signed certificate, a demo user, IMAP with STARTTLS
    /// on 1143, IMAPS on 1993, POP3 with STLS on 1110, POP3S on 1995 and LMTP on 2424, all on 127.0.0.1. Runs until SIGINT or SIGTERM.
    func runDev() async throws {
        let env = DevEnvironment(dataDirectory: devData)
        let password = try await env.prepare()
        let store = try MailStore(configuration: StoreConfiguration(dataDirectory: env.dataDirectory))
        let auth = try AuthConfiguration(config: nil, store: store)
        func port(_ fixed: Int) -> Int { ephemeralPorts ? 0 : fixed }
        var configuration = ServerConfiguration(listeners: [
            .init(.tcp(host: "127.0.0.1", port: port(1143)), service: .imap, tls: .startTLS),
            .init(.tcp(host: "127.0.0.1", port: port(1993)), service: .imap, tls: .implicit),
            .init(.tcp(host: "127.0.0.1", port: port(1110)), service: .pop3, tls: .startTLS),
            .init(.tcp(host: "127.0.0.1", port: port(1995)), service: .pop3, tls: .implicit),
            .init(.tcp(host: "127.0.0.1", port: port(2424)), service: .lmtp),
        ], certificatePath: env.certificatePath, keyPath: env.keyPath)
        configuration.loginPolicy = auth.policy
        configuration.logger = try DaemonLog.logger(path: nil)
        configuration.listeners.append(.init(.unix(path: env.dataDirectory + "/control"), service: .control))
        configuration.loginPolicy.mechanisms = [.plain, .login]
        let server = MailServer(configuration: configuration, store: store, authenticator: auth.authenticator)
        let bound = try await server.start()
        chmod(env.dataDirectory + "/control", 0o600)
        print("maildexd --dev: data directory \(env.dataDirectory), certificate \(env.certificatePath) (self-signed for localhost)")
        print("maildexd --dev: demo user 'demo', password '\(password)'")
        for listener in bound {
            if listener.configuration.service == .control {
                print("maildexd --dev: control socket \(env.dataDirectory)/control (mailadm status|who|kick --dev)")
                continue
            }
            let tls = switch listener.configuration.tls { case .none: ""; case .startTLS: listener.configuration.service == .pop3 ? " (STLS)" : " (STARTTLS)"; case .implicit: " (TLS)" }
            print("maildexd --dev: \(listener.configuration.service.rawValue.uppercased())\(tls) listening on 127.0.0.1:\(listener.port ?? 0)")
        }
        print("maildexd: Stop with Ctrl-C.")
        fflush(nil)
        await Termination.wait()
        try await server.shutdown()
        print("maildexd: stopped")
    }
}
