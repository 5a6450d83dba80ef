public import MaildexAuth
public import MaildexConfig
import MaildexCore
import MaildexIndex
public import MaildexStore

/// The authentication part of a maildex.conf, in Dovecot's words:
///
/// ```
/// auth_mechanisms = plain login
/// disable_plaintext_auth = yes
/// login_trusted_networks = 10.0.0.0/8
/// username_format = %Lu
/// passdb {
///   driver = passwd-file
///   args = scheme=PLAIN /etc/maildex/users
/// }
/// userdb {
///   driver = static
///   args = uid=vmail gid=vmail home=/var/vmail/%d/%n
/// }
/// ```
/// Drivers: passdb `sql` (the user table of `mailadm user add`), `passwd-file`, `pam`, `static`;
/// userdb `sql`, `passwd-file`, `passwd` (system users), `static`. Without a passdb block the
/// `sql` passdb is used; without a userdb block the `sql` userdb, plus `passwd` when a `pam`
/// passdb is configured. Errors name file and line.
public struct AuthConfiguration: Sendable {
    public var policy = LoginPolicy()
    public var passdbs: [any PassDB] = []
    public var userdbs: [any UserDB] = []
    /// Problems worth an administrator's attention that do not stop start-up (a passwd-file
    /// readable by others, as Dovecot's how-to warns).
    public var warnings: [String] = []

    public var authenticator: Authenticator { Authenticator(passdbs: passdbs, userdbs: userdbs) }

    /// Reads the settings of `config` (nil: all defaults); the `sql` drivers use `store`.
    /// `onProblem` receives malformed passwd-file lines whenever a file is read.
    public init(config: ConfigBlock?, store: MailStore,
                onProblem: @escaping @Sendable (String) -> Void = { _ in }) throws(ConfigError) {
        let top = config ?? ConfigBlock(type: "", name: nil, location: ConfigLocation(file: "<defaults>", line: 0), settings: [], blocks: [])
        if let setting = top.setting("auth_mechanisms") {
            policy.mechanisms = try setting.value.split(separator: " ").map { word throws(ConfigError) in
                guard let mechanism = SASLMechanism(name: String(word)) else {
                    throw ConfigError(location: setting.location, reason: "unsupported auth mechanism '\(word)' (supported: plain login)")
                }
                return mechanism
            }
        }
        if let setting = top.setting("disable_plaintext_auth") { policy.disablePlaintextAuth = try Self.bool(setting) }
        if let setting = top.setting("login_trusted_networks") {
            policy.trustedNetworks = try setting.value.split(separator: " ").map { word throws(ConfigError) in
                guard let network = IPNetwork(String(word)) else {
                    throw ConfigError(location: setting.location, reason: "'\(word)' is not an IP address or network")
                }
                return network
            }
        }
        if let format = top.value("username_format") ?? top.value("auth_username_format") { policy.usernameFormat = UsernameFormat(format) }

        let problem: @Sendable (PasswdFileProblem) -> Void = { onProblem($0.description) }
        for block in top.blocks("passdb") {
            let driver = try DriverBlock(block)
            passdbs.append(try Self.passdb(driver, store: store, onProblem: problem, warnings: &warnings))
        }
        for block in top.blocks("userdb") {
            let driver = try DriverBlock(block)
            userdbs.append(try Self.userdb(driver, store: store, onProblem: problem, warnings: &warnings))
        }
        if passdbs.isEmpty { passdbs = [Self.sqlPassDB(store)] }
        if userdbs.isEmpty {
            userdbs = [Self.sqlUserDB(store)]
            if passdbs.contains(where: { $0 is PAMPassDB }) { userdbs.append(SystemUserDB()) }
        }
    }

    // MARK: - Drivers

    private static func passdb(_ block: DriverBlock, store: MailStore, onProblem: @escaping @Sendable (PasswdFileProblem) -> Void,
                               warnings: inout [String]) throws(ConfigError) -> any PassDB {
        switch block.driver {
        case "sql":
            try block.refuseArguments()
            return sqlPassDB(store)
        case "passwd-file":
            let path = try block.path()
            warnings += permissionWarnings(path)
            return PasswdFilePassDB(path: path, defaultScheme: block.options["scheme"] ?? "CRYPT",
                                    usernameFormat: block.options["username_format"] ?? "%u", onProblem: onProblem)
        case "pam":
            let service = block.words.last ?? "maildex"
            if service.contains("%") { throw block.error("PAM service '\(service)' with variables is not supported; name the service") }
            return PAMPassDB(service: service)
        case "static":
            if let password = block.options["password"] { return StaticPassDB(password: .password(password)) }
            if block.options["nopassword"] != nil || block.words.contains("nopassword") { return StaticPassDB(password: .noPassword) }
            throw block.error("static passdb needs 'args = password=...' or 'args = nopassword'")
        default:
            throw block.error("unsupported passdb driver '\(block.driver)' (supported: sql passwd-file pam static)")
        }
    }

