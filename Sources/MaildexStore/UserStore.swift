import Foundation
import MaildexCore
import MaildexIndex
import MaildexMaildir
import Synchronization

/// One user's mail: a Maildir and the index beside it, kept in step.
///
/// An actor, so that every write to one user's index is serialised (DESIGN.md §Concurrency);
/// different users never contend. The Maildir is the truth for which messages exist and their
/// bytes; the index is the truth for UIDs, MODSEQs and flags. Opening a mailbox reconciles the two.
public actor UserStore {
    public nonisolated let location: MailLocation
    /// This store's jobs run on a queue of their own, since they block on fsync (``QueueExecutor``).
    private nonisolated let executor = QueueExecutor(label: "maildex.user-store")
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    nonisolated let maildir: Maildir
    let index: MailIndex
    let hostname: String?
    /// Message-ID+size keys per mailbox id, loaded on the first import with skip-duplicates.
    var duplicateKeys: [Int64: Set<String>] = [:]
    /// The running catch-up body indexer, if any.
    var bodyIndexer: Task<Void, Never>? = nil
    /// See ``StoreConfiguration/indexingPause``.
    nonisolated let indexingPause: Duration
    /// When mail last arrived, and how many times indexing was asked for (see ``scheduleBodyIndexing()``).
    var lastMailArrival = ContinuousClock.now
    var indexingRequests = 0
    /// ``resumePendingIndexingOnce()`` ran.
    nonisolated let indexingResumed = Atomic<Bool>(false)
    /// Fired after every change to this user's mail, for IDLE and other sessions' views.
    public nonisolated let changeSignal = ChangeSignal()
    /// Row ids of mailboxes by name, and the folder mtimes last reconciled, so that the commands
    /// of IMAP sessions do not ask the index for the mailbox row each time. Emptied whenever a
    /// mailbox row is created, deleted or renamed (``forgetMailboxes()``).
    var mailboxIDs: [MailboxName: Int64] = [:]
    var syncedMTimes: [MailboxName: (new: Double, cur: Double)] = [:]
    /// What SELECT shows of each mailbox, by row id (see ``snapshot(of:)``).
    var snapshots: [Int64: MailboxSnapshot] = [:]
    /// The user's quota limits, read at each check (see ``QuotaLimitsSource``).
    nonisolated let quotaLimits: QuotaLimitsSource
    /// Deliveries whose files are written, waiting for the next group commit (``deliver(_:to:flags:internalDate:)``).
    var pendingDeliveries: [PendingDelivery] = []

    /// Opens a user's mail. A Maildir seen for the first time (no index, no folders besides
    /// INBOX: a system user's first login) gets the `defaultMailboxes` too.
    init(location: MailLocation, hostname: String?, defaultMailboxes: [(name: String, specialUse: String)] = [],
         indexingPause: Duration = .seconds(2), quotaLimits: @escaping QuotaLimitsSource = { .unlimited }) throws {
        self.location = location
        self.hostname = hostname
        self.indexingPause = indexingPause
        self.quotaLimits = quotaLimits
        try FileSystem.makeDirectory(location.maildir)
        maildir = Maildir(root: location.maildir)
        try maildir.createFolder(.inbox)
        let maildir = maildir
        index = try MailIndex(path: location.indexPath) { mailbox, fileName in
            Self.bodyText(maildir: maildir, mailbox: mailbox, fileName: fileName)
        }
        if try index.mailbox(.inbox) == nil {
            _ = try Self.adoptFolder(.inbox, maildir: maildir, index: index)
            if try maildir.folderNames() == [.inbox] {
                try Self.createDefaultMailboxes(defaultMailboxes, maildir: maildir, index: index)
            }
        }
    }

    deinit { bodyIndexer?.cancel() }

    /// Creates the special-use mailboxes a new user starts with (existing ones are kept).
    func createDefaultMailboxes(_ defaults: [(name: String, specialUse: String)]) throws {
        forgetMailboxes()
        try Self.createDefaultMailboxes(defaults, maildir: maildir, index: index)
    }

    private static func createDefaultMailboxes(_ defaults: [(name: String, specialUse: String)], maildir: Maildir, index: MailIndex) throws {
        for (name, use) in defaults {
            let mailbox = try MailboxName(name)
            if try index.mailbox(mailbox) == nil, !maildir.folder(mailbox).exists {
                try maildir.createFolder(mailbox)
                _ = try index.createMailbox(mailbox, specialUse: use)
                try index.setSubscribed(mailbox, true)
            }
        }
        try index.setSubscribed(.inbox, true)
    }

    // MARK: - Mailbox records

    /// The index record of a mailbox, creating it when the folder exists on disk but is not
    /// indexed yet (a Maildir from another program). Throws ``MailboxNotFound``.
    func record(_ name: MailboxName) throws -> MailboxRecord {
        if let record = try index.mailbox(name) { return record }
        guard maildir.folder(name).exists else { throw MailboxNotFound(name: name) }
        return try Self.adoptFolder(name, maildir: maildir, index: index)
    }

    /// The row id of a mailbox (cached). Throws ``MailboxNotFound``.
    func mailboxID(_ name: MailboxName) throws -> Int64 {
        if let id = mailboxIDs[name] { return id }
        let id = try record(name).id
        mailboxIDs[name] = id
        return id
    }

    /// Drops the cached mailbox ids and sync states (after a mailbox row changed).
    func forgetMailboxes() {
        mailboxIDs = [:]
        syncedMTimes = [:]
        snapshots = [:]
    }

    /// Indexes a folder found on disk. UIDVALIDITY comes from its `dovecot-uidlist` when there is
    /// one, so clients of a migrated Dovecot do not re-download; the messages are indexed by the
    /// next ``synchronize(_:)``.
    static func adoptFolder(_ name: MailboxName, maildir: Maildir, index: MailIndex) throws -> MailboxRecord {
        let folder = maildir.folder(name)
        try folder.create()
        let uidList = DovecotUIDList.load(from: folder.path)
        return try index.createMailbox(name, uidValidity: uidList?.uidValidity)
    }
}

extension DovecotUIDList {
    /// The folder's `dovecot-uidlist`, or nil when absent or unreadable.
    static func load(from folderPath: String) -> DovecotUIDList? {
        guard let text = try? String(contentsOfFile: folderPath + "/dovecot-uidlist", encoding: .utf8) else { return nil }
        return try? DovecotUIDList(parsing: text)
    }
}
