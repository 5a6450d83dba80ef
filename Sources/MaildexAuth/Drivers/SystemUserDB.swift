/// The `passwd` userdb: system users from /etc/passwd (NSS) through `getpwnam_r`.
///
/// Home, uid and gid come from the account; mail is in `Maildir` under the home directory.
public struct SystemUserDB: UserDB {
    public let name = "passwd"
    /// The mail directory relative to the home. The default is `Maildir`.
    public var mailDirectory: String

    public init(mailDirectory: String = "Maildir") { self.mailDirectory = mailDirectory }

    public func lookup(user: String) async throws -> UserFields? {
        guard !user.isEmpty, !user.contains("\0"), let account = SystemAccounts.account(named: user) else { return nil }
        let home = account.home.hasSuffix("/") ? String(account.home.dropLast()) : account.home
        return UserFields(
            username: account.name, uid: account.uid, gid: account.gid,
            home: account.home, mail: home + "/" + mailDirectory)
    }
}
