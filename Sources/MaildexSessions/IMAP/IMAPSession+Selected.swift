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
    /// `[MODIFIED ...]`. Once CONDSTORE is on, every FETCH answer carries MODSEQ (``StoreAnswer``).
    ///
    /// From ``earlyAnswerMinimum`` messages on, the untagged answers are written as soon as the
    /// index has the new flags, while the files are still being renamed, and the tagged reply
    /// follows when they are: the client reads meanwhile.
    func storeFlags(_ set: NumberSet, _ action: StoreAction, uid: Bool, tag: String, store: UserStore, mailbox: SelectedMailbox) async throws -> [SessionAction] {
        if mailbox.readOnly { throw IMAPError.no("Mailbox is read-only.", code: "READ-ONLY") }
        if action.unchangedSince != nil { condStore = true }
        let targets = try messages(set, uid: uid, in: mailbox)
        let mode: FlagUpdate = switch action.mode { case .replace: .replace; case .add: .add; case .remove: .remove }
        let answer = StoreAnswer(targets: targets, uid: uid, silent: action.silent, condStore: condStore,
                                 recent: mailbox.recent, keywords: mailbox.keywords)
        let early = targets.count >= Self.earlyAnswerMinimum && (!action.silent || condStore) ? output?.writer() : nil
        var committed: (@Sendable (FlagStoreResult) -> Void)?
        if let early { committed = { result in early(answer.bytes(result)) } }
        let result = try await store.setFlags(Set(action.flags), mode, uids: targets.map(\.1), in: mailbox.name,
                                              unchangedSince: action.unchangedSince.map { ModSeq($0) }, committed: committed)
        updateMailbox { view in
            for change in result.changed { view.noteOwnChange(change) }
        }
        guard let view = currentMailbox else { return ok(tag, "Store completed.") }
        var text = "Store completed."
        if !result.failed.isEmpty {
            let failed = uid ? result.failed.map(\.rawValue) : result.failed.compactMap { view.sequenceNumber(of: $0).map(UInt32.init) }
            text = "[MODIFIED \(IMAPResponseText.set(failed))] Conditional store failed."
        }
        return send(early == nil ? answer.lines(result) : []) + (await updates(expunges: uid)) + ok(tag, text)
    }

    /// How many messages a STORE names before its FETCH answers are written early: below, the
    /// renames take less time than an extra write costs.
    static var earlyAnswerMinimum: Int { 1_000 }

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
