import MaildexConfig

/// Reads ``DaemonConfiguration`` out of a parsed file, collecting warnings on the way.
struct DaemonConfigurationReader {
    let config: ConfigBlock
    var warnings: [String] = []

    init(config: ConfigBlock) {
        self.config = config
    }

    mutating func read() throws(ConfigError) -> DaemonConfiguration {
        let ignored = try SettingCatalog.check(config)
        if !ignored.isEmpty { warnings.append("Dovecot settings maildex ignores: " + ignored.joined(separator: ", ")) }
        try SettingCatalog.checkMailLocation(config)
        let protocols = try readProtocols()
        let ssl = try readSSL()
        let listen = config.setting("listen").map { Self.addresses($0.value) } ?? ["0.0.0.0", "::"]
        let baseDirectory = nonEmpty("base_dir") ?? "/run/maildex"
        var listeners: [DaemonListener] = []
        var origins: [DaemonListener.Endpoint: ConfigLocation?] = [:]
        for service in DaemonListener.Service.allCases where protocols.contains(service) {
            for spec in try ListenerSpec.merged(for: service, in: config) {
                for listener in try build(spec, service: service, ssl: ssl, listen: listen, baseDirectory: baseDirectory) {
                    if let earlier = origins[listener.endpoint] {
                        let reason = "listener '\(spec.name)' uses \(listener.endpoint.place), as does a listener before it"
                            + (earlier.map { " (\($0))" } ?? " (a default)") + "; give it another port or port = 0"
                        throw spec.error(reason, in: config)
                    }
                    origins.updateValue(spec.portLocation ?? spec.location, forKey: listener.endpoint)  // nil: a default
                    listeners.append(listener)
                }
            }
        }
        let tls = try TLSFiles(config: config)
        if listeners.contains(where: { $0.tls != .none }), tls.certificatePath == nil || tls.keyPath == nil {
            let reason = "ssl = \(ssl.rawValue)\(config.setting("ssl") == nil ? " (the default)" : "") needs ssl_cert = </path/to/cert.pem "
                + "and ssl_key = </path/to/key.pem, or set ssl = no"
            if let setting = config.setting("ssl") { throw ConfigError(location: setting.location, reason: reason) }
            throw ConfigError(file: config.location.file, reason: reason)
        }
        var daemon = DaemonConfiguration(
            protocols: protocols, listeners: listeners, ssl: ssl,
            certificatePath: tls.certificatePath, keyPath: tls.keyPath, caPath: tls.caPath,
            minimumTLSVersion: try readMinimumTLSVersion(), hostname: nonEmpty("hostname"),
            stateDirectory: nonEmpty("state_dir") ?? "/var/lib/maildex", baseDirectory: baseDirectory, warnings: warnings
        )
        daemon.mailAccount = try MailAccount.read(config)
        daemon.maximumConnectionsPerIP = try readMaximumConnectionsPerIP()
        daemon.loginTimeoutSeconds = try readLoginTimeout()
        return daemon
    }

    // MARK: - Top-level settings

    private func nonEmpty(_ key: String) -> String? {
        guard let value = config.value(key), !value.isEmpty else { return nil }
        return value
    }

    /// `protocols = imap pop3 lmtp` (the default), or `none`.
    private func readProtocols() throws(ConfigError) -> [DaemonListener.Service] {
        guard let setting = config.setting("protocols") else { return DaemonListener.Service.allCases }
        var protocols: [DaemonListener.Service] = []
        for word in setting.value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) {
            if word == "none" { continue }
            guard let service = DaemonListener.Service(rawValue: String(word)) else {
                throw ConfigError(location: setting.location, reason: "unknown protocol '\(word)' (supported: imap pop3 lmtp)")
            }
            if !protocols.contains(service) { protocols.append(service) }
        }
        return protocols
    }

    private func readSSL() throws(ConfigError) -> DaemonConfiguration.SSLMode {
        guard let setting = config.setting("ssl") else { return .yes }
        guard let mode = DaemonConfiguration.SSLMode(rawValue: setting.value.lowercased()) else {
            throw ConfigError(location: setting.location, reason: "ssl must be no, yes or required, not '\(setting.value)'")
        }
        return mode
    }

    /// `ssl_min_protocol`: TLSv1.2 (the default), TLSv1.3 or LATEST. Older versions, which Dovecot
    /// accepts, are raised to TLSv1.2 with a warning, so an old dovecot.conf still starts.
    private mutating func readMinimumTLSVersion() throws(ConfigError) -> DaemonConfiguration.TLSProtocolVersion {
        guard let setting = config.setting("ssl_min_protocol"), !setting.value.isEmpty else { return .tlsv12 }
        if let version = DaemonConfiguration.TLSProtocolVersion(rawValue: setting.value) { return version }
        switch setting.value {
        case "LATEST":
            return .tlsv13
        case "ANY", "SSLv3", "TLSv1", "TLSv1.1":
            warnings.append("\(setting.location): ssl_min_protocol = \(setting.value) is raised to TLSv1.2, the oldest version maildex accepts")
            return .tlsv12
        default:
            throw ConfigError(location: setting.location, reason: "ssl_min_protocol must be TLSv1.2, TLSv1.3 or LATEST, not '\(setting.value)'")
        }
    }

    /// `listen = *, ::` and listener `address =`: comma- or space-separated; `*` is every IPv4
    /// address, `::` every IPv6 one, `[::1]` is `::1`.
    static func addresses(_ value: String) -> [String] {
        var result: [String] = []
        for word in value.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
            var address = String(word)
            if address == "*" { address = "0.0.0.0" }
            if address.hasPrefix("["), address.hasSuffix("]") { address = String(address.dropFirst().dropLast()) }
            if !address.isEmpty, !result.contains(address) { result.append(address) }
        }
        return result
    }

    // MARK: - Listeners

    private mutating func build(_ spec: ListenerSpec, service: DaemonListener.Service, ssl: DaemonConfiguration.SSLMode,
                                listen: [String], baseDirectory: String) throws(ConfigError) -> [DaemonListener] {
        switch spec.kind {
        case .unix:
            let path = spec.name.hasPrefix("/") ? spec.name : baseDirectory + "/" + spec.name
            return [DaemonListener(name: spec.name, service: service, endpoint: .unix(path: path), tls: .none, permissions: spec.permissions)]
        case .inet:
            guard spec.port != 0 else { return [] }
            let tls: DaemonListener.TLS
            switch (ssl, spec.ssl) {
            case (.no, true):
                if let location = spec.location {
                    warnings.append("\(location): \(spec.kind.rawValue) \(spec.name) is not opened: it needs TLS and ssl = no")
                }
                return []
            case (.no, false): tls = .none
            case (_, true): tls = .implicit
            case (_, false): tls = .startTLS
            }
            return (spec.addresses ?? listen).map {
                DaemonListener(name: spec.name, service: service, endpoint: .tcp(host: $0, port: spec.port), tls: tls)
            }
        }
    }
}
