import Foundation
public import MaildexCore
public import MaildexIndex
public import MaildexMaildir
import Synchronization

extension UserStore {
    /// The light rows of a mailbox (UID, MODSEQ, flags, sizes, file name), ascending by UID.
    public func messages(in name: MailboxName) throws -> [MessageRecord] {
        try index.messages(in: record(name).id)
    }

    /// The light rows of the given UIDs, ascending; UIDs not in the mailbox are skipped.
    public func messages(_ uids: [UID], in name: MailboxName) throws -> [MessageRecord] {
        try index.messages(in: mailboxID(name), uids: uids)
    }

    /// ENVELOPE, BODYSTRUCTURE and header fields of the given UIDs, from the index alone.
    public func details(of uids: [UID], in name: MailboxName) throws -> [MessageDetail] {
        try index.details(in: mailboxID(name), uids: uids)
    }

    /// The rows of the given UIDs with the FETCH strings asked for, from the index alone.
    public func fetchRows(_ uids: [UID], in name: MailboxName, columns: FetchColumns) throws -> [FetchRow] {
        try index.fetchRows(in: mailboxID(name), uids: uids, columns: columns)
    }

    /// The message's bytes as stored. Throws ``MessageNotFound`` if it was expunged or its file vanished.
    public func read(_ uid: UID, in name: MailboxName) throws -> [UInt8] {
        let record = try record(name)
        guard let row = try index.messages(in: record.id, uids: [uid]).first else { throw MessageNotFound(mailbox: name, uid: uid) }
        do {
            return try maildir.folder(name).read(entry(for: row, in: name))
        } catch {
            throw MessageNotFound(mailbox: name, uid: uid)
        }
    }

    /// The bytes of a message whose row the caller already holds (POP3's snapshot): no index
    /// query, only the file, and no wait for this actor (the file is the truth and is written
    /// once). Throws ``MessageNotFound`` if the file is gone (expunged meanwhile).
    public nonisolated func read(_ row: MessageRecord, in name: MailboxName) throws -> [UInt8] {
        do {
            return try maildir.folder(name).read(entry(for: row, in: name))
        } catch {
            throw MessageNotFound(mailbox: name, uid: row.uid)
        }
    }

    /// The message file of a row, open for reading in pieces (a FETCH streaming a large message).
    /// Throws ``MessageNotFound`` if the file is gone.
    public nonisolated func openFile(_ row: MessageRecord, in name: MailboxName) throws -> MessageFile {
        do {
            return try maildir.folder(name).open(entry(for: row, in: name))
        } catch {
            throw MessageNotFound(mailbox: name, uid: row.uid)
        }
    }

    /// Sets, adds or removes flags (STORE); files are renamed to carry the new flags, along
    /// with the index transaction that records them (on a thread of their own while the rows
    /// are updated, ``FlagRenames``; it returns when the last is done). Returns the changed
    /// messages with their new MODSEQ, the unchanged ones with their flags, and the UIDs
    /// refused by `unchangedSince`. `committed`, if given, gets that result as soon as the index
    /// has it, before the renames are done (an IMAP session writes its FETCH answers then); it
    /// runs on the store's thread, which it should not hold up.
    public func setFlags(_ flags: Set<Flag>, _ mode: FlagUpdate, uids: [UID], in name: MailboxName,
                         unchangedSince: ModSeq? = nil,
                         committed: (@Sendable (FlagStoreResult) -> Void)? = nil) throws -> FlagStoreResult {
        let record = try record(name)
        let folder = maildir.folder(name)
        let before = try? folder.directoryModificationDates()
        // Keyword letters by keyword set: `dovecot-keywords` is read once per distinct set.
        var letters: [Set<Flag>: [Int]] = [[]: []]
        let renames = folder.flagRenames()
        defer { renames.cancel() }   // after an error; nothing once settled
        let result = try index.setFlags(flags, mode, uids: uids, in: record.id, unchangedSince: unchangedSince) { fileName, new in
            // The index holds the truth; a failed rename only leaves the name's flags stale.
            let keywords = new.filter(\.isKeyword)
            guard let indexes = letters[keywords] ?? (try? folder.keywordLetterIndexes(for: keywords)) else { return nil }
            letters[keywords] = indexes
            return renames.rename(fileName, to: new, keywordIndexes: indexes)
        } settle: { result in
            // The flags are committed: the answer can go out while the files are renamed.
            committed?(result)
            return renames.finish()
        }
        // Not thrown: the flags are stored (and may be answered already); without the new sync
        // state the folder's next open rescans it.
        try? noteOwnChange(record, folder: folder, before: before)
        return result
    }

