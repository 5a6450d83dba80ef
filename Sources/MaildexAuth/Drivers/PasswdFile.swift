/// Dovecot's passwd-file format, one user per line:
///
/// ```
/// # comment
/// user:password:uid:gid:gecos:home:shell:extra_fields
/// alice:{SHA512-CRYPT}$6$…:1000:1000::/home/alice::userdb_mail=/home/alice/Maildir
/// bob@example.org:{PLAIN}secret::::::
/// nobody::::::: nopassword
/// ```
///
/// Only the user and password are required; empty fields are unset. `extra_fields` are
/// space-separated `key=value` pairs (a `userdb_` prefix is dropped; `nopassword` lets any
/// password in). See https://doc.dovecot.org/configuration_manual/authentication/passwd_file/
public enum PasswdFile {
    /// One user's line.
    public struct Entry: Sendable, Equatable {
        public var username: String
        /// The stored password or hash; empty when the line has none.
        public var password: String
        /// `nopassword` in the extra fields: any password is accepted.
        public var noPassword: Bool
        /// uid, gid, home and extra fields from the line.
        public var fields: UserFields
        /// 1-based line number, for messages.
        public var line: Int
    }

    /// The users of `contents` (keyed by lower-cased name) and the problems found; a
    /// malformed line is reported and skipped, the others still count.
    public static func parse(_ contents: String, path: String) -> (entries: [String: Entry], problems: [PasswdFileProblem]) {
        var entries: [String: Entry] = [:]
        var problems: [PasswdFileProblem] = []
        for (index, rawLine) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            switch parseLine(String(line), number: index + 1) {
            case .failure(let reason):
                problems.append(PasswdFileProblem(path: path, line: index + 1, reason: reason))
            case .success(let entry):
                let key = entry.username.lowercased()
                if let first = entries[key] {
                    problems.append(PasswdFileProblem(path: path, line: index + 1, reason: "user '\(entry.username)' already defined on line \(first.line); this line is ignored"))
                } else {
                    entries[key] = entry
                }
            }
        }
        return (entries, problems)
    }

    private struct LineError: Error { var reason: String }

    private enum LineResult { case success(Entry), failure(String) }

    private static func parseLine(_ line: String, number: Int) -> LineResult {
        let fields = line.split(separator: ":", maxSplits: 7, omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 2 else { return .failure("no ':' after the user name") }
        let username = fields[0]
        guard !username.isEmpty else { return .failure("empty user name") }
        guard !username.contains(where: { $0 == " " || $0 == "\t" }) else { return .failure("user name contains whitespace") }
        var user = UserFields(username: username)
        func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
        for (index, name) in [(2, "uid"), (3, "gid")] where !field(index).isEmpty {
            guard user.set(field: name, value: field(index)) else { return .failure("\(name) '\(field(index))' is neither a number nor a known \(name == "uid" ? "user" : "group")") }
        }
        if !field(5).isEmpty { user.home = field(5) }
        var noPassword = false
        for pair in field(7).split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            let value = parts.count == 2 ? String(parts[1]) : ""
            guard !key.isEmpty else { return .failure("extra field '\(pair)' has no name") }
            if key == "nopassword" {
                noPassword = value.isEmpty || ["y", "yes", "1"].contains(value.lowercased())
            } else if !user.set(field: key, value: value) {
                return .failure("extra field \(key) has an invalid value")
            }
        }
        return .success(Entry(username: username, password: fields[1], noPassword: noPassword, fields: user, line: number))
    }
}

/// A problem in a passwd-file, named as `path:line: reason` (line 0: the whole file).
/// Never contains a password or hash.
public struct PasswdFileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String

    public init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String { line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)" }
}
