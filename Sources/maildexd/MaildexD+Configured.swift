import ArgumentParser
import Foundation
import Logging
import Maildex
import MaildexAdmin
import MaildexAuth
import MaildexConfig
import MaildexStore

extension MaildexD {
    /// `-c FILE`: reads the file, opens its listeners, prints one line per listener, and runs until
    /// SIGINT or SIGTERM. With `--check` it stops after reading. A bad file exits 1 with
    /// `file:line: reason`; a listener that cannot be opened exits 1 too.
    func runConfigured() async throws {
        let daemon: DaemonConfiguration, store: MailStore, auth: AuthConfiguration, logger: Logger
        do {
            let parsed = try ConfigParser.parse(file: config)
            logger = try DaemonLog.logger(path: parsed.value("log_path"))
            daemon = try DaemonConfiguration(config: parsed)
            store = try MailStore(configuration: StoreConfiguration(dataDirectory: daemon.stateDirectory))
            auth = try AuthConfiguration(config: parsed, store: store)
        } catch {
            throw Self.failure("\(error)")
        }
        var warnings = auth.warnings + daemon.warnings
        if daemon.ssl == .no, auth.policy.disablePlaintextAuth {
            warnings.append("ssl = no with disable_plaintext_auth = yes (the default): passwords are accepted only from loopback and login_trusted_networks")
        }
        for warning in warnings { Self.log("warning: \(warning)", to: .standardError) }
        let plan = DaemonListenerPlan(daemon.listeners)
        for note in plan.notes { Self.log(note, to: .standardError) }
        if check {
            for listener in plan.listeners {
                Self.log("would listen: \(listener)" + (plan.dualStack.contains(listener.endpoint) ? " (IPv4 and IPv6)" : ""))
            }
            Self.log("\(config) is valid")
            return
        }
        if plan.listeners.contains(where: { if case .unix = $0.endpoint { true } else { false } }) {
            try? FileManager.default.createDirectory(atPath: daemon.baseDirectory, withIntermediateDirectories: true)
        }
        var configuration = ServerConfiguration(daemon: daemon, listeners: plan.listeners, auth: auth.policy)
        configuration.logger = logger
        // The control socket of `mailadm status/who/kick`, root-only.
        try? FileManager.default.createDirectory(atPath: daemon.baseDirectory, withIntermediateDirectories: true)
        let control = daemon.baseDirectory + "/control"
        configuration.listeners.append(.init(.unix(path: control), service: .control))
        let server = MailServer(configuration: configuration, store: store, authenticator: auth.authenticator)
        let bound: [MailServer.BoundListener]
        do {
            bound = try await server.start()
            try Self.applyPermissions(plan.listeners)
            chmod(control, 0o600)
        } catch {
            try? await server.shutdown()
            throw Self.failure("cannot start: \(error)")
        }
        for (listener, socket) in zip(plan.listeners, bound) {
            var line = "\(listener.service.rawValue.uppercased())"
            switch listener.tls { case .none: break; case .startTLS: line += " (STARTTLS)"; case .implicit: line += " (TLS)" }
            switch listener.endpoint {
            case .tcp(let host, let port):
                let endpoint = DaemonListener.Endpoint.tcp(host: host, port: socket.port ?? port)
                line += " listening on \(endpoint)" + (plan.dualStack.contains(listener.endpoint) ? " (IPv4 and IPv6)" : "")
            case .unix(let path):
                line += " listening on \(path)"
            }
            Self.log(line)
        }
        Self.log("running with \(config); stop with SIGTERM or Ctrl-C; SIGHUP reloads the certificate")
        Termination.onHangUp {
            do {
                try server.reloadCertificates()
                Self.log("SIGHUP: certificate reloaded")
            } catch {
                Self.log("SIGHUP: certificate not reloaded, the old one stays: \(error)", to: .standardError)
            }
        }
        await Termination.wait()
        try await server.shutdown()
        Self.log("stopped")
    }

    /// `unix_listener { mode user group }`, applied once the socket exists.
    static func applyPermissions(_ listeners: [DaemonListener]) throws {
        for listener in listeners {
            guard case .unix(let path) = listener.endpoint, let permissions = listener.permissions else { continue }
            var attributes: [FileAttributeKey: Any] = [:]
            if let mode = permissions.mode { attributes[.posixPermissions] = Int(mode) }
            if let user = permissions.user { attributes[.ownerAccountName] = user }
            if let group = permissions.group { attributes[.groupOwnerAccountName] = group }
            if !attributes.isEmpty { try FileManager.default.setAttributes(attributes, ofItemAtPath: path) }
        }
    }

    static func log(_ line: String, to handle: FileHandle = .standardOutput) {
        handle.write(Data("maildexd: \(line)\n".utf8))
    }

    /// Logs `message` and gives the exit code for a failed start.
    static func failure(_ message: String) -> ExitCode {
        log(message, to: .standardError)
        return ExitCode(1)
    }
}
