import Foundation
import MaildexAdmin
import MaildexConfig
#if canImport(Glibc)
import Glibc
#endif

/// Who maildexd runs as. Started as root, it binds its listeners, then, for virtual users, becomes
/// `mail_uid`/`mail_gid` (default `vmail`) before it accepts a connection. With system users (a `pam`
/// passdb or a `passwd` userdb) it stays root: it reads /etc/shadow through PAM and writes into every
/// user's home, and what it creates there takes the owner of the directory it is created in
/// (``InheritedOwner``), so `~alice/Maildir` stays alice's.
enum Privileges {
    /// Whether the file configures system users.
    static func usesSystemUsers(_ config: ConfigBlock) -> Bool {
        config.blocks("passdb").contains { $0.value("driver") == "pam" }
            || config.blocks("userdb").contains { $0.value("driver") == "passwd" }
    }

    /// The account to become, and a line for the log when maildexd stays root.
    static func plan(_ daemon: DaemonConfiguration, config: ConfigBlock) -> (account: MailAccount?, note: String?) {
        guard geteuid() == 0 else { return (nil, nil) }
        if usesSystemUsers(config) {
            return (nil, "runs as root: system users are configured (passdb pam or userdb passwd); files created in a user's Maildir take the owner of the directory they are created in")
        }
        guard let account = daemon.mailAccount else {
            return (nil, "warning: runs as root: no mail_uid is set and there is no user \(MailAccount.defaultUser) (scripts/install.sh creates it)")
        }
        if account.uid == 0 { return (nil, "runs as root: mail_uid = \(account.user)") }
        return (account, nil)
    }

    /// Creates the data directory (mode 0700) for `account`, or hands an existing one over to it:
    /// when the directory is not the account's (say an older maildexd ran as root), everything in
    /// it is given to the account.
    static func prepare(dataDirectory path: String, for account: MailAccount) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var st = stat()
        guard stat(path, &st) == 0 else { throw SystemFailure(operation: "stat", path: path) }
        guard st.st_uid != account.uid || st.st_gid != account.gid else { return }
        try own(path, account)
        guard let walk = FileManager.default.enumerator(atPath: path) else { return }
        for case let name as String in walk { try own(path + "/" + name, account) }
    }

    /// Gives a file the account (not following a symbolic link).
    static func own(_ path: String, _ account: MailAccount) throws {
        guard lchown(path, account.uid, account.gid) == 0 else { throw SystemFailure(operation: "chown", path: path) }
    }

    /// setgroups, setgid, setuid, in that order (glibc applies each to every thread), then checks
    /// that root cannot be had back.
    static func drop(to account: MailAccount) throws {
        var groups = [gid_t(account.gid)]
        guard setgroups(1, &groups) == 0 else { throw SystemFailure(operation: "setgroups", path: account.user) }
        guard setgid(account.gid) == 0 else { throw SystemFailure(operation: "setgid", path: account.user) }
        guard setuid(account.uid) == 0 else { throw SystemFailure(operation: "setuid", path: account.user) }
        guard getuid() == account.uid, geteuid() == account.uid, getegid() == account.gid, setuid(0) != 0 else {
            throw SystemFailure(operation: "drop privileges", path: account.user)
        }
    }

    /// Files maildexd reads after it has become `account`: a passdb/userdb file it cannot read
    /// stops start-up (every login would fail); a configuration or TLS file only gets a warning
    /// (SIGHUP could not reload it). Call after ``drop(to:)``; `access(2)` then answers for the account.
    static func unreadable(auth config: ConfigBlock) -> [String] {
        (config.blocks("passdb") + config.blocks("userdb")).compactMap { block in
            guard ["passwd-file"].contains(block.value("driver") ?? ""),
                  let path = block.value("args")?.split(separator: " ").last.map(String.init), !path.contains("%"),
                  access(path, R_OK) != 0 else { return nil }
            return path
        }
    }

    static func unreadable(_ paths: [String?]) -> [String] {
        paths.compactMap { $0 }.filter { access($0, R_OK) != 0 }
    }
}

/// A system call that failed while setting up who maildexd runs as.
struct SystemFailure: Error, CustomStringConvertible {
    var operation: String
    var path: String
    var code = errno
    var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
}
