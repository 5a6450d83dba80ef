import MaildexConfig

/// The abuse limits of the configuration file:
///
/// ```
/// max_connections_per_ip = 50   # open connections from one remote address, IMAP, POP3 and LMTP
///                               # together (Dovecot has no single key for this); 0 = no limit
/// login_timeout = 60s           # from connect to a successful IMAP/POP3 login; 0 = none
/// ```
extension DaemonConfigurationReader {
    func readMaximumConnectionsPerIP() throws(ConfigError) -> Int {
        guard let setting = config.setting("max_connections_per_ip"), !setting.value.isEmpty else { return 50 }
        guard let count = Int(setting.value), count >= 0 else {
            throw ConfigError(location: setting.location, reason: "max_connections_per_ip must be a whole number (0 for no limit), not '\(setting.value)'")
        }
        return count
    }

    func readLoginTimeout() throws(ConfigError) -> Int {
        guard let setting = config.setting("login_timeout"), !setting.value.isEmpty else { return 60 }
        guard let seconds = Self.seconds(setting.value) else {
            throw ConfigError(location: setting.location, reason: "login_timeout must be a time such as 60s, 2 mins or 0, not '\(setting.value)'")
        }
        return seconds
    }

    /// A Dovecot time value in whole seconds: `30`, `30s`, `30 secs`, `2 min`, `1 hour`.
    static func seconds(_ value: String) -> Int? {
        let digits = value.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits) else { return nil }
        let unit = value.dropFirst(digits.count).drop { $0 == " " }.lowercased()
        let scale: Int? = switch unit {
        case "", "s", "sec", "secs", "second", "seconds": 1
        case "m", "min", "mins", "minute", "minutes": 60
        case "h", "hour", "hours": 3_600
        default: nil
        }
        guard let scale else { return nil }
        let (seconds, overflow) = number.multipliedReportingOverflow(by: scale)
        return overflow ? nil : seconds
    }
}