    /// Expunges messages: files first, then index rows, so that a crash in between leaves rows
    /// without files (repaired by the next sync), never files that come back as new mail.
    ///
    /// From ``backgroundRemovalMinimum`` messages on, the files are deleted on a thread of their
    /// own while the index deletes the rows (each a delete from the trigram header index), and
    /// the transaction commits only once the last file is gone: the same order, in about the
    /// time of the slower of the two. If a file cannot be deleted, no row is.
    @discardableResult
    public func expunge(_ uids: [UID], in name: MailboxName) throws -> [UID] {
        let record = try record(name)
        let folder = maildir.folder(name)
        let before = try? folder.directoryModificationDates()
        let rows = try index.messages(in: record.id, uids: uids)
        let entries = rows.map { entry(for: $0, in: name) }
        if rows.count >= Self.backgroundRemovalMinimum {
            let removal = folder.startRemoving(entries)
            // No deletion goes on after this returns, whatever failed.
            defer { try? removal.wait() }
            _ = try index.expunge(uids: rows.map(\.uid), in: record.id) { try removal.wait() }
        } else {
            for entry in entries { try folder.remove(entry) }
            if !rows.isEmpty { _ = try index.expunge(uids: rows.map(\.uid), in: record.id) }
        }
        try noteOwnChange(record, folder: folder, before: before)
        return rows.map(\.uid)
    }

    /// How many messages an expunge takes before their files are deleted on a thread of their own.
    static var backgroundRemovalMinimum: Int { 64 }

    /// Expunges every message flagged `\Deleted` (IMAP EXPUNGE and CLOSE).
    @discardableResult
    public func expungeDeleted(in name: MailboxName) throws -> [UID] {
        try expunge(search(.flag(.deleted, true), in: name), in: name)
    }

    /// Copies messages, with their flags and internal dates, and returns (source, new) UID pairs.
    /// Throws ``QuotaExceeded``, copying nothing, when the copies would pass the user's quota.
    ///
    /// Each file is hard-linked (or written) into the destination and made durable; then one
    /// index transaction adds the copies' rows, taking the parsed fields from the source rows.
    /// A crash before that commit leaves files the next sync indexes: never a lost message.
    public func copy(uids: [UID], from source: MailboxName, to destination: MailboxName) throws -> [(UID, UID)] {
        let sourceRecord = try record(source)
        let target = try record(destination)
        let from = maildir.folder(source), to = maildir.folder(destination)
        let rows = try index.messages(in: sourceRecord.id, uids: uids)
        try checkQuota(adding: rows.map(\.virtualSize))
        let before = try? to.directoryModificationDates()
        var copied: [MaildirEntry] = []
        let pairs: [(UID, UID)]
        do {
            for row in rows {
                copied.append(try from.copy(entry(for: row, in: source), to: to, flags: row.flags, durability: .immediate))
            }
            pairs = try index.copy(zip(rows, copied).map { ($0.uid, $1.fileName.base, $1.fileName.description) },
                                   from: sourceRecord.id, to: target.id)
        } catch {
            for file in copied { try? to.remove(file) }
            throw error
        }
        try noteOwnChange(target, folder: to, before: before)
        scheduleBodyIndexing()
        return pairs
    }

    /// The UIDs that message sequence numbers name, in a view of the mailbox as it is now
    /// (sequence number n is the n-th lowest UID; `*` is the last message, RFC 3501 §6.4.8).
    /// Sessions that hold back expunges keep their own view; this is for a fresh one.
    public func uids(sequenceSet: NumberSet, in name: MailboxName) throws -> [UID] {
        let all = try index.messages(in: record(name).id).map(\.uid)
        return sequenceSet.resolved(largest: UInt32(all.count)).flatMap { range -> ArraySlice<UID> in
            // Numbers past the last message name nothing (a client's stale view).
            guard Int(range.lowerBound) <= all.count else { return [] }
            return all[Int(range.lowerBound - 1)..<min(Int(range.upperBound), all.count)]
        }
    }

    /// UIDs matching a query, ascending; answered from the index.
    public func search(_ query: SearchQuery, in name: MailboxName) throws -> [UID] {
        try index.search(query, in: mailboxID(name))
    }

    /// Runs the catch-up header-field indexer once; returns how many messages it indexed.
    @discardableResult
    public func indexPendingHeaders(limit: Int = 500) throws -> Int { try index.indexPendingHeaders(limit: limit) }

