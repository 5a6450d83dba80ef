import Glibc
public import MaildexCore

extension MaildirFolder {
    /// Moves a message file into `destination`'s `cur/` with one rename(2) (IMAP MOVE,
    /// RFC 6851): the file is in exactly one of the two folders at every instant, so a crash
    /// can neither lose nor duplicate it. The file gets a new unique base, as a delivery does, so
    /// the rename never replaces a file of the destination; its name carries `flags` (keyword
    /// letters of the destination's `dovecot-keywords`) and it keeps its mtime (INTERNALDATE).
    ///
    /// Not fsynced: call ``syncDirectories()`` on both folders once after a batch of moves.
    /// If another program renamed the file meanwhile, it is found by its base. Returns nil if
    /// the message is gone; throws ``MaildirError`` for any other failure.
    public func move(_ entry: MaildirEntry, to destination: MaildirFolder, flags: Set<Flag>,
                     size: Int, virtualSize: Int) throws -> MaildirEntry? {
        let indexes = try destination.keywordIndexes(for: flags, durability: .immediate)
        let name = MaildirFileName.unique(size: entry.fileName.size ?? size, virtualSize: entry.fileName.virtualSize ?? virtualSize)
            .withFlags(flags, keywordIndexes: indexes)
        let target = destination.curPath.appendingPath(name.description)
        var current = entry
        for attempt in 0..<2 {
            if Glibc.rename(current.path, target) == 0 {
                return MaildirEntry(fileName: name, isNew: false, path: target, modificationDate: current.modificationDate)
            }
            let failure = POSIX.fail("rename", "\(current.path) -> \(target)")
            guard failure.errno == ENOENT else { throw failure }
            guard let moved = try locate(base: entry.fileName.base) else { return nil }
            // Still there after a second try: the destination is what is missing.
            guard attempt == 0 else { throw failure }
            current = moved
        }
        return nil
    }

    /// fsyncs `new/` and `cur/`, making renames into and out of them durable.
    public func syncDirectories() throws {
        try POSIX.fsyncDirectory(newPath)
        try POSIX.fsyncDirectory(curPath)
    }
}