    private static func userdb(_ block: DriverBlock, store: MailStore, onProblem: @escaping @Sendable (PasswdFileProblem) -> Void,
                               warnings: inout [String]) throws(ConfigError) -> any UserDB {
        switch block.driver {
        case "sql":
            try block.refuseArguments()
            return sqlUserDB(store)
        case "passwd-file":
            let path = try block.path()
            warnings += permissionWarnings(path)
            return PasswdFileUserDB(path: path, usernameFormat: block.options["username_format"] ?? "%u", onProblem: onProblem)
        case "passwd":
            try block.refuseArguments()
            return SystemUserDB()
        case "static":
            return StaticUserDB(uid: try block.id("uid", SystemAccounts.userID(named:)), gid: try block.id("gid", SystemAccounts.groupID(named:)),
                                home: block.options["home"], mail: block.options["mail"])
        default:
            throw block.error("unsupported userdb driver '\(block.driver)' (supported: sql passwd-file passwd static)")
        }
    }

    static func sqlPassDB(_ store: MailStore) -> SQLPassDB {
        SQLPassDB { name in try store.global.user(name)?.passwordHash }
    }

    static func sqlUserDB(_ store: MailStore) -> SQLUserDB {
        SQLUserDB { name in
            guard let record = try store.global.user(name) else { return nil }
            let location = store.location(of: record)
            return UserFields(username: record.username.rawValue, home: record.home ?? store.configuration.defaultHome(for: name.rawValue),
                              mail: location.maildir)
        }
    }

    private static func permissionWarnings(_ path: String) -> [String] {
        guard !path.contains("%"), let problem = PasswdFile.permissionProblem(path: path) else { return [] }
        return ["\(problem)"]
    }

    private static func bool(_ setting: ConfigSetting) throws(ConfigError) -> Bool {
        switch setting.value.lowercased() {
        case "yes", "true", "1": return true
        case "no", "false", "0": return false
        default: throw ConfigError(location: setting.location, reason: "\(setting.key) must be yes or no, not '\(setting.value)'")
        }
    }
}

/// A `passdb { }` or `userdb { }` block: `driver`, and `args` split into `key=value` options
/// and plain words (a path, a PAM service).
struct DriverBlock {
    let block: ConfigBlock
    let driver: String
    let options: [String: String]
    let words: [String]

    init(_ block: ConfigBlock) throws(ConfigError) {
        self.block = block
        for setting in block.settings where !["driver", "args"].contains(setting.key) {
            throw ConfigError(location: setting.location, reason: "unsupported setting '\(setting.key)' in \(block.type) block")
        }
        guard let driver = block.value("driver"), !driver.isEmpty else {
            throw ConfigError(location: block.location, reason: "\(block.type) block without 'driver ='")
        }
        self.driver = driver
        var options: [String: String] = [:], words: [String] = []
        for word in (block.value("args") ?? "").split(separator: " ") {
            if let eq = word.firstIndex(of: "=") {
                options[String(word[..<eq])] = String(word[word.index(after: eq)...])
            } else {
                words.append(String(word))
            }
        }
        self.options = options
        self.words = words
    }

    func error(_ reason: String) -> ConfigError {
        ConfigError(location: block.setting("driver")?.location ?? block.location, reason: reason)
    }

    func path() throws(ConfigError) -> String {
        guard let path = words.last else { throw error("\(block.type) \(driver) needs a file: 'args = [scheme=...] /path/to/file'") }
        return path
    }

    func refuseArguments() throws(ConfigError) {
        if block.value("args").map({ !$0.isEmpty }) == true { throw error("\(block.type) \(driver) takes no args") }
    }

    /// A numeric id or a name looked up in the system's accounts (`uid=vmail`).
    func id(_ key: String, _ lookUp: (String) -> UInt32?) throws(ConfigError) -> UInt32? {
        guard let value = options[key] else { return nil }
        if let number = UInt32(value) { return number }
        guard let id = lookUp(value) else { throw error("\(key)=\(value): no such system \(key == "uid" ? "user" : "group")") }
        return id
    }
}
