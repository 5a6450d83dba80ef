import MaildexConfig

/// Which settings of a maildex.conf mean something: the ones maildex reads, the Dovecot settings it
/// deliberately ignores (named in one warning line at start-up, so a dovecot.conf still starts), and
/// everything else, which stops start-up with `file:line: unknown setting`.
enum SettingCatalog {
    /// Top-level keys maildex reads (``DaemonConfiguration``, ``AuthConfiguration``, maildexd's `log_path`).
    static let known: Set<String> = [
        "protocols", "listen", "ssl", "ssl_cert", "ssl_key", "ssl_ca", "ssl_min_protocol", "hostname",
        "state_dir", "base_dir", "log_path", "mail_uid", "mail_gid", "mail_location", "max_connections_per_ip", "login_timeout",
        "auth_mechanisms", "disable_plaintext_auth", "login_trusted_networks", "username_format", "auth_username_format",
    ]
    /// Blocks maildex reads; their contents are checked by their readers (``DriverBlock``, ``ListenerSpec``).
    static let knownBlocks: Set<String> = ["passdb", "userdb", "service"]

    /// Dovecot settings that have no effect here: process and tuning knobs of Dovecot's own design,
    /// logging and TLS details maildex fixes, and features it does not have (plugins, namespaces).
    static let ignored: Set<String> = [
        "first_valid_uid", "last_valid_uid", "first_valid_gid", "last_valid_gid", "mail_privileged_group", "mail_access_groups",
        "default_internal_user", "default_login_user", "import_environment", "instance_name", "shutdown_clients",
        "mail_fsync", "mmap_disable", "mail_nfs_storage", "mail_nfs_index", "lock_method", "maildir_very_dirty_syncs",
        "maildir_copy_with_hardlinks", "mail_plugins", "mail_debug", "auth_debug", "auth_debug_passwords", "auth_verbose",
        "auth_verbose_passwords", "verbose_ssl", "log_timestamp", "syslog_facility", "info_log_path", "debug_log_path",
        "ssl_dh", "ssl_cipher_list", "ssl_cipher_suites", "ssl_prefer_server_ciphers", "ssl_curve_list", "ssl_options",
        "ssl_client_ca_dir", "ssl_client_ca_file", "ssl_verify_client_cert", "login_greeting", "login_log_format_elements",
        "mail_log_prefix", "postmaster_address", "lda_mailbox_autocreate", "lda_mailbox_autosubscribe", "recipient_delimiter",
        "lmtp_save_to_detail_mailbox", "imap_client_workarounds", "imap_idle_notify_interval", "pop3_uidl_format",
        "pop3_client_workarounds", "mail_max_userip_connections",
    ]
    /// Dovecot blocks ignored whole.
    static let ignoredBlocks: Set<String> = ["namespace", "protocol", "plugin", "dict"]
    /// The services whose listeners maildex opens (``ListenerSpec/serviceName(_:)``); other `service`
    /// blocks, and the process settings inside these, are ignored.
    static let listenerServices: Set<String> = ["imap-login", "pop3-login", "lmtp"]

    /// Throws at the first unknown top-level setting or block; returns what is ignored, as
    /// `name (file:line)`, in file order.
    static func check(_ config: ConfigBlock) throws(ConfigError) -> [String] {
        var ignoredHere: [(ConfigLocation, String)] = []
        for setting in config.settings where !known.contains(setting.key) {
            guard ignored.contains(setting.key) else {
                throw ConfigError(location: setting.location, reason: "unknown setting '\(setting.key)'")
            }
            ignoredHere.append((setting.location, setting.key))
        }
        for block in config.blocks where !knownBlocks.contains(block.type) {
            guard ignoredBlocks.contains(block.type) else {
                throw ConfigError(location: block.location, reason: "unknown block '\(block.type)'")
            }
            ignoredHere.append((block.location, [block.type, block.name].compactMap { $0 }.joined(separator: " ")))
        }
        for service in config.blocks("service") {
            let name = "service \(service.name ?? "")"
            guard let serviceName = service.name, listenerServices.contains(serviceName) else {
                ignoredHere.append((service.location, name))
                continue
            }
            for setting in service.settings { ignoredHere.append((setting.location, "\(name) { \(setting.key) }")) }
            for block in service.blocks where block.type != "inet_listener" && block.type != "unix_listener" {
                ignoredHere.append((block.location, "\(name) { \(block.type) }"))
            }
        }
        return ignoredHere.sorted { ($0.0.file, $0.0.line) < ($1.0.file, $1.0.line) }.map { "\($0.1) (\($0.0))" }
    }

    /// `mail_location`: maildex keeps mail in `~/Maildir` (``MailResolver``); Dovecot's spellings
    /// of that are accepted, anything else is refused rather than ignored.
    static func checkMailLocation(_ config: ConfigBlock) throws(ConfigError) {
        guard let setting = config.setting("mail_location"), !setting.value.isEmpty else { return }
        guard ["maildir:~/Maildir", "maildir:%h/Maildir", "maildir:~/Maildir/", "maildir:%h/Maildir/"].contains(setting.value) else {
            throw ConfigError(location: setting.location,
                              reason: "mail_location = \(setting.value) is not supported: maildex keeps mail in the home's Maildir (maildir:~/Maildir)")
        }
    }
}
