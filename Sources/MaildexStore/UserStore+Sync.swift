import Foundation
public import MaildexCore
import MaildexIndex
import MaildexMaildir

extension UserStore {
    /// Brings a mailbox's index rows in step with its folder: files delivered by another program get
    /// new UIDs (in arrival order, or the UIDs their `dovecot-uidlist` gives them), files that
    /// vanished are expunged, and files renamed by another program have their flags taken from the
    /// new name. UIDs of known files never change. Cheap when neither `new/` nor `cur/` changed
    /// since the last call, unless `force` is set.
    @discardableResult
    public func synchronize(_ name: MailboxName, force: Bool = false) throws -> [Drift] {
        try reconcile(name, apply: true, force: force)
    }

    /// Every drift between folders and index, changing nothing (`mailadm index verify`).
    public func verify() throws -> [Drift] {
        var drift: [Drift] = []
        let onDisk = Set(try maildir.folderNames())
        let indexed = try index.mailboxes()
        for record in indexed where !onDisk.contains(record.name) { drift.append(Drift(mailbox: record.name, kind: .folderMissing)) }
        for name in onDisk.sorted() { drift += try reconcile(name, apply: false, force: true) }
        return drift
    }

    /// Repairs every drift (`mailadm index rebuild`), keeping the UIDs of known files, and returns
    /// what was repaired.
    public func rebuild() throws -> [Drift] {
        let drift = try verify()
        _ = try mailboxes()
        for name in try maildir.folderNames() { _ = try reconcile(name, apply: true, force: true) }
        return drift
    }

    func reconcile(_ name: MailboxName, apply: Bool, force: Bool) throws -> [Drift] {
        let folder = maildir.folder(name)
        // Fast path: the folder's mtimes are those we last reconciled (two stats, no query).
        if apply, !force, let known = syncedMTimes[name], let now = try? folder.directoryModificationDates(),
           now.new.timeIntervalSince1970 == known.new, now.cur.timeIntervalSince1970 == known.cur {
            return []
        }
        var drift: [Drift] = []
        guard folder.exists else {
            guard let record = try index.mailbox(name) else { throw MailboxNotFound(name: name) }
            if apply {
                forgetMailboxes()
                try index.deleteMailbox(id: record.id)
            }
            return [Drift(mailbox: name, kind: .folderMissing)]
        }
        let existing = try index.mailbox(name)
        if existing == nil { drift.append(Drift(mailbox: name, kind: .folderNotIndexed)) }
        let record = try existing ?? (apply ? Self.adoptFolder(name, maildir: maildir, index: index) : nil)
        let mtimes = try folder.directoryModificationDates()
        if let record, !force, mtimes.new.timeIntervalSince1970 == record.syncedNewMTime,
           mtimes.cur.timeIntervalSince1970 == record.syncedCurMTime {
            if apply, drift.isEmpty { syncedMTimes[name] = (record.syncedNewMTime, record.syncedCurMTime) }
            return drift
        }
        // Files left in tmp/ by a delivery that crashed are not messages; old ones are removed.
        if apply { _ = try? folder.cleanTemporaryFiles() }
        let rows = try record.map { try index.messages(in: $0.id) } ?? []
        var byBase: [String: MessageRecord] = [:]
        for row in rows { byBase[row.baseName] = row }
        var seen = Set<String>()
        var renamed: [(MessageRecord, MaildirEntry)] = []
        var unindexed: [MaildirEntry] = []
        for entry in try folder.scan() where seen.insert(entry.fileName.base).inserted {
            if let row = byBase[entry.fileName.base] {
                if row.fileName != entry.fileName.description { renamed.append((row, entry)) }
            } else {
                unindexed.append(entry)
            }
        }
        let missing = rows.filter { !seen.contains($0.baseName) }
        drift += unindexed.map { Drift(mailbox: name, kind: .unindexedFile($0.fileName.description)) }
        drift += missing.map { Drift(mailbox: name, kind: .missingFile($0.uid)) }
        drift += renamed.map { Drift(mailbox: name, kind: .renamedFile($0.0.uid, $0.1.fileName.description)) }
        guard apply, let record else { return drift }

        if !missing.isEmpty { _ = try index.expunge(uids: missing.map(\.uid), in: record.id) }
        let keywords = try folder.keywords()
        try index.setFileNames(renamed.map { ($0.0.uid, $0.1.fileName.description) }, in: record.id)
        for (row, entry) in renamed {
            let unlettered = row.flags.filter { flag in
                if case .keyword(let k) = flag { return keywords.letter(for: k) == nil }
                return false
            }
            let flags = entry.fileName.flags(keywords: keywords).union(unlettered)
            if flags != row.flags { _ = try index.setFlags(flags, .replace, uids: [row.uid], in: record.id) }
        }
        drift += try indexFiles(unindexed, folder: folder, record: record, keywords: keywords)
        if !missing.isEmpty || !renamed.isEmpty || !unindexed.isEmpty { changeSignal.fire() }
        try index.setSyncState(id: record.id, newMTime: mtimes.new.timeIntervalSince1970, curMTime: mtimes.cur.timeIntervalSince1970)
        syncedMTimes[name] = (mtimes.new.timeIntervalSince1970, mtimes.cur.timeIntervalSince1970)
        return drift
    }

    /// Indexes files found on disk. Files listed in `dovecot-uidlist` keep their UID when it is
    /// still free; the rest follow in arrival order.
    private func indexFiles(_ entries: [MaildirEntry], folder: MaildirFolder, record: MailboxRecord, keywords: DovecotKeywords) throws -> [Drift] {
        guard !entries.isEmpty else { return [] }
        var listed: [String: UID] = [:]
        if let uidList = DovecotUIDList.load(from: folder.path), uidList.uidValidity == record.uidValidity {
            for r in uidList.records { listed[MaildirFileName(parsing: r.fileName)?.base ?? r.fileName] = r.uid }
        }
        let ordered = entries.sorted { a, b in
            switch (listed[a.fileName.base], listed[b.fileName.base]) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return (a.modificationDate, a.fileName.base) < (b.modificationDate, b.fileName.base)
            }
        }
        var problems: [Drift] = []
        var nextFree = record.uidNext
        var batch: [NewMessage] = []
        for entry in ordered {
            let bytes: [UInt8]
            do { bytes = try folder.read(entry) } catch {
                problems.append(Drift(mailbox: record.name, kind: .unreadableFile(entry.fileName.description, "\(error)")))
                continue
            }
            var uid: UID? = nil
            if let candidate = listed[entry.fileName.base], candidate >= nextFree {
                uid = candidate
                nextFree = UID(candidate.rawValue + 1)
            }
            batch.append(NewMessage(parsing: bytes, file: entry.fileName, flags: entry.fileName.flags(keywords: keywords),
                                    internalDate: entry.modificationDate, uid: uid))
            if batch.count >= 500 { _ = try index.insert(batch, into: record.id); batch.removeAll() }
        }
        if !batch.isEmpty { _ = try index.insert(batch, into: record.id) }
        scheduleBodyIndexing()
        return problems
    }
}

extension MaildirFileName {
    /// System flags from the info letters plus keywords through `dovecot-keywords`.
    func flags(keywords: DovecotKeywords) -> Set<Flag> {
        var flags = systemFlags
        for i in keywordIndexes {
            let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(i)))
            if let k = keywords.keyword(for: letter) { flags.insert(.keyword(k)) }
        }
        return flags
    }
}
