/// The `static` passdb: the same password (or hash) for every user, or `nopassword`.
///
/// ```
/// passdb { driver = static  args = nopassword=y }
/// ```
/// Mostly useful behind another check (a trusted network, a master user) or for tests.
public struct StaticPassDB: PassDB {
    public enum Password: Sendable, Equatable {
        /// A password or `{SCHEME}` hash (PLAIN when it has no prefix).
        case password(String)
        /// Any password is accepted.
        case noPassword
    }

    public let name = "static"
    public var password: Password

    public init(password: Password) { self.password = password }

    public func verify(user: String, password given: String) async throws -> PassDBResult {
        switch password {
        case .noPassword:
            return .success(nil)
        case .password(let stored):
            return try await PasswordHash.verifyOffloaded(given, against: stored, defaultScheme: "PLAIN") ? .success(nil) : .passwordMismatch
        }
    }
}

/// The `static` userdb: the same uid, gid and templated home/mail for every user.
///
/// ```
/// userdb { driver = static  args = uid=vmail gid=vmail home=/var/vmail/%d/%n }
/// ```
/// `home`, `mail` and extra values may use `%u %n %d`. A name that is not a valid user name
/// (which would be unsafe in a path) is not found.
public struct StaticUserDB: UserDB {
    public let name = "static"
    public var uid: UInt32?
    public var gid: UInt32?
    public var home: String?
    public var mail: String?
    public var extra: [String: String]

    public init(uid: UInt32? = nil, gid: UInt32? = nil, home: String? = nil, mail: String? = nil, extra: [String: String] = [:]) {
        self.uid = uid
        self.gid = gid
        self.home = home
        self.mail = mail
        self.extra = extra
    }

    public func lookup(user: String) async throws -> UserFields? {
        guard let variables = try? UserVariables(user) else { return nil }
        return UserFields(
            username: user, uid: uid, gid: gid,
            home: home.map(variables.expand), mail: mail.map(variables.expand),
            extra: extra.mapValues(variables.expand))
    }
}
