import Foundation
import Logging
import Maildex
import MaildexAdmin
import MaildexConfig
import MaildexStore
import Synchronization

/// SIGHUP: reads the configuration file again and applies what can change while running to the
/// connections accepted from then on; open connections are never dropped.
///
/// - Applied live: `ssl_cert`, `ssl_key`, `ssl_ca`, `ssl_min_protocol`, `ssl` and
///   `disable_plaintext_auth` (for logins), `auth_mechanisms`, `login_trusted_networks`,
///   `username_format`, passdb/userdb blocks (a passwd-file path), `hostname`, `log_path`.
/// - Kept, logged as needing a restart: listeners (`protocols`, `listen`, `service` blocks, and
///   `ssl` where it adds or removes one), `state_dir`, `base_dir`, `mail_location`,
///   `mail_uid`/`mail_gid`, and switching between system and virtual users.
/// - A file with an error (`file:line: reason`), or TLS files that do not load, change nothing.
final class ConfigurationReload: Sendable {
    struct Running: Sendable {
        /// The settings maildexd started with, for what needs a restart.
        var daemon: DaemonConfiguration
        var mailLocation: String?
        var systemUsers: Bool
        /// What is live now.
        var logPath: String?
        var logger: Logger
    }

    let file: String
    let server: MailServer
    let store: MailStore
    /// The listeners bound at start-up (the control socket included), which a reload keeps.
    let listeners: [ListenerConfiguration]
    private let running: Mutex<Running>

    init(file: String, server: MailServer, store: MailStore, running: Running) {
        self.file = file
        self.server = server
        self.store = store
        self.listeners = server.configuration.listeners
        self.running = Mutex(running)
    }

    /// Reloads; returns the lines to log (the first says whether anything was applied).
    func reload() -> [String] {
        let current = running.withLock { $0 }
        let parsed: ConfigBlock, daemon: DaemonConfiguration, auth: AuthConfiguration
        do {
            parsed = try ConfigParser.parse(file: file)
            daemon = try DaemonConfiguration(config: parsed)
            auth = try AuthConfiguration(config: parsed, store: store)
        } catch {
            return ["SIGHUP: configuration not reloaded, the old one stays: \(error)"]
        }
        let logPath = parsed.value("log_path").flatMap { $0.isEmpty ? nil : $0 }
        var logger = current.logger
        if logPath != current.logPath {
            do { logger = try DaemonLog.logger(path: logPath) } catch {
                return ["SIGHUP: configuration not reloaded, the old one stays: \(error)"]
            }
        }
        var configuration = ServerConfiguration(daemon: daemon, listeners: [], auth: auth.policy)
        configuration.listeners = listeners
        configuration.logger = logger
        do {
            try server.reload(configuration: configuration, authenticator: auth.authenticator)
        } catch {
            return ["SIGHUP: configuration not reloaded, the old one stays: \(error)"]
        }
        running.withLock {
            $0.logPath = logPath
            $0.logger = logger
        }
        var restart: [String] = []
        if DaemonListenerPlan(daemon.listeners).listeners != DaemonListenerPlan(current.daemon.listeners).listeners {
            restart.append("listeners (protocols, listen, ssl, service)")
        }
        if daemon.stateDirectory != current.daemon.stateDirectory { restart.append("state_dir") }
        if daemon.baseDirectory != current.daemon.baseDirectory { restart.append("base_dir") }
        if parsed.value("mail_location") != current.mailLocation { restart.append("mail_location") }
        if daemon.mailAccount != current.daemon.mailAccount { restart.append("mail_uid/mail_gid") }
        if Privileges.usesSystemUsers(parsed) != current.systemUsers { restart.append("system users (passdb pam, userdb passwd)") }
        var lines = ["SIGHUP: configuration reloaded from \(file); new connections use it"]
        if !restart.isEmpty {
            lines.append("SIGHUP: these settings need a restart and keep their old values: " + restart.joined(separator: ", "))
        }
        return lines
    }
}
