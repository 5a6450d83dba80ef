import Glibc

/// Reads system accounts with the reentrant `getpwnam_r`/`getgrnam_r` (never the static-buffer
/// `getpwnam`).
public enum SystemAccounts {
    /// A system user from the passwd database (/etc/passwd, NSS).
    public struct Account: Sendable, Equatable {
        public var name: String
        public var uid: UInt32
        public var gid: UInt32
        public var home: String
        public var shell: String
    }

    /// The account called `name`, or `nil` when there is none.
    public static func account(named name: String) -> Account? {
        withBuffer { buffer in
            var entry = passwd()
            var result: UnsafeMutablePointer<passwd>?
            let status = getpwnam_r(name, &entry, buffer.baseAddress, buffer.count, &result)
            if status == ERANGE { return .retry }
            guard status == 0, let found = result?.pointee else { return .done(nil) }
            return .done(Account(
                name: string(found.pw_name), uid: found.pw_uid, gid: found.pw_gid,
                home: string(found.pw_dir), shell: string(found.pw_shell)))
        }
    }

    /// The uid of the user called `name` (for `uid=vmail` in configuration).
    public static func userID(named name: String) -> UInt32? { account(named: name)?.uid }

    /// The gid of the group called `name` (for `gid=vmail` in configuration).
    public static func groupID(named name: String) -> UInt32? {
        withBuffer { buffer in
            var entry = group()
            var result: UnsafeMutablePointer<group>?
            let status = getgrnam_r(name, &entry, buffer.baseAddress, buffer.count, &result)
            if status == ERANGE { return .retry }
            guard status == 0, let found = result?.pointee else { return .done(nil) }
            return .done(found.gr_gid)
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private enum Attempt<T> { case done(T?), retry }

    /// Runs `body` with a growing buffer until it fits (ERANGE), up to 1 MiB.
    private static func withBuffer<T>(_ body: (_ buffer: (baseAddress: UnsafeMutablePointer<CChar>, count: Int)) -> Attempt<T>) -> T? {
        var size = 4096
        while size <= 1 << 20 {
            let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: size)
            defer { buffer.deallocate() }
            guard let base = buffer.baseAddress else { return nil }
            switch body((base, size)) {
            case .done(let value): return value
            case .retry: size *= 4
            }
        }
        return nil
    }
}
