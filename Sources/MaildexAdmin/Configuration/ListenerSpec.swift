import MaildexConfig

/// One `inet_listener` or `unix_listener` of a service, Dovecot's default merged with the blocks
/// of the same name in the file, before addresses and TLS are applied.
struct ListenerSpec {
    enum Kind: String { case inet = "inet_listener", unix = "unix_listener" }

    var kind: Kind
    var name: String
    var port = 0
    /// `ssl = yes` in the listener: TLS from the first byte.
    var ssl = false
    /// `address =`, replacing `listen`.
    var addresses: [String]?
    var permissions: DaemonListener.SocketPermissions?
    /// Where the file opened the block; nil for an untouched default.
    var location: ConfigLocation?
    var portLocation: ConfigLocation?

    /// The service block of a protocol: Dovecot's login processes, and `lmtp` itself.
    static func serviceName(_ service: DaemonListener.Service) -> String {
        switch service {
        case .imap: "imap-login"
        case .pop3: "pop3-login"
        case .lmtp: "lmtp"
        }
    }

    /// Dovecot 2.3's built-in listeners (`doveconf -d service`).
    static func defaults(for service: DaemonListener.Service) -> [ListenerSpec] {
        switch service {
        case .imap: [ListenerSpec(kind: .inet, name: "imap", port: 143), ListenerSpec(kind: .inet, name: "imaps", port: 993, ssl: true)]
        case .pop3: [ListenerSpec(kind: .inet, name: "pop3", port: 110), ListenerSpec(kind: .inet, name: "pop3s", port: 995, ssl: true)]
        case .lmtp: [ListenerSpec(kind: .unix, name: "lmtp", permissions: DaemonListener.SocketPermissions(mode: 0o666))]
        }
    }

    /// The defaults, changed and extended by the listener blocks of the service's blocks in `config`.
    static func merged(for service: DaemonListener.Service, in config: ConfigBlock) throws(ConfigError) -> [ListenerSpec] {
        var specs = defaults(for: service)
        let name = serviceName(service)
        for serviceBlock in config.blocks("service") where serviceBlock.name == name {
            for block in serviceBlock.blocks {
                guard let kind = Kind(rawValue: block.type) else { continue }
                guard let listenerName = block.name, !listenerName.isEmpty else {
                    throw ConfigError(location: block.location, reason: "\(block.type) needs a name: '\(block.type) \(service.rawValue) {'")
                }
                if let index = specs.firstIndex(where: { $0.kind == kind && $0.name == listenerName }) {
                    try specs[index].apply(block)
                } else {
                    var spec = ListenerSpec(kind: kind, name: listenerName)
                    if kind == .unix { spec.permissions = DaemonListener.SocketPermissions(mode: 0o600) }  // Dovecot's default mode
                    try spec.apply(block)
                    specs.append(spec)
                }
            }
        }
        return specs
    }

    mutating func apply(_ block: ConfigBlock) throws(ConfigError) {
        location = location ?? block.location
        for setting in block.settings {
            switch (kind, setting.key) {
            case (.inet, "port"):
                guard let port = Int(setting.value), (0...65_535).contains(port) else {
                    throw ConfigError(location: setting.location, reason: "port must be a number from 0 (off) to 65535, not '\(setting.value)'")
                }
                self.port = port
                portLocation = setting.location
            case (.inet, "address"):
                addresses = DaemonConfigurationReader.addresses(setting.value)
            case (.inet, "ssl"):
                ssl = try Self.bool(setting)
            case (.inet, "haproxy"):
                if try Self.bool(setting) {
                    throw ConfigError(location: setting.location, reason: "haproxy = yes is not supported (maildex does not read the PROXY protocol)")
                }
            case (.inet, "reuse_port"):
                _ = try Self.bool(setting)
            case (.unix, "mode"):
                guard let mode = UInt16(setting.value, radix: 8), mode <= 0o7777 else {
                    throw ConfigError(location: setting.location, reason: "mode must be an octal file mode such as 0600, not '\(setting.value)'")
                }
                permissions = (permissions ?? .init()).with(mode: mode)
            case (.unix, "user"):
                permissions = (permissions ?? .init()).with(user: setting.value.isEmpty ? nil : setting.value)
            case (.unix, "group"):
                permissions = (permissions ?? .init()).with(group: setting.value.isEmpty ? nil : setting.value)
            default:
                throw ConfigError(location: setting.location, reason: "unsupported setting '\(setting.key)' in \(kind.rawValue) \(name)")
            }
        }
    }

    func error(_ reason: String, in config: ConfigBlock) -> ConfigError {
        if let location = portLocation ?? location { return ConfigError(location: location, reason: reason) }
        return ConfigError(file: config.location.file, reason: reason)
    }

    static func bool(_ setting: ConfigSetting) throws(ConfigError) -> Bool {
        switch setting.value.lowercased() {
        case "yes", "true", "1": return true
        case "no", "false", "0": return false
        default: throw ConfigError(location: setting.location, reason: "\(setting.key) must be yes or no, not '\(setting.value)'")
        }
    }
}

extension DaemonListener.SocketPermissions {
    func with(mode: UInt16? = nil, user: String? = nil, group: String? = nil) -> Self {
        Self(mode: mode ?? self.mode, user: user ?? self.user, group: group ?? self.group)
    }
}
