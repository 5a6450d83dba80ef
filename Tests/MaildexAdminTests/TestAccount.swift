import Foundation
import MaildexTesting
#if canImport(Glibc)
import Glibc
#endif

/// A system user and group made for one test with `useradd` (the tests run as root in CI), removed
/// with ``remove()``. A unique name, so parallel runs never share one.
struct TestAccount {
    let name: String
    let uid: UInt32
    let gid: UInt32

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static var canCreate: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd") }

    /// `home` nil: a system account without a home (like vmail); otherwise a login-less user whose
    /// home `useradd -m` creates there, owned by the user.
    static func create(home: String? = nil) async throws -> TestAccount {
        let name = "mdx" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        var arguments = ["--user-group", "--shell", "/usr/sbin/nologin"]
        if let home { arguments += ["--create-home", "--home-dir", home] } else { arguments += ["--system", "--no-create-home"] }
        let made = try await ChildProcess.run("/usr/sbin/useradd", arguments + [name])
        guard made.succeeded, let entry = getpwnam(name) else { throw Failed(description: "useradd \(name): \(made.stderr)") }
        return TestAccount(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    func remove() async {
        _ = try? await ChildProcess.run("/usr/sbin/userdel", [name])
        _ = try? await ChildProcess.run("/usr/sbin/groupdel", [name])
    }

    /// The `Uid:`/`Gid:`/`Groups:` lines of /proc/<pid>/status, as numbers (real, effective, saved, file system).
    static func ids(of pid: Int32) throws -> (uid: [UInt32], gid: [UInt32], groups: [UInt32]) {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        func field(_ name: String) -> [UInt32] {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return [] }
            return line.dropFirst(name.count + 1).split(whereSeparator: { $0 == "\t" || $0 == " " }).compactMap { UInt32($0) }
        }
        return (field("Uid"), field("Gid"), field("Groups"))
    }

    /// The owner and group of a file.
    static func owner(of path: String) -> (uid: UInt32, gid: UInt32)? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return (st.st_uid, st.st_gid)
    }
}
