import Glibc
public import MaildexCore
public import Foundation

extension MaildirFolder {
    /// Sets a message's flags by renaming it into `cur/` as `<base>,S=…,W=…:2,<letters>`.
    /// Letters of other programs that are not flags here (such as `P`, passed) are kept.
    /// If another program renamed the file meanwhile, it is found by its base and renamed
    /// from there; throws ``MaildirError`` (`ENOENT`) if the message is gone.
    ///
    /// The rename is not fsynced: the index is authoritative for flags (DESIGN.md §Storage),
    /// and after a crash the old name only shows the older flags to other Maildir readers.
    /// A new keyword's line in `dovecot-keywords` is fsynced, since names refer to it.
    public func setFlags(_ flags: Set<Flag>, of entry: MaildirEntry) throws -> MaildirEntry {
        try setFlags(flags, keywordIndexes: keywordLetterIndexes(for: flags), of: entry)
    }

    /// The letter indexes (0 is `a`) that `dovecot-keywords` gives the keywords of `flags`;
    /// keywords it lacks are added (fsynced). For STOREs over many messages, which look the
    /// letters up once and pass them to ``setFlags(_:keywordIndexes:of:)``.
    public func keywordLetterIndexes(for flags: Set<Flag>) throws -> [Int] {
        try keywordIndexes(for: flags, durability: .immediate)
    }

    /// ``setFlags(_:of:)`` with the keyword letters already looked up.
    public func setFlags(_ flags: Set<Flag>, keywordIndexes indexes: [Int], of entry: MaildirEntry) throws -> MaildirEntry {
        var current = entry
        for attempt in 0..<2 {
            let name = current.fileName.withFlags(flags, keywordIndexes: indexes)
            let target = curPath.appendingPath(name.description)
            if target == current.path { return current }
            if Glibc.rename(current.path, target) == 0 {
                return MaildirEntry(fileName: name, isNew: false, path: target, modificationDate: current.modificationDate)
            }
            let failure = POSIX.fail("rename", "\(current.path) -> \(target)")
            guard failure.errno == ENOENT, attempt == 0, let moved = try locate(base: entry.fileName.base) else { throw failure }
            current = moved
        }
        throw MaildirError(path: entry.path, operation: "rename", errno: ENOENT)
    }

    /// ``setFlags(_:keywordIndexes:of:)`` for a file name as the index recorded it, in `cur/` or
    /// `new/`, whose rename by ``FlagRenames`` failed: returns the name the file has now.
    func setFlags(_ flags: Set<Flag>, keywordIndexes indexes: [Int], ofFileNamed fileName: String, inCur: Bool) throws -> String {
        let path = (inCur ? curPath : newPath).appendingPath(fileName)
        guard let parsed = MaildirFileName(parsing: fileName) else { throw MaildirError(path: path, operation: "rename", errno: EINVAL) }
        let entry = MaildirEntry(fileName: parsed, isNew: !inCur, path: path, modificationDate: .distantPast)
        return try setFlags(flags, keywordIndexes: indexes, of: entry).fileName.description
    }

    /// Deletes a message file (found by its base if it was renamed). A message that is
    /// already gone is not an error. Not fsynced: an expunge that a crash undoes is seen again
    /// and expunged again.
    public func remove(_ entry: MaildirEntry) throws {
        if Glibc.unlink(entry.path) == 0 { return }
        let failure = POSIX.fail("unlink", entry.path)
        guard failure.errno == ENOENT else { throw failure }
        if let moved = try locate(base: entry.fileName.base) { try POSIX.unlinkIfPresent(moved.path) }
    }

    /// Removes files in `tmp/` not modified for `age` seconds (36 hours by default, the
    /// maildir spec's and Dovecot's limit): leftovers of deliveries that crashed.
    /// Returns how many were removed.
    ///
    /// Dovecot looks at the ctime; this uses the mtime, which a writer also keeps fresh and
    /// which tests can set.
    public func cleanTemporaryFiles(olderThan age: TimeInterval = 36 * 3600) throws -> Int {
        let limit = Date().addingTimeInterval(-age)
        var removed = 0
        for (name, isDirectory) in try POSIX.list(tmpPath) where isDirectory != true {
            let file = tmpPath.appendingPath(name)
            var st = stat()
            guard lstat(file, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            guard POSIX.modificationDate(st) < limit else { continue }
            try POSIX.unlinkIfPresent(file)
            removed += 1
        }
        return removed
    }
}
