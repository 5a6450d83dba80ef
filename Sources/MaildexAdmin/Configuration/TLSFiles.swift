import MaildexConfig

/// `ssl_cert`, `ssl_key` and `ssl_ca`, which Dovecot reads as `key = </path`: the parser has read
/// the file already (an unreadable one stopped it), so what is left is to keep the path and check
/// that the content is PEM of the right kind.
struct TLSFiles {
    var certificatePath: String?
    var keyPath: String?
    var caPath: String?

    init(config: ConfigBlock) throws(ConfigError) {
        certificatePath = try Self.path(config.setting("ssl_cert"), expecting: "CERTIFICATE")
        keyPath = try Self.path(config.setting("ssl_key"), expecting: "PRIVATE KEY")
        caPath = try Self.path(config.setting("ssl_ca"), expecting: "CERTIFICATE")
    }

    private static func path(_ setting: ConfigSetting?, expecting label: String) throws(ConfigError) -> String? {
        guard let setting, !setting.value.isEmpty || setting.sourceFile != nil else { return nil }
        guard let path = setting.sourceFile else {
            throw ConfigError(location: setting.location, reason: "\(setting.key) must name a file: '\(setting.key) = </path/to/file.pem' (note the '<')")
        }
        guard setting.value.contains("-----BEGIN "), setting.value.contains(label + "-----") else {
            throw ConfigError(location: setting.location, reason: "\(setting.key): \(path) is not a PEM file with a '\(label)' block")
        }
        return path
    }
}
