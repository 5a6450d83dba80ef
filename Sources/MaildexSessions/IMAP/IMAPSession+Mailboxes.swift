import Foundation
import MaildexCore
import MaildexIMAPCodec
import MaildexIndex
import MaildexStore

extension IMAPSession {
    var userStore: UserStore? {
        switch state {
        case .authenticated(let store), .selected(let store, _): store
        default: nil
        }
    }

    /// A mailbox name as the client sent it (modified UTF-7, or UTF-8 once enabled), validated:
    /// NO naming the problem.
    func mailboxName(_ wire: String) throws(IMAPError) -> MailboxName {
        try decodeMailboxName(wire)
    }

    func requireStore() throws(IMAPError) -> UserStore {
        guard let store = userStore else { throw .bad("Log in first.") }
        return store
    }

    /// SELECT / EXAMINE (RFC 3501 §6.3.1, §6.3.2). Reads only the index.
    func select(_ wire: String, readOnly: Bool, parameters: SelectParameters, tag: String) async throws -> [SessionAction] {
        let store = try requireStore()
        if parameters.qresync != nil, !qresync {
            throw IMAPError.bad("QRESYNC parameter without ENABLE QRESYNC (RFC 7162 §3.2.5).")
        }
        if parameters.condStore { condStore = true }
        // RFC 7162 §3.2.11: with QRESYNC, the end of the previous selection is announced.
        var closed: [String] = []
        if case .selected = state, qresync || imap4rev2 { closed.append("* OK [CLOSED] Previous mailbox closed.") }
        state = .authenticated(store)   // a failed SELECT leaves no mailbox selected
        let name = try mailboxName(wire)
        let (record, snapshot) = try await store.snapshot(of: name)
        var recent = Set<UID>()
        var recentCount = 0
        if imap4rev2 {
            // IMAP4rev2 has no \Recent: nothing claimed, nothing counted (RFC 9051 Appendix E).
        } else if readOnly {
            recentCount = try await store.recentCount(in: name)
        } else if let last = snapshot.uids.last, let claimed = try await store.claimRecent(in: name, from: .min, through: last) {
            for (_, uid) in snapshot.uids.members(in: claimed) { recent.insert(uid) }
            recentCount = recent.count
        }
        let mailbox = SelectedMailbox(name: name, readOnly: readOnly, record: record, snapshot: snapshot, recent: recent)
        state = .selected(store, mailbox)
        var lines = closed + [
            mailbox.flagsLine,
            readOnly ? "* OK [PERMANENTFLAGS ()] Read-only mailbox."
                     : "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.",
            "* \(snapshot.uids.count) EXISTS",
        ]
        // IMAP4rev2: the mailbox's LIST instead of RECENT, and no UNSEEN (RFC 9051 §6.3.2).
        lines.append(imap4rev2 ? try await selectListLine(name, store: store) : "* \(recentCount) RECENT")
        if !imap4rev2, let firstUnseen = snapshot.firstUnseen {
            lines.append("* OK [UNSEEN \(firstUnseen + 1)] First unseen.")
        }
        lines += [
            "* OK [UIDVALIDITY \(record.uidValidity)] UIDs valid",
            "* OK [UIDNEXT \(record.uidNext)] Predicted next UID",
            "* OK [HIGHESTMODSEQ \(record.highestModSeq)] Highest",
        ]
        if let resync = parameters.qresync, resync.uidValidity == record.uidValidity.rawValue {
            lines += try await quickResync(resync, store: store, mailbox: mailbox)
        }
        lines.append("\(tag) OK [\(readOnly ? "READ-ONLY" : "READ-WRITE")] \(readOnly ? "Examine" : "Select") completed.")
        return send(lines)
    }

    /// QRESYNC's answer to a client that knows the mailbox up to a MODSEQ (RFC 7162 §3.2.5.1):
    /// the UIDs expunged since (among those it knows), then the messages changed since, with
    /// their flags and MODSEQ. Nothing else: a resync of a large mailbox costs what changed.
    func quickResync(_ resync: QResyncParameters, store: UserStore, mailbox: SelectedMailbox) async throws -> [String] {
        let since = ModSeq(resync.modSeq)
        var vanished = try await store.expunged(in: mailbox.name, since: since)
        if let known = resync.knownUIDs {
            let largest = max(mailbox.uids.last?.rawValue ?? 0, vanished.last?.rawValue ?? 0)
            vanished = vanished.filter { known.contains($0.rawValue, largest: largest) }
        }
        var lines: [String] = []
        if !vanished.isEmpty { lines.append("* VANISHED (EARLIER) \(IMAPResponseText.set(vanished.map(\.rawValue)))") }
        for row in try await store.changes(in: mailbox.name, since: since).changed {
            guard let seq = mailbox.sequenceNumber(of: row.uid) else { continue }
            let flags = IMAPResponseText.flagList(row.flags, recent: mailbox.recent.contains(row.uid))
            lines.append("* \(seq) FETCH (UID \(row.uid) FLAGS \(flags) MODSEQ (\(row.modSeq)))")
        }
        return lines
    }

