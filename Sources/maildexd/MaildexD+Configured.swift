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
    /// `file:line: reason`; a listener that cannot be opened exits 1 too. Started as root, it
    /// becomes `mail_uid`/`mail_gid` once the listeners are bound (see ``Privileges``).
    func runConfigured() async throws {
        let parsed: ConfigBlock, daemon: DaemonConfiguration, store: MailStore, auth: AuthConfiguration, logger: Logger
        let runAs: (account: MailAccount?, note: String?)
        do {
            parsed = try ConfigParser.parse(file: config)
            let logPath = parsed.value("log_path")
            logger = try DaemonLog.logger(path: logPath)
            daemon = try DaemonConfiguration(config: parsed)
            runAs = check ? (nil, nil) : Privileges.plan(daemon, config: parsed)
            if let account = runAs.account {
                try Privileges.prepare(dataDirectory: daemon.stateDirectory, for: account)
                if let logPath, !logPath.isEmpty { try Privileges.own(logPath, account) }
            }
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
                Self.log("would listen: \(listener)")
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
            bound = try await server.start(acceptingConnections: false)
            try Self.applyPermissions(plan.listeners)
            chmod(control, 0o600)
            if let note = runAs.note { Self.log(note, to: note.hasPrefix("warning") ? .standardError : .standardOutput) }
            if let account = runAs.account {
                try Privileges.drop(to: account)
                Self.log("runs as \(account)")
                let files = Privileges.unreadable(auth: parsed)
                if !files.isEmpty {
                    throw SystemFailure(operation: "\(account.user) cannot read the passdb/userdb file", path: files.joined(separator: " "), code: EACCES)
                }
                for file in Privileges.unreadable([config, daemon.certificatePath, daemon.keyPath, daemon.caPath]) {
                    Self.log("warning: \(account.user) cannot read \(file): SIGHUP cannot reload it (chgrp \(account.user) and chmod g+r it)", to: .standardError)
                }
            }
            try await server.acceptConnections()
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
                line += " listening on \(endpoint)"
            case .unix(let path):
                line += " listening on \(path)"
            }
            Self.log(line)
        }
        let reload = ConfigurationReload(file: config, server: server, store: store, running: .init(
            daemon: daemon, mailLocation: parsed.value("mail_location"), systemUsers: Privileges.usesSystemUsers(parsed),
            logPath: parsed.value("log_path").flatMap { $0.isEmpty ? nil : $0 }, logger: logger))
        Termination.onHangUp {
            for line in reload.reload() { Self.log(line, to: line.contains("not reloaded") ? .standardError : .standardOutput) }
        }
        Self.log("running with \(config); stop with SIGTERM or Ctrl-C; SIGHUP reloads the configuration")
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
