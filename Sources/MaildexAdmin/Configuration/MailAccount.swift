import MaildexAuth
import MaildexConfig

/// The system account maildexd runs as once its listeners are bound, for virtual users:
/// `mail_uid` and `mail_gid` (Dovecot's settings), by default `vmail`, which `scripts/install.sh`
/// creates (a system user and group with no login shell, home = the data directory).
public struct MailAccount: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var uid: UInt32
    public var gid: UInt32

    public init(user: String, uid: UInt32, gid: UInt32) {
        self.user = user
        self.uid = uid
        self.gid = gid
    }

    /// `vmail (uid 998, gid 998)`.
    public var description: String { "\(user) (uid \(uid), gid \(gid))" }

    /// The default account's name.
    public static let defaultUser = "vmail"

    /// `mail_uid` (a name or number) and `mail_gid` (a name or number; default: the user's group).
    /// Without `mail_uid`, `vmail` if it exists, else nil. Throws, naming the line, for a user or
    /// group that does not exist.
    static func read(_ config: ConfigBlock) throws(ConfigError) -> MailAccount? {
        let gidSetting = config.setting("mail_gid").flatMap { $0.value.isEmpty ? nil : $0 }
        var gid: UInt32?
        if let gidSetting {
            gid = UInt32(gidSetting.value) ?? SystemAccounts.groupID(named: gidSetting.value)
            if gid == nil { throw ConfigError(location: gidSetting.location, reason: "mail_gid = \(gidSetting.value): no such system group") }
        }
        guard let setting = config.setting("mail_uid"), !setting.value.isEmpty else {
            guard let account = SystemAccounts.account(named: defaultUser) else { return nil }
            return MailAccount(user: account.name, uid: account.uid, gid: gid ?? account.gid)
        }
        if let account = SystemAccounts.account(named: setting.value) {
            return MailAccount(user: account.name, uid: account.uid, gid: gid ?? account.gid)
        }
        if let uid = UInt32(setting.value) {
            guard let gid else {
                throw ConfigError(location: setting.location, reason: "mail_uid = \(uid) has no account to take a group from: set mail_gid too")
            }
            return MailAccount(user: setting.value, uid: uid, gid: gid)
        }
        throw ConfigError(location: setting.location,
                          reason: "mail_uid = \(setting.value): no such system user (scripts/install.sh creates \(defaultUser))")
    }
}
