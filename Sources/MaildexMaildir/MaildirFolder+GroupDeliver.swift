import Glibc
public import MaildexCore
public import Foundation

/// A message written to `tmp/` and fsynced, waiting to be renamed into `new/` or `cur/` by
/// ``MaildirFolder/publish(_:)`` together with others (group commit: one directory fsync for
/// many messages).
public struct StagedMessage: Sendable {
    /// Where the message will be once published.
    public let entry: MaildirEntry
    let temporaryPath: String
}

extension MaildirFolder {
    /// The first half of a durable delivery: the file is written to `tmp/` and fsynced, under
    /// the name ``deliver(_:flags:internalDate:durability:)`` would give it. Until
    /// ``publish(_:)`` it is invisible to readers of `new/` and `cur/`; after a crash it is
    /// left in `tmp/`, never acknowledged.
    public func stage(_ message: [UInt8], flags: Set<Flag>, internalDate: Date?, virtualSize: Int? = nil) throws -> StagedMessage {
        let name = try fileName(MaildirFileName.unique(size: message.count, virtualSize: virtualSize ?? message.virtualSize),
                                flags: flags, durability: .immediate)
        let temporary = try writeTemporary(message, as: name, internalDate: internalDate, durability: .immediate)
        let inNew = flags.isEmpty
        let target = (inNew ? newPath : curPath).appendingPath(name.description)
        return StagedMessage(entry: MaildirEntry(fileName: name, isNew: inNew, path: target, modificationDate: internalDate ?? Date()),
                               temporaryPath: temporary)
    }

    /// The second half: renames the staged messages into place, then fsyncs `new/` and `cur/`
    /// once each (those that received a message), so that all the renames are durable when this
    /// returns. Returns, in order, nil for each message now in place, or the error that left it
    /// out (its file removed).
    public func publish(_ messages: [StagedMessage]) -> [MaildirError?] {
        var results: [MaildirError?] = messages.map { message in
            do throws(MaildirError) {
                try POSIX.rename(message.temporaryPath, message.entry.path)
                return nil
            } catch {
                _ = Glibc.unlink(message.temporaryPath)
                return error
            }
        }
        for isNew in [true, false] where messages.indices.contains(where: { results[$0] == nil && messages[$0].entry.isNew == isNew }) {
            do throws(MaildirError) {
                try POSIX.fsyncDirectory(isNew ? newPath : curPath)
            } catch {
                for i in messages.indices where results[i] == nil && messages[i].entry.isNew == isNew {
                    _ = Glibc.unlink(messages[i].entry.path)
                    results[i] = error
                }
            }
        }
        return results
    }

    /// Creates `tmp/<base>` (mode 0600) with the message, its mtime set to `internalDate`, and
    /// fsynced with ``Durability/immediate``. Returns its path; on failure nothing is left.
    func writeTemporary(_ message: [UInt8], as name: MaildirFileName, internalDate: Date?, durability: Durability) throws(MaildirError) -> String {
        let temporary = tmpPath.appendingPath(name.base)
        let fd = try POSIX.open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
        var open = true
        do throws(MaildirError) {
            try POSIX.writeAll(fd, message, path: temporary)
            if let internalDate { try POSIX.setModificationDate(fd, internalDate, path: temporary) }
            if durability == .immediate { try POSIX.fsync(fd, path: temporary) }
            open = false
            guard Glibc.close(fd) == 0 else { throw POSIX.fail("close", temporary) }
        } catch {
            if open { _ = Glibc.close(fd) }
            _ = Glibc.unlink(temporary)
            throw error
        }
        return temporary
    }
}