    /// CREATE (RFC 3501 §6.3.3); a trailing `/` only announces children. With `(USE (...))`,
    /// the new mailbox gets those special uses (RFC 6154 §3).
    func create(_ wire: String, specialUse: [String] = [], tag: String) async throws -> [SessionAction] {
        let store = try requireStore()
        let name = try mailboxName(wire)
        let use = try Self.specialUse(specialUse)
        if name.isInbox { throw IMAPError.no("INBOX already exists.", code: "ALREADYEXISTS") }
        // Superiors are created too (RFC 3501 §6.3.3), so that they are selectable.
        var ancestors: [MailboxName] = []
        var parent = name.parent
        while let p = parent { ancestors.insert(p, at: 0); parent = p.parent }
        for ancestor in ancestors where !ancestor.isInbox {
            do { try await store.createMailbox(ancestor) } catch is MailboxAlreadyExists {}
        }
        try await store.createMailbox(name, specialUse: use)
        return ok(tag, "Create completed.")
    }

    /// DELETE (RFC 3501 §6.3.4).
    func delete(_ wire: String, tag: String) async throws -> [SessionAction] {
        let store = try requireStore()
        let name = try mailboxName(wire)
        if case .selected(_, let mailbox) = state, mailbox.name == name {
            throw IMAPError.no("Can't delete the selected mailbox; CLOSE or UNSELECT it first.", code: "INUSE")
        }
        try await store.deleteMailbox(name)
        return ok(tag, "Delete completed.")
    }

    /// RENAME (RFC 3501 §6.3.5), with the INBOX rule: its messages move, INBOX stays.
    func rename(_ from: String, _ to: String, tag: String) async throws -> [SessionAction] {
        let store = try requireStore()
        try await store.renameMailbox(mailboxName(from), to: mailboxName(to))
        return await updates(expunges: true) + ok(tag, "Rename completed.")
    }

    /// SUBSCRIBE / UNSUBSCRIBE (RFC 3501 §6.3.6, §6.3.7).
    func subscribe(_ wire: String, _ on: Bool, tag: String) async throws -> [SessionAction] {
        let store = try requireStore()
        try await store.setSubscribed(mailboxName(wire), on)
        return ok(tag, on ? "Subscribe completed." : "Unsubscribe completed.")
    }

    /// LIST (RFC 3501 §6.3.8, RFC 5258 LIST-EXTENDED, RFC 6154 SPECIAL-USE, RFC 3348 CHILDREN).
    func list(_ command: ListCommand, tag: String) async throws -> [SessionAction] {
        let store = try requireStore()
        if command.patterns == [""] {
            return send("* LIST (\\Noselect) \"/\" \"\"") + ok(tag, "List completed.")
        }
        let subscribedOnly = command.selectionOptions.contains("SUBSCRIBED")
        let specialUseOnly = command.selectionOptions.contains("SPECIAL-USE")
        let returnSubscribed = subscribedOnly || command.returnOptions.contains("SUBSCRIBED")
        let patterns = command.patterns.map { MailboxPattern(reference: command.reference, pattern: $0, utf8: utf8MailboxNames) }
        let mailboxes = try await store.mailboxes()
        var lines: [String] = []
        var listed = Set<MailboxName>()
        for box in mailboxes where patterns.contains(where: { $0.matches(box.name) }) {
            if subscribedOnly, !box.subscribed { continue }
            if specialUseOnly, box.specialUse == nil { continue }
            var attributes: [String] = []
            if !box.selectable { attributes.append("\\Noselect") }
            attributes.append(box.hasChildren ? "\\HasChildren" : "\\HasNoChildren")
            if let use = box.specialUse { attributes.append(use) }
            if returnSubscribed, box.subscribed { attributes.append("\\Subscribed") }
            lines.append("* LIST (\(attributes.joined(separator: " "))) \"/\" \(wire(box.name))")
            listed.insert(box.name)
            // LIST-STATUS (RFC 5819): the STATUS of each selectable mailbox listed, after its LIST.
            if let items = command.statusItems, box.selectable {
                lines.append(try await statusLine(box.name, items, store: store))
            }
        }
        if subscribedOnly {
            // Subscribed names whose mailbox is gone are listed too (RFC 5258 §3.1).
            for name in try await store.subscriptions() where !listed.contains(name) && patterns.contains(where: { $0.matches(name) }) {
                lines.append("* LIST (\\Subscribed \\NonExistent) \"/\" \(wire(name))")
            }
        }
        return send(lines) + ok(tag, "List completed.")
    }