    /// Runs the catch-up body indexer once; returns how many bodies it indexed.
    @discardableResult
    public func indexPendingBodies(limit: Int = 500) throws -> Int { try index.indexPendingBodies(limit: limit) }

    /// Starts the catch-up indexer (header fields, then bodies) in the background unless it runs
    /// already. It works only once no mail has arrived for ``indexingPause``, in small chunks,
    /// pausing again whenever mail arrives, so that deliveries and commands never wait for it.
    /// Searches are complete either way; indexing only makes them fast.
    ///
    /// It runs off this actor (the index is safe to use from any thread), in chunks small enough
    /// that a delivery never waits long for SQLite's write lock.
    func scheduleBodyIndexing() {
        lastMailArrival = .now
        indexingRequests &+= 1
        startBodyIndexer()
    }

    private func startBodyIndexer() {
        guard bodyIndexer == nil else { return }
        let index = self.index, pause = indexingPause
        bodyIndexer = Task.detached(priority: .background) { [weak self] in
            var seen = 0
            // The store is held only while asked: a store nobody else holds goes (and cancels
            // this task, ending its pause) rather than waiting to index. A chunk under way when
            // it goes still finishes, through `index`; SQLite's locking keeps that safe beside a
            // store opened anew for the same user.
            while let (quiet, requests) = await self?.indexingState(), !Task.isCancelled {
                if quiet < pause {
                    try? await Task.sleep(for: pause - quiet)
                    continue
                }
                seen = requests
                // Header fields are cheap to index in bulk (about 0.05 ms a message); bodies are
                // read from their files, a few at a time.
                guard let indexed = try? index.indexPendingHeaders(limit: 200) + index.indexPendingBodies(limit: 10), indexed > 0 else { break }
                try? await Task.sleep(for: .milliseconds(2))
            }
            await self?.bodyIndexingFinished(seenRequests: seen)
        }
    }

    private func indexingState() -> (quiet: Duration, requests: Int) {
        (ContinuousClock.now - lastMailArrival, indexingRequests)
    }

    /// Starts the catch-up indexer, the first time only, if the index has messages it has not
    /// reached (the server stopped during or soon after a burst); it waits for
    /// ``StoreConfiguration/indexingPause`` as after mail. The server calls it when a session
    /// first reaches the user's mail (``MailResolver``); `mailadm` does not, so that its commands
    /// run alone.
    public nonisolated func resumePendingIndexingOnce() {
        guard !indexingResumed.exchange(true, ordering: .relaxed) else { return }
        Task { await self.resumePendingIndexing() }
    }

    private func resumePendingIndexing() {
        if (try? index.hasPendingIndexing()) == true { startBodyIndexer() }
    }

    /// Mail that arrived after the indexer's last look starts it again.
    private func bodyIndexingFinished(seenRequests: Int) {
        bodyIndexer = nil
        if indexingRequests != seenRequests { startBodyIndexer() }
    }

    // MARK: - Helpers

    /// The Maildir entry an index row names.
    nonisolated func entry(for row: MessageRecord, in name: MailboxName) -> MaildirEntry {
        maildir.folder(name).entry(named: row.fileName, modificationDate: row.internalDate)
    }

    /// After our own write, moves the recorded sync state along if nobody else changed the folder
    /// meanwhile, so that the next open does not rescan a folder whose only changes are ours.
    func noteOwnChange(_ record: MailboxRecord, folder: MaildirFolder, before: (new: Date, cur: Date)?) throws {
        changeSignal.fire()
        guard let after = Self.syncStateAfterOwnChange(synced: record.syncState, folder: folder, before: before) else { return }
        try index.setSyncState(id: record.id, newMTime: after.new, curMTime: after.cur)
        syncedMTimes[record.name] = after
    }

    /// The folder's mtimes now, if those `before` our change were the recorded sync state (so
    /// the change since is ours alone); nil if another program changed the folder meanwhile.
    static func syncStateAfterOwnChange(synced: (new: Double, cur: Double), folder: MaildirFolder,
                                        before: (new: Date, cur: Date)?) -> (new: Double, cur: Double)? {
        guard let before, before.new.timeIntervalSince1970 == synced.new, before.cur.timeIntervalSince1970 == synced.cur,
              let after = try? folder.directoryModificationDates() else { return nil }
        return (after.new.timeIntervalSince1970, after.cur.timeIntervalSince1970)
    }
}

extension MailboxRecord {
    /// The recorded mtimes of `new/` and `cur/` (``UserStore/syncedMTimes`` holds the same).
    var syncState: (new: Double, cur: Double) { (syncedNewMTime, syncedCurMTime) }
}
