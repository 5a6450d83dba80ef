public import MaildexCore

/// The `sql` passdb: the user table of the global index, reached through a closure so that
/// this module does not depend on the index.
///
/// `lookup` returns the stored `{SCHEME}hash` for a user, or `nil` for an unknown user.
/// A name that is not a valid ``Username`` is an unknown user.
public struct SQLPassDB: PassDB {
    public let name = "sql"
    /// The scheme of hashes without a `{SCHEME}` prefix. The default is CRYPT.
    public var defaultScheme: String
    private let lookup: @Sendable (Username) async throws -> String?

    public init(defaultScheme: String = "CRYPT", lookup: @escaping @Sendable (Username) async throws -> String?) {
        self.defaultScheme = defaultScheme
        self.lookup = lookup
    }

    public init(lookup: @escaping @Sendable (Username) async throws -> String?) {
        self.init(defaultScheme: "CRYPT", lookup: lookup)
    }

    public func verify(user: String, password: String) async throws -> PassDBResult {
        guard let username = try? Username(user), let stored = try await lookup(username) else { return .unknownUser }
        guard !stored.isEmpty else { return .passwordMismatch }
        return try await PasswordHash.verifyOffloaded(password, against: stored, defaultScheme: defaultScheme) ? .success(nil) : .passwordMismatch
    }
}

/// The `sql` userdb: user fields from the global index, through a closure.
public struct SQLUserDB: UserDB {
    public let name = "sql"
    private let lookup: @Sendable (Username) async throws -> UserFields?

    public init(lookup: @escaping @Sendable (Username) async throws -> UserFields?) { self.lookup = lookup }

    public func lookup(user: String) async throws -> UserFields? {
        guard let username = try? Username(user) else { return nil }
        return try await lookup(username)
    }
}
