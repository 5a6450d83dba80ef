import Foundation
import MaildexCore
import MaildexIMAPCodec
import MaildexIndex
import MaildexStore

extension IMAPSession {
    /// Commands of the Selected state (RFC 3501 §6.4).
    func executeSelected(_ kind: IMAPCommandKind, tag: String, store: UserStore, mailbox: SelectedMailbox) async throws -> [SessionAction] {
        switch kind {
        case .check:
            return await updates(expunges: true) + ok(tag, "Check completed.")
        case .close:
            if !mailbox.readOnly {
                let deleted = try await store.search(.flag(.deleted, true), in: mailbox.name).filter(mailbox.contains)
                try await store.expunge(deleted, in: mailbox.name)
            }
            state = .authenticated(store)
            return ok(tag, "Close completed.")
        case .unselect:
            state = .authenticated(store)
            return ok(tag, "Unselect completed.")
        case .expunge:
            return try await expunge(nil, tag: tag, store: store, mailbox: mailbox)
        case .uidExpunge(let set):
            return try await expunge(numbers(set, uid: true, in: mailbox), tag: tag, store: store, mailbox: mailbox)
        case .fetch(let set, let items, let uid, let modifiers):
            return try await fetch(numbers(set, uid: uid, in: mailbox), items, uid: uid, modifiers: modifiers, tag: tag, store: store, mailbox: mailbox)
        case .store(let set, let action, let uid):
            return try await storeFlags(numbers(set, uid: uid, in: mailbox), action, uid: uid, tag: tag, store: store, mailbox: mailbox)
        case .search(let program, let uid):
            return try await search(program, uid: uid, tag: tag, store: store, mailbox: mailbox)
        case .sort(let criteria, let program, let uid):
            return try await sort(criteria, program, uid: uid, tag: tag, store: store, mailbox: mailbox)
        case .thread(let algorithm, let program, let uid):
            return try await thread(algorithm, program, uid: uid, tag: tag, store: store, mailbox: mailbox)
        case .copy(let set, let target, let uid):
            return try await copy(numbers(set, uid: uid, in: mailbox), to: target, uid: uid, move: false, tag: tag, store: store, mailbox: mailbox)
        case .move(let set, let target, let uid):
            return try await copy(numbers(set, uid: uid, in: mailbox), to: target, uid: uid, move: true, tag: tag, store: store, mailbox: mailbox)
        default:
            throw IMAPError.bad("Command not valid in this state.")
        }
    }

    /// The messages a set names, or BAD for sequence numbers past the end (RFC 3501 §9).
    func messages(_ set: NumberSet, uid: Bool, in mailbox: SelectedMailbox) throws(IMAPError) -> [(Int, UID)] {
        let resolved = mailbox.resolve(set, uid: uid)
        if resolved.outOfRange { throw .bad("Invalid messageset: \(set) (there are \(mailbox.count) messages)") }
        return resolved.messages
    }

    /// The selected mailbox as the session holds it now (after a command changed the state).
    var currentMailbox: SelectedMailbox? {
        if case .selected(_, let mailbox) = state { return mailbox }
        return nil
    }

    func updateMailbox(_ change: (inout SelectedMailbox) -> Void) {
        guard case .selected(let store, var mailbox) = state else { return }
        change(&mailbox)
        state = .selected(store, mailbox)
    }

    /// EXPUNGE (RFC 3501 §6.4.3) and UID EXPUNGE (RFC 4315 §2.1): only messages this session
    /// knows and has seen flagged \Deleted.
    func expunge(_ set: NumberSet?, tag: String, store: UserStore, mailbox: SelectedMailbox) async throws -> [SessionAction] {
        if mailbox.readOnly { throw IMAPError.no("Mailbox is read-only.", code: "READ-ONLY") }
        var deleted = try await store.search(.flag(.deleted, true), in: mailbox.name).filter(mailbox.contains)
        if let set {
            let named = Set(try messages(set, uid: true, in: mailbox).map(\.1))
            deleted = deleted.filter(named.contains)
        }
        try await store.expunge(deleted, in: mailbox.name)
        return await updates(expunges: true) + ok(tag, "Expunge completed.")
    }

