import Foundation
public import MaildexCore
public import MaildexIndex
import MaildexMaildir
import Synchronization

/// The mail store of one data directory: the user table and one ``UserStore`` per user.
///
/// ```swift
/// let store = try MailStore(configuration: .init(dataDirectory: dir))
/// try store.addUser(Username("alice"), passwordHash: "{PLAIN}secret")
/// let alice = try await store.userStore(Username("alice"))
/// let uid = try await alice.deliver(Array("Subject: hi\r\n\r\nhello\r\n".utf8))
/// ```
public final class MailStore: Sendable {
    public let configuration: StoreConfiguration
    /// The global database (users, settings).
    public let global: GlobalIndex
    /// One slot per user key; a slot is filled once, under its own lock, so that two logins of
    /// the same user never both open (and migrate) the index, and other users never wait.
    private let openStores = Mutex<[String: StoreSlot]>([:])

    private final class StoreSlot: Sendable {
        let store = Mutex<UserStore?>(nil)
    }

    /// Opens (creating if needed, mode 0700) the data directory and its global database.
    public init(configuration: StoreConfiguration) throws {
        var configuration = configuration
        // An absolute path, so that user locations do not depend on the current directory.
        configuration.dataDirectory = URL(fileURLWithPath: configuration.dataDirectory).standardizedFileURL.path
        self.configuration = configuration
        try FileSystem.makeDirectory(configuration.dataDirectory)
        global = try GlobalIndex(path: configuration.globalIndexPath)
    }

    // MARK: - Users

    /// Where a user's mail lives: `home/Maildir`, home defaulting to `<data>/users/<name>`.
    public func location(of user: UserRecord) -> MailLocation {
        MailLocation(home: user.home ?? configuration.defaultHome(for: user.username.rawValue))
    }

    /// Adds a user and creates the Maildir with INBOX and the default special-use mailboxes.
    /// Throws `DuplicateUser` when the name is taken.
    @discardableResult
    public func addUser(_ name: Username, passwordHash: String, home: String? = nil) async throws -> UserRecord {
        let record = UserRecord(username: name, passwordHash: passwordHash, home: home)
        try global.addUser(record)
        let store = try userStore(for: record)
        try await store.createDefaultMailboxes(configuration.defaultMailboxes)
        return record
    }

    /// Removes a user; with `keepMail` false also deletes the mail directory when it lies
    /// inside the data directory (a home elsewhere is never deleted).
    public func deleteUser(_ name: Username, keepMail: Bool) throws {
        guard let record = try global.user(name) else { throw UserNotFound(name: name.rawValue) }
        try global.deleteUser(name)
        _ = openStores.withLock { $0.removeValue(forKey: name.rawValue) }
        guard !keepMail else { return }
        let home = record.home ?? configuration.defaultHome(for: name.rawValue)
        let data = URL(fileURLWithPath: configuration.dataDirectory).standardizedFileURL.path + "/"
        if URL(fileURLWithPath: home).standardizedFileURL.path.hasPrefix(data) {
            try? FileManager.default.removeItem(atPath: home)
        }
    }

    /// The store of a user from the user table; throws ``UserNotFound``.
    public func userStore(_ name: Username) throws -> UserStore {
        guard let record = try global.user(name) else { throw UserNotFound(name: name.rawValue) }
        return try userStore(for: record)
    }

    /// The store of a user record (also for users from other passdbs, e.g. system users).
    public func userStore(for record: UserRecord) throws -> UserStore {
        try userStore(at: location(of: record), key: record.username.rawValue)
    }

    /// The store of a user for `index rebuild`: an index file that is damaged is moved aside (as
    /// `maildex-index.sqlite.damaged-<unix time>`, with its -wal and -shm) and a new one is built
    /// from the Maildir. UIDVALIDITY and UIDs then come from `dovecot-uidlist` where present,
    /// otherwise they are new. Returns the store and the path the damaged file was moved to.
    public func userStoreRecoveringIndex(for record: UserRecord) throws -> (store: UserStore, movedAside: String?) {
        do {
            return (try userStore(for: record), nil)
        } catch let error as CorruptDatabase {
            let aside = "\(error.path).damaged-\(Int(Date().timeIntervalSince1970))"
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: error.path + suffix) {
                try FileManager.default.moveItem(atPath: error.path + suffix, toPath: aside + suffix)
            }
            return (try userStore(for: record), aside)
        }
    }

    /// The store of a Maildir found by a userdb (e.g. a system user's `~/Maildir`). Its quota
    /// limits are those of the user table's row named `key` (none for users not in the table).
    public func userStore(at location: MailLocation, key: String) throws -> UserStore {
        let slot = openStores.withLock { slots in
            if let slot = slots[key] { return slot }
            let slot = StoreSlot()
            slots[key] = slot
            return slot
        }
        return try slot.store.withLock { store in
            if let open = store, open.location == location { return open }
            let global = self.global
            let opened = try UserStore(location: location, hostname: configuration.hostname,
                                       defaultMailboxes: configuration.defaultMailboxes,
                                       indexingPause: configuration.indexingPause,
                                       quotaLimits: { try global.quotaLimits(of: key) })
            store = opened
            return opened
        }
    }
}
