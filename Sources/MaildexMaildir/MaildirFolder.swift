import MaildexCore
import Glibc
public import Foundation

/// One Maildir++ folder: a directory with `cur/`, `new/` and `tmp/` (DESIGN.md §Storage).
///
/// INBOX is the Maildir root itself; other folders are `.Name` directories under it and hold
/// an empty `maildirfolder` file, as Courier and Dovecot expect. All methods are synchronous
/// file-system calls; run them off the event loops. Methods that find a message by an entry
/// tolerate another program having renamed the file meanwhile (a flag change by another
/// MUA): they look it up again by the name's base.
public struct MaildirFolder: Sendable {
    /// The folder's directory.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    static let keywordsFileName = "dovecot-keywords"

    var newPath: String { path.appendingPath("new") }
    var curPath: String { path.appendingPath("cur") }
    var tmpPath: String { path.appendingPath("tmp") }

    /// Whether `cur/`, `new/` and `tmp/` all exist, as directories rather than symlinks (and, for a
    /// subfolder, the folder itself: only the Maildir root may be a link).
    public var exists: Bool {
        if (path as NSString).lastPathComponent.hasPrefix("."), !POSIX.isDirectory(path, followingSymlinks: false) { return false }
        return [curPath, newPath, tmpPath].allSatisfy { POSIX.isDirectory($0, followingSymlinks: false) }
    }

    /// Creates the folder's directory, `cur/`, `new/` and `tmp/` (mode 0700), and for a
    /// Maildir++ subfolder (a name starting with `.`) the empty `maildirfolder` file.
    /// Does nothing for what already exists. Throws ``MaildirError``.
    public func create() throws {
        // The Maildir root may be a symlink (~/Maildir -> /srv/mail/alice); a folder or its
        // cur/new/tmp may not: a planted link would lead outside the user's mail.
        let isSubfolder = (path as NSString).lastPathComponent.hasPrefix(".")
        try POSIX.makeDirectory(path, followingSymlinks: !isSubfolder)
        for sub in [curPath, newPath, tmpPath] { try POSIX.makeDirectory(sub, followingSymlinks: false) }
        if isSubfolder {
            let marker = path.appendingPath("maildirfolder")
            if POSIX.status(marker) == nil {
                let fd = try POSIX.open(marker, O_WRONLY | O_CREAT, mode: 0o600)
                POSIX.close(fd)
            }
        }
    }

    /// Every message file in `new/` and `cur/`. Dot files and non-regular files are skipped;
    /// a name that does not parse is still returned, with the whole name as its base.
    public func scan() throws -> [MaildirEntry] {
        try entries(isNew: true) + entries(isNew: false)
    }

    /// Finds the message whose file name has this base, wherever its flags have moved it.
    public func locate(base: String) throws -> MaildirEntry? {
        if let found = try entries(isNew: false, base: base).first { return found }
        return try entries(isNew: true, base: base).first
    }

    /// The message's bytes. If the file was renamed meanwhile it is found by its base;
    /// throws ``MaildirError`` (`ENOENT`) if it is gone.
    public func read(_ entry: MaildirEntry) throws -> [UInt8] {
        do {
            return try POSIX.readAll(entry.path)
        } catch let error where error.errno == ENOENT {
            guard let moved = try locate(base: entry.fileName.base) else { throw error }
            return try POSIX.readAll(moved.path)
        }
    }

    /// The folder's keyword letters; empty when there is no `dovecot-keywords` file.
    public func keywords() throws -> DovecotKeywords {
        let file = path.appendingPath(Self.keywordsFileName)
        do {
            return DovecotKeywords(parsing: String(decoding: try POSIX.readAll(file), as: UTF8.self))
        } catch let error where error.errno == ENOENT {
            return DovecotKeywords()
        }
    }

    /// The mtimes of `new/` and `cur/`: if both are unchanged since the last sync, no file was
    /// added, removed or renamed there (each of those changes its directory's mtime).
    public func directoryModificationDates() throws -> (new: Date, cur: Date) {
        guard let new = POSIX.status(newPath) else { throw POSIX.fail("stat", newPath) }
        guard let cur = POSIX.status(curPath) else { throw POSIX.fail("stat", curPath) }
        return (POSIX.modificationDate(new), POSIX.modificationDate(cur))
    }

    // MARK: - Listing

    /// The entries of `new/` or `cur/`, optionally only those with the given base.
    func entries(isNew: Bool, base: String? = nil) throws(MaildirError) -> [MaildirEntry] {
        let directory = isNew ? newPath : curPath
        var out: [MaildirEntry] = []
        for (name, isDirectory) in try POSIX.list(directory, followingSymlinks: false) where !name.hasPrefix(".") && isDirectory != true {
            let fileName = MaildirFileName(parsing: name) ?? MaildirFileName(base: name)
            if let base, fileName.base != base { continue }
            let filePath = directory.appendingPath(name)
            var st = stat()
            guard lstat(filePath, &st) == 0 else {
                if errno == ENOENT { continue }  // renamed or expunged while we listed
                throw POSIX.fail("stat", filePath)
            }
            guard st.st_mode & S_IFMT == S_IFREG else { continue }
            out.append(MaildirEntry(fileName: fileName, isNew: isNew, path: filePath, modificationDate: POSIX.modificationDate(st)))
        }
        return out
    }
}