    /// STORE (RFC 3501 §6.4.6): the new flags of every message named, unless .SILENT; with
    /// UNCHANGEDSINCE (RFC 7162 §3.1.3) messages changed since are left alone and named in
    /// `[MODIFIED ...]`. Once CONDSTORE is on, every FETCH answer carries MODSEQ.
    func storeFlags(_ set: NumberSet, _ action: StoreAction, uid: Bool, tag: String, store: UserStore, mailbox: SelectedMailbox) async throws -> [SessionAction] {
        if mailbox.readOnly { throw IMAPError.no("Mailbox is read-only.", code: "READ-ONLY") }
        if action.unchangedSince != nil { condStore = true }
        let targets = try messages(set, uid: uid, in: mailbox)
        let mode: FlagUpdate = switch action.mode { case .replace: .replace; case .add: .add; case .remove: .remove }
        let result = try await store.setFlags(Set(action.flags), mode, uids: targets.map(\.1), in: mailbox.name,
                                              unchangedSince: action.unchangedSince.map { ModSeq($0) })
        var newKeywords = false
        updateMailbox { view in
            for change in result.changed where view.noteOwnChange(change) { newKeywords = true }
        }
        var lines: [String] = []
        guard let view = currentMailbox else { return ok(tag, "Store completed.") }
        if newKeywords { lines.append(view.flagsLine) }
        let changed = Set(result.changed.map(\.uid))
        if !action.silent || condStore {
            // The store answered with every named message's flags: no rows are read again.
            var current: [UID: FlagChange] = [:]
            current.reserveCapacity(result.changed.count + result.unchanged.count)
            for change in result.unchanged { current[change.uid] = change }
            for change in result.changed { current[change.uid] = change }
            // Most messages share their flags after a STORE: each list is spelled once. Not
            // lists with keywords, whose sets are equal whatever the keywords' case.
            var flagLists: [Set<Flag>: String] = [:]
            for (seq, id) in targets {
                guard let record = current[id] else { continue }
                var items: [String] = uid ? ["UID \(id)"] : []
                if !action.silent {
                    let list: String, recent = view.recent.contains(id)
                    if recent || record.flags.contains(where: \.isKeyword) {
                        list = IMAPResponseText.flagList(record.flags, recent: recent)
                    } else if let known = flagLists[record.flags] {
                        list = known
                    } else {
                        list = IMAPResponseText.flagList(record.flags)
                        flagLists[record.flags] = list
                    }
                    items.append("FLAGS \(list)")
                }
                if condStore { items.append("MODSEQ (\(record.modSeq))") }
                // .SILENT with CONDSTORE: only the messages changed, for their new MODSEQ.
                if action.silent, !changed.contains(id) { continue }
                lines.append("* \(seq) FETCH (\(items.joined(separator: " ")))")
            }
        }
        var text = "Store completed."
        if !result.failed.isEmpty {
            let failed = uid ? result.failed.map(\.rawValue) : result.failed.compactMap { view.sequenceNumber(of: $0).map(UInt32.init) }
            text = "[MODIFIED \(IMAPResponseText.set(failed))] Conditional store failed."
        }
        return send(lines) + (await updates(expunges: uid)) + ok(tag, text)
    }

    /// COPY (RFC 3501 §6.4.7) and MOVE (RFC 6851), with COPYUID (RFC 4315).
    func copy(_ set: NumberSet, to wire: String, uid: Bool, move: Bool, tag: String, store: UserStore, mailbox: SelectedMailbox) async throws -> [SessionAction] {
        if move, mailbox.readOnly { throw IMAPError.no("Mailbox is read-only.", code: "READ-ONLY") }
        let targets = try messages(set, uid: uid, in: mailbox)
        let destination = try mailboxName(wire)
        let record: MailboxRecord
        do { record = try await store.open(destination) } catch is MailboxNotFound {
            throw IMAPError.no("Mailbox doesn't exist: \(wire)", code: "TRYCREATE")
        }
        let uids = targets.map(\.1)
        let pairs = move ? try await store.move(uids: uids, from: mailbox.name, to: destination)
                         : try await store.copy(uids: uids, from: mailbox.name, to: destination)
        let verb = move ? "Move" : "Copy"
        guard !pairs.isEmpty else {
            return await updates(expunges: true) + ok(tag, "\(verb) completed (no messages).")
        }
        let code = "COPYUID \(record.uidValidity) \(IMAPResponseText.set(pairs.map(\.0.rawValue))) \(IMAPResponseText.set(pairs.map(\.1.rawValue)))"
        if move {
            // RFC 6851 §4.3: COPYUID in an untagged OK before the EXPUNGEs.
            return send("* OK [\(code)] Moved") + (await updates(expunges: true)) + ok(tag, "Move completed.")
        }
        return await updates(expunges: true) + ok(tag, "[\(code)] Copy completed.")
    }
}
