import Glibc
public import MaildexCore
public import Foundation

extension MaildirFolder {
    /// Writes a new message: to `tmp/`, then renamed into `new/`, or into `cur/` with
    /// `:2,<letters>` when `flags` is not empty. Keywords get letters from the folder's
    /// `dovecot-keywords`, which is extended for new keywords (at most 26; further keywords are
    /// left out of the name). The file is created 0600 and its mtime set to `internalDate`.
    ///
    /// With ``Durability/immediate`` the file and its directory are fsynced before this
    /// returns. On any failure no file is left in `new/`, `cur/` or `tmp/`, and
    /// ``MaildirError`` names the call, the path and the system error.
    public func deliver(_ message: [UInt8], flags: Set<Flag>, internalDate: Date?, durability: Durability) throws -> MaildirEntry {
        let name = try fileName(MaildirFileName.unique(size: message.count, virtualSize: message.virtualSize), flags: flags, durability: durability)
        return try write(message, as: name, inNew: flags.isEmpty, internalDate: internalDate, durability: durability)
    }

    /// Copies a message into `destination` under a new unique name with `flags`: a hard link
    /// when both are on one file system, else a byte copy keeping the received date.
    /// The source is found by its base if it was renamed meanwhile.
    public func copy(_ entry: MaildirEntry, to destination: MaildirFolder, flags: Set<Flag>, durability: Durability) throws -> MaildirEntry {
        var source = entry
        var size = entry.fileName.size, virtualSize = entry.fileName.virtualSize
        var bytes: [UInt8]?
        if size == nil || virtualSize == nil {
            let read = try self.read(entry)
            (size, virtualSize, bytes) = (read.count, read.virtualSize, read)
        }
        let name = try destination.fileName(.unique(size: size ?? 0, virtualSize: virtualSize ?? 0), flags: flags, durability: durability)
        let inNew = flags.isEmpty
        let target = (inNew ? destination.newPath : destination.curPath).appendingPath(name.description)
        for attempt in 0..<2 {
            if Glibc.link(source.path, target) == 0 {
                do {
                    if durability == .immediate { try POSIX.fsyncDirectory(inNew ? destination.newPath : destination.curPath) }
                } catch {
                    _ = Glibc.unlink(target)
                    throw error
                }
                let date = POSIX.status(target).map(POSIX.modificationDate) ?? source.modificationDate
                return MaildirEntry(fileName: name, isNew: inNew, path: target, modificationDate: date)
            }
            let failure = POSIX.fail("link", "\(source.path) -> \(target)")
            if failure.errno == ENOENT, attempt == 0, let moved = try locate(base: entry.fileName.base) {
                source = moved
                continue
            }
            guard [EXDEV, EPERM, EMLINK, ENOTSUP, EOPNOTSUPP].contains(failure.errno) else { throw failure }
            break
        }
        let message = try bytes ?? read(source)
        return try destination.write(message, as: name, inNew: inNew, internalDate: source.modificationDate, durability: durability)
    }

    /// `name` with the letters for `flags`, or unchanged when `flags` is empty.
    func fileName(_ name: MaildirFileName, flags: Set<Flag>, durability: Durability) throws -> MaildirFileName {
        guard !flags.isEmpty else { return name }
        return name.withFlags(flags, keywordIndexes: try keywordIndexes(for: flags, durability: durability))
    }

    /// The letter indexes of the keywords among `flags`, adding new keywords to `dovecot-keywords`.
    func keywordIndexes(for flags: Set<Flag>, durability: Durability) throws -> [Int] {
        let names = flags.sorted.compactMap { flag -> String? in if case .keyword(let k) = flag { k } else { nil } }
        guard !names.isEmpty else { return [] }
        var keywords = try self.keywords()
        let before = keywords
        let indexes = names.compactMap { keywords.addLetter(for: $0).flatMap(DovecotKeywords.index(of:)) }
        if keywords != before { try writeKeywords(keywords, durability: durability) }
        return indexes
    }

    /// Replaces `dovecot-keywords` atomically (a temporary file renamed over it), as Dovecot does.
    func writeKeywords(_ keywords: DovecotKeywords, durability: Durability) throws {
        let file = path.appendingPath(Self.keywordsFileName)
        let temporary = file + ".tmp.\(getpid()).\(UniqueCounter.shared.next())"
        let fd = try POSIX.open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
        do {
            try POSIX.writeAll(fd, Array(keywords.serialized.utf8), path: temporary)
            if durability == .immediate { try POSIX.fsync(fd, path: temporary) }
            POSIX.close(fd)
            try POSIX.rename(temporary, file)
        } catch {
            POSIX.close(fd)
            _ = Glibc.unlink(temporary)
            throw error
        }
        if durability == .immediate { try POSIX.fsyncDirectory(path) }
    }

    /// tmp/ -> new/ or cur/, with the fsyncs that ``Durability/immediate`` asks for.
    func write(_ message: [UInt8], as name: MaildirFileName, inNew: Bool, internalDate: Date?, durability: Durability) throws(MaildirError) -> MaildirEntry {
        let directory = inNew ? newPath : curPath
        let target = directory.appendingPath(name.description)
        let temporary = try writeTemporary(message, as: name, internalDate: internalDate, durability: durability)
        var renamed = false
        do throws(MaildirError) {
            try POSIX.rename(temporary, target)
            renamed = true
            if durability == .immediate { try POSIX.fsyncDirectory(directory) }
        } catch {
            _ = Glibc.unlink(renamed ? target : temporary)
            throw error
        }
        let date = internalDate ?? POSIX.status(target).map(POSIX.modificationDate) ?? Date()
        return MaildirEntry(fileName: name, isNew: inNew, path: target, modificationDate: date)
    }
}
