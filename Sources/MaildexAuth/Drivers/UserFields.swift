/// What a userdb (or a passdb that also returns user data) knows about a user, in Dovecot's
/// userdb field names: `uid`, `gid`, `home`, `mail`, plus any extra `key=value` fields.
public struct UserFields: Sendable, Equatable {
    /// The user name as the driver knows it.
    public var username: String
    public var uid: UInt32?
    public var gid: UInt32?
    public var home: String?
    /// Where the mail is, e.g. `/home/alice/Maildir`.
    public var mail: String?
    /// Other fields, e.g. `quota_rule=*:storage=1G`.
    public var extra: [String: String]

    public init(username: String, uid: UInt32? = nil, gid: UInt32? = nil, home: String? = nil, mail: String? = nil, extra: [String: String] = [:]) {
        self.username = username
        self.uid = uid
        self.gid = gid
        self.home = home
        self.mail = mail
        self.extra = extra
    }

    /// These fields overlaid with the fields `other` sets (its username wins).
    public func merging(_ other: UserFields) -> UserFields {
        UserFields(
            username: other.username, uid: other.uid ?? uid, gid: other.gid ?? gid,
            home: other.home ?? home, mail: other.mail ?? mail,
            extra: extra.merging(other.extra) { _, new in new })
    }

    /// Sets a Dovecot userdb field by name (`uid`, `gid`, `home`, `mail`, or an extra field);
    /// a `userdb_` prefix, as passdbs write it, is dropped. Returns false for a non-numeric
    /// uid or gid.
    mutating func set(field: String, value: String) -> Bool {
        let key = field.hasPrefix("userdb_") ? String(field.dropFirst("userdb_".count)) : field
        switch key {
        case "uid":
            guard let id = UInt32(value) ?? SystemAccounts.userID(named: value) else { return false }
            uid = id
        case "gid":
            guard let id = UInt32(value) ?? SystemAccounts.groupID(named: value) else { return false }
            gid = id
        case "home": home = value
        case "mail": mail = value
        default: extra[key] = value
        }
        return true
    }
}

/// The answer of one passdb (Dovecot's `passdb_result`).
public enum PassDBResult: Sendable, Equatable {
    /// The password matched; a driver that also knows user data (passwd-file) returns it.
    case success(UserFields?)
    case passwordMismatch
    case unknownUser
}

/// A password database: checks a user's password (Dovecot's passdb).
public protocol PassDB: Sendable {
    /// The driver name for logs and `mailadm auth test`, e.g. `passwd-file`.
    var name: String { get }
    /// Checks `password` for `user`. Throws only for an internal failure (unreadable file,
    /// database error, unknown scheme in the user's entry); errors never contain the password.
    func verify(user: String, password: String) async throws -> PassDBResult
}

/// A user database: finds where a user's mail lives and as which uid/gid (Dovecot's userdb).
public protocol UserDB: Sendable {
    var name: String { get }
    /// The user's fields, or `nil` when this database does not know the user.
    func lookup(user: String) async throws -> UserFields?
}
