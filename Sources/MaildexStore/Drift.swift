public import MaildexCore

/// A difference between a mailbox's folder and its index rows, as `mailadm index verify` reports
/// it and `synchronize` repairs it.
public struct Drift: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A message file no index row knows (delivered by another program): it gets a new UID.
        case unindexedFile(String)
        /// An index row whose file is gone (deleted by another program): it is expunged.
        case missingFile(UID)
        /// A file renamed by another program; its flags are taken from the new name.
        case renamedFile(UID, String)
        /// A folder on disk without an index row: it is adopted.
        case folderNotIndexed
        /// An index row without a folder: it is dropped.
        case folderMissing
        /// A file that could not be read; it is left alone.
        case unreadableFile(String, String)
    }

    public var mailbox: MailboxName
    public var kind: Kind

    public var description: String {
        switch kind {
        case .unindexedFile(let name): "\(mailbox): file \(name) is not in the index"
        case .missingFile(let uid): "\(mailbox): UID \(uid) has no file"
        case .renamedFile(let uid, let name): "\(mailbox): UID \(uid) was renamed to \(name)"
        case .folderNotIndexed: "\(mailbox): folder is not in the index"
        case .folderMissing: "\(mailbox): indexed mailbox has no folder"
        case .unreadableFile(let name, let reason): "\(mailbox): file \(name) cannot be read: \(reason)"
        }
    }
}