    /// LSUB (RFC 3501 §6.3.9).
    func lsub(reference: String, pattern: String, tag: String) async throws -> [SessionAction] {
        let store = try requireStore()
        let matcher = MailboxPattern(reference: reference, pattern: pattern, utf8: utf8MailboxNames)
        let existing = Dictionary(try await store.mailboxes().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var lines: [String] = []
        for name in try await store.subscriptions().sorted() where matcher.matches(name) {
            let noselect = existing[name]?.selectable != true
            lines.append("* LSUB (\(noselect ? "\\Noselect" : "")) \"/\" \(wire(name))")
        }
        return send(lines) + ok(tag, "Lsub completed.")
    }

    /// STATUS (RFC 3501 §6.3.10), from the index.
    func status(_ wire: String, _ items: [StatusItem], tag: String) async throws -> [SessionAction] {
        let store = try requireStore()
        let name = try mailboxName(wire)
        return send(try await statusLine(name, items, store: store)) + ok(tag, "Status completed.")
    }

    /// `* STATUS "box" (MESSAGES 3 ...)` (RFC 3501 §7.2.4; SIZE is RFC 8438, the sum of RFC822.SIZE).
    func statusLine(_ name: MailboxName, _ items: [StatusItem], store: UserStore) async throws -> String {
        let status = try await store.status(name)
        var values: [String] = []
        for item in items {
            let value: String
            switch item {
            case .messages: value = "\(status.messages)"
            case .recent: value = "\(try await store.recentCount(in: name))"
            case .uidNext: value = "\(status.uidNext)"
            case .uidValidity: value = "\(status.uidValidity)"
            case .unseen: value = "\(status.unseen)"
            case .highestModSeq: value = "\(status.highestModSeq)"
            case .size: value = "\(status.size)"
            case .deleted: value = "\(status.deleted)"
            }
            values.append("\(item.rawValue) \(value)")
        }
        return "* STATUS \(wire(name)) (\(values.joined(separator: " ")))"
    }

    /// APPEND and MULTIAPPEND (RFC 3501 §6.3.11, RFC 3502): all messages or none, each stored
    /// durably before the OK; APPENDUID (RFC 4315) in the answer.
    func append(_ messages: [AppendMessage], to wire: String, tag: String) async throws -> [SessionAction] {
        let store = try requireStore()
        try checkUTF8Append(messages)
        let name = try mailboxName(wire)
        let record: MailboxRecord
        do { record = try await store.open(name) } catch is MailboxNotFound {
            throw IMAPError.no("Mailbox doesn't exist: \(wire)", code: "TRYCREATE")
        }
        for message in messages where message.data.count > limits.appendLimit {
            throw IMAPError.no("Message larger than APPENDLIMIT \(limits.appendLimit).", code: "TOOBIG")
        }
        let appended: [UID]
        if messages.count == 1, let message = messages.first {
            appended = [try await store.deliver(message.data, to: name, flags: Set(message.flags), internalDate: message.internalDate ?? Date())]
        } else {
            // MULTIAPPEND: one batch, one fsync pass, one transaction; all or nothing (RFC 3502).
            appended = try await store.append(messages.map {
                ImportMessage(bytes: $0.data, flags: Set($0.flags), internalDate: $0.internalDate ?? Date())
            }, to: name)
        }
        let uidSet = IMAPResponseText.set(appended.map(\.rawValue))
        return await updates(expunges: true) + ok(tag, "[APPENDUID \(record.uidValidity) \(uidSet)] Append completed.")
    }
}

/// A LIST pattern (RFC 3501 §6.3.8): `*` matches anything, `%` anything but the separator; the
/// reference is prefixed. Matching is on the form the client sees (modified UTF-7, or UTF-8 with
/// `utf8`), with INBOX case-insensitive.
struct MailboxPattern {
    private let pattern: [UInt8]
    private let utf8: Bool

    init(reference: String, pattern: String, utf8: Bool = false) {
        self.utf8 = utf8
        var full = pattern
        if !reference.isEmpty, !pattern.hasPrefix("/") { full = reference + pattern }
        if full.uppercased().hasPrefix("INBOX") && (full.count == 5 || full.dropFirst(5).hasPrefix("/")) {
            full = "INBOX" + full.dropFirst(5)
        }
        self.pattern = Array(full.utf8)
    }

    func matches(_ name: MailboxName) -> Bool {
        // Patterns longer than any mailbox name can match nothing useful; bounding them bounds the table.
        guard pattern.count <= 2 * MailboxName.maximumLength else { return false }
        return Self.match(pattern, Array((utf8 ? name.rawValue : name.modifiedUTF7).utf8))
    }

    /// Dynamic programming over (pattern position, name position): linear in their product,
    /// whatever the number of wildcards.
    private static func match(_ p: [UInt8], _ s: [UInt8]) -> Bool {
        // row[j]: p[i...] matches s[j...], computed from the last pattern byte backwards.
        var row = [Bool](repeating: false, count: s.count + 1)
        row[s.count] = true
        for i in stride(from: p.count - 1, through: 0, by: -1) {
            var next = [Bool](repeating: false, count: s.count + 1)
            let c = p[i]
            for j in stride(from: s.count, through: 0, by: -1) {
                switch c {
                case UInt8(ascii: "*"):
                    next[j] = row[j] || (j < s.count && next[j + 1])
                case UInt8(ascii: "%"):
                    next[j] = row[j] || (j < s.count && s[j] != UInt8(ascii: "/") && next[j + 1])
                default:
                    next[j] = j < s.count && s[j] == c && row[j + 1]
                }
            }
            row = next
        }
        return row[0]
    }
}
