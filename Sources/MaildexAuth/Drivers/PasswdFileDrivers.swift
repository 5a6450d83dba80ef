/// The `passwd-file` passdb: users and hashes from a Dovecot passwd-file.
///
/// ```
/// passdb {
///   driver = passwd-file
///   args = scheme=PLAIN /etc/maildex/%d/users
/// }
/// ```
/// The path may use `%u %n %d`; a templated path whose file does not exist means an unknown
/// user, a fixed path that does not exist is an error. Files are re-read when they change.
public struct PasswdFilePassDB: PassDB {
    public let name = "passwd-file"
    /// The file, possibly with `%u %n %d`.
    public var path: String
    /// The scheme of hashes without a `{SCHEME}` prefix. The default is CRYPT, as in Dovecot.
    public var defaultScheme: String
    /// How the user is named in the file. The default is `%u`, the whole name.
    public var usernameFormat: String
    private let store: PasswdFileStore

    /// `onProblem` receives every malformed line (path:line: reason) each time a file is read.
    public init(path: String, defaultScheme: String = "CRYPT", usernameFormat: String = "%u",
                onProblem: @escaping @Sendable (PasswdFileProblem) -> Void = { _ in }) {
        self.path = path
        self.defaultScheme = defaultScheme
        self.usernameFormat = usernameFormat
        self.store = PasswdFileStore(onProblem: onProblem)
    }

    public func verify(user: String, password: String) async throws -> PassDBResult {
        guard let entry = try PasswdFileLookup.entry(for: user, path: path, usernameFormat: usernameFormat, store: store) else {
            return .unknownUser
        }
        if entry.noPassword { return .success(entry.fields) }
        // An empty password field without `nopassword` lets nobody in.
        guard !entry.password.isEmpty else { return .passwordMismatch }
        let matches = try await PasswordHash.verifyOffloaded(password, against: entry.password, defaultScheme: defaultScheme)
        return matches ? .success(entry.fields) : .passwordMismatch
    }
}

/// The `passwd-file` userdb: uid, gid, home and extra fields from a Dovecot passwd-file.
public struct PasswdFileUserDB: UserDB {
    public let name = "passwd-file"
    public var path: String
    public var usernameFormat: String
    private let store: PasswdFileStore

    public init(path: String, usernameFormat: String = "%u", onProblem: @escaping @Sendable (PasswdFileProblem) -> Void = { _ in }) {
        self.path = path
        self.usernameFormat = usernameFormat
        self.store = PasswdFileStore(onProblem: onProblem)
    }

    public func lookup(user: String) async throws -> UserFields? {
        try PasswdFileLookup.entry(for: user, path: path, usernameFormat: usernameFormat, store: store)?.fields
    }
}

enum PasswdFileLookup {
    static func entry(for user: String, path: String, usernameFormat: String, store: PasswdFileStore) throws -> PasswdFile.Entry? {
        // A name that is not a valid user name could escape the directory through %u/%d.
        guard let variables = try? UserVariables(user) else { return nil }
        let file = variables.expand(path)
        guard let entries = try store.entries(path: file) else {
            if UserVariables.isTemplate(path) { return nil }
            throw PasswdFileProblem(path: file, line: 0, reason: "file does not exist")
        }
        return entries[variables.expand(usernameFormat).lowercased()]
    }
}
