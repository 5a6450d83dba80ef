import Foundation
import MaildexCore
import MaildexIMAPCodec
import MaildexIndex
import MaildexMIME
import MaildexMaildir
import MaildexStore

extension IMAPSession {
    /// How many messages FETCH asks the index about at a time; a hundred when it reads their
    /// files (body sections), so that a batch holds few open files. Once the answer so far
    /// reaches ``flushBytes`` it goes to the client (``SessionOutput/flush(_:)``), so a FETCH of
    /// a whole mailbox's bodies holds about a megabyte in memory, not the mailbox.
    static let fetchBatch = 1_000
    static let fileFetchBatch = 100

    /// FETCH (RFC 3501 §6.4.5). Flags, sizes, dates, ENVELOPE, BODYSTRUCTURE and header fields
    /// come from the index; only body sections read the message file.
    func fetch(_ set: NumberSet, _ requested: [FetchItem], uid: Bool, modifiers: FetchModifiers = FetchModifiers(),
               tag: String, store: UserStore, mailbox: SelectedMailbox) async throws -> [SessionAction] {
        var items = requested
        if uid, !items.contains(.uid) { items.insert(.uid, at: 0) }
        if modifiers.vanished, !qresync { throw IMAPError.bad("VANISHED needs ENABLE QRESYNC (RFC 7162 §3.2.6).") }
        if modifiers.changedSince != nil || items.contains(.modSeq) { condStore = true }
        var targets = try messages(set, uid: uid, in: mailbox)
        var actions: [SessionAction] = []
        if let changedSince = modifiers.changedSince.map { ModSeq($0) } {
            // CHANGEDSINCE (RFC 7162 §3.1.4.1): only messages whose MODSEQ is above it, with MODSEQ.
            if !items.contains(.modSeq) { items.append(.modSeq) }
            let changed = Set(try await store.messages(targets.map(\.1), in: mailbox.name).filter { $0.modSeq > changedSince }.map(\.uid))
            targets = targets.filter { changed.contains($0.1) }
            if modifiers.vanished {
                // RFC 7162 §3.2.6: the UIDs of the set expunged since, first.
                let largest = mailbox.uids.last?.rawValue ?? 0
                let gone = try await store.expunged(in: mailbox.name, since: changedSince)
                    .filter { set.contains($0.rawValue, largest: max(largest, $0.rawValue)) }
                if !gone.isEmpty { actions += send("* VANISHED (EARLIER) \(IMAPResponseText.set(gone.map(\.rawValue)))") }
            }
        }
        let plan = FetchPlan(items, readOnly: mailbox.readOnly)
        let batchSize = plan.needsFile ? Self.fileFetchBatch : Self.fetchBatch
        var index = 0
        var unflushed = 0
        while index < targets.count {
            let batch = Array(targets[index..<min(index + batchSize, targets.count)])
            index += batch.count
            // The connection is gone: nobody reads the rest, nor the commands pipelined after.
            guard try await fetchBatch(batch, items: items, plan: plan, store: store, mailboxName: mailbox.name,
                                       into: &actions, unflushed: &unflushed) else { return [.close] }
        }
        return actions + (await updates(expunges: uid)) + ok(tag, "Fetch completed.")
    }

    /// Messages at least this large whose file has CRLF line ends are streamed from the file
    /// for BODY[] and RFC822, not read into memory.
    static let streamingThreshold = 256 * 1024

    /// The answer so far is flushed, before the next message's, once it holds this many bytes
    /// (streamed literals counted).
    static let flushBytes = 1 << 20

    /// Appends the answers for `batch` to `actions`, flushing them through ``output`` whenever
    /// they reach ``flushBytes`` (`unflushed` carries the count from batch to batch); false
    /// once the connection is gone.
    private func fetchBatch(_ batch: [(Int, UID)], items: [FetchItem], plan: FetchPlan, store: UserStore, mailboxName: MailboxName,
                            into actions: inout [SessionAction], unflushed: inout Int) async throws -> Bool {
        let uids = batch.map(\.1)
        var rows: [FetchRow] = []
        if !plan.columns.isEmpty {
            rows = try await store.fetchRows(uids, in: mailboxName, columns: plan.columns)
        } else if plan.needsRecords {
            rows = try await store.messages(uids, in: mailboxName).map { FetchRow(record: $0) }
        }
        // \Seen goes on before the answer, so the FLAGS it carries are the new ones (§6.4.5).
        if plan.setsSeen {
            let unseen = rows.filter { !$0.record.flags.contains(.seen) }.map(\.record.uid)
            if !unseen.isEmpty {
                let result = try await store.setFlags([.seen], .add, uids: unseen, in: mailboxName)
                // A keyword another client set on these messages is new to this session: its
                // `* FLAGS` line goes before the FETCH answers that carry it (as STORE's do).
                var announcement: String?
                updateMailbox { view in
                    let known = view.keywords
                    for change in result.changed { view.noteOwnChange(change) }
                    if view.keywords.count > known.count { announcement = SelectedMailbox.flagsLine(keywords: view.keywords) }
                }
                if let announcement { actions += send(announcement) }
                for change in result.changed {
                    guard let i = rows.position(of: change.uid) else { continue }
                    rows[i].record.flags = change.flags
                    rows[i].record.modSeq = change.modSeq
                }
            }
        }
        guard let view = currentMailbox else { return true }
        var out: [UInt8] = []
        for (seq, id) in batch {
            if unflushed + out.count >= Self.flushBytes, let output {
                if !out.isEmpty { actions.append(.send(out)) }
                out = []
                unflushed = 0
                guard await output.flush(&actions) else { return false }
            }
            // Messages expunged meanwhile have no row: nothing to say about them.
            guard let position = rows.position(of: id) else { continue }
            let row = rows[position]
            let record = row.record
            let flags = record.flags
            var sections: MessageSections? = nil
            // A large message stored with CRLF line ends: whole-message items stream the file.
            var file: MessageFile? = nil
            if plan.needsFile, plan.wholeMessageOnly, record.size == record.virtualSize, record.size >= Self.streamingThreshold {
                guard let opened = try? store.openFile(record, in: mailboxName) else { continue }
                file = opened
            } else if plan.needsFile {
                guard let bytes = try? store.read(record, in: mailboxName) else { continue }
                sections = MessageSections(bytes: bytes.count == record.virtualSize ? bytes : LineEndings.crlf(bytes))
            }
            out.append(contentsOf: "* \(seq) FETCH (".utf8)
            var first = true
            func item(_ text: String) {
                if !first { out.append(UInt8(ascii: " ")) }
                first = false
                out.append(contentsOf: text.utf8)
            }
            /// `key value`, without building the item as one string first (ENVELOPE is long).
            func item(_ key: String, _ value: String) {
                item(key)
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: value.utf8)
            }
            func literal(_ key: String, _ bytes: some Collection<UInt8>) {
                item(key + " ")
                out.append(contentsOf: "{\(bytes.count)}\r\n".utf8)
                out.append(contentsOf: bytes)
            }
            /// A literal of the file's bytes in `range`, streamed.
            func streamed(_ key: String, _ file: MessageFile, _ range: Range<Int>) {
                item(key + " ")
                out += Array("{\(range.count)}\r\n".utf8)
                actions.append(.send(out))
                unflushed += out.count + range.count
                out = []
                actions.append(.stream(FileSlice(file: file, offset: range.lowerBound, length: range.count)))
            }
            for fetchItem in items {
                switch fetchItem {
                case .uid: item("UID \(id)")
                case .flags: item("FLAGS \(IMAPResponseText.flagList(flags, recent: view.recent.contains(id)))")
                case .internalDate: item("INTERNALDATE \(IMAPResponseText.dateTime(record.internalDate))")
                case .rfc822Size: item("RFC822.SIZE \(record.virtualSize)")
                case .modSeq: item("MODSEQ (\(record.modSeq.rawValue))")
                case .envelope: item("ENVELOPE", row.envelope ?? "NIL")
                case .bodyStructure: item("BODYSTRUCTURE", row.bodyStructure ?? "NIL")
                case .body: item("BODY", row.body ?? "NIL")
                case .rfc822Header:
                    if let header = row.headerBlock { literal("RFC822.HEADER", header) }
                    else if var s = sections { literal("RFC822.HEADER", s.extract(BodySection(text: .header))) }
                case .rfc822:
                    if let file { streamed("RFC822", file, 0..<min(file.size, record.size)) }
                    else if var s = sections { literal("RFC822", s.extract(BodySection())) }
                case .rfc822Text:
                    if var s = sections { literal("RFC822.TEXT", s.extract(BodySection(text: .text))) }
                case .bodySection(_, _, let partial) where file != nil:
                    let size = min(file!.size, record.size)
                    var range = 0..<size
                    var key = "BODY[]"
                    if let partial {
                        key += "<\(partial.offset)>"
                        let start = min(size, Int(partial.offset))
                        range = start..<min(size, start + Int(partial.length))
                    }
                    streamed(key, file!, range)
                case .bodySection(let section, _, let partial):
                    var data: ArraySlice<UInt8>
                    if FetchPlan.fromIndex(section), let header = row.headerBlock {
                        data = Self.sectionFromHeader(header, section)[...]
                    } else if var s = sections {
                        data = s.extract(section)
                        sections = s
                    } else {
                        data = []
                    }
                    var key = "BODY[\(Self.sectionSpec(section))]"
                    if let partial {
                        key += "<\(partial.offset)>"
                        let start = min(data.count, Int(partial.offset))
                        let end = min(data.count, start + Int(partial.length))
                        data = data.dropFirst(start).prefix(end - start)
                    }
                    literal(key, data)
                case .binary, .binarySize:
                    guard var s = sections else { break }
                    let (head, data) = try Self.binaryItem(fetchItem, sections: &s)
                    sections = s
                    item(head)
                    out.append(contentsOf: data)
                }
            }
            if plan.setsSeen, !items.contains(.flags) {
                item("FLAGS \(IMAPResponseText.flagList(flags, recent: view.recent.contains(id)))")
            }
            out.append(contentsOf: ")\r\n".utf8)
        }
        unflushed += out.count
        if !out.isEmpty { actions.append(.send(out)) }
        return true
    }

    /// `1.2.HEADER.FIELDS (Subject From)` as the response echoes it.
    static func sectionSpec(_ section: BodySection) -> String {
        var parts = section.part.map(String.init)
        switch section.text {
        case nil: break
        case .header: parts.append("HEADER")
        case .text: parts.append("TEXT")
        case .mime: parts.append("MIME")
        case .headerFields(let names): parts.append("HEADER.FIELDS (\(names.joined(separator: " ")))")
        case .headerFieldsNot(let names): parts.append("HEADER.FIELDS.NOT (\(names.joined(separator: " ")))")
        }
        return parts.joined(separator: ".")
    }

    /// HEADER, HEADER.FIELDS and HEADER.FIELDS.NOT of the top-level message, from the index's header block.
    static func sectionFromHeader(_ header: [UInt8], _ section: BodySection) -> [UInt8] {
        switch section.text {
        case .headerFields(let names): MessageSections.headerFields(header[...], names: names, not: false)
        case .headerFieldsNot(let names): MessageSections.headerFields(header[...], names: names, not: true)
        default: header
        }
    }
}

/// What a FETCH needs to read, worked out once for all its messages.
struct FetchPlan {
    var needsRecords = false
    /// The FETCH strings to read from the index (the raw header block is kilobytes per message).
    var columns: FetchColumns = []
    var needsFile = false
    var setsSeen = false
    /// Every file item is the whole message (`BODY[]`, `BODY[]<partial>`, `RFC822`): it can be streamed.
    var wholeMessageOnly = true

    init(_ items: [FetchItem], readOnly: Bool) {
        for item in items {
            switch item {
            case .uid, .flags, .internalDate, .rfc822Size, .modSeq: needsRecords = true
            case .envelope: columns.insert(.envelope)
            case .bodyStructure: columns.insert(.bodyStructure)
            case .body: columns.insert(.body)
            case .rfc822Header: columns.insert(.headerBlock)
            case .rfc822:
                needsFile = true
                setsSeen = !readOnly
            case .rfc822Text:
                needsFile = true
                wholeMessageOnly = false
                setsSeen = !readOnly
            case .bodySection(let section, let peek, _):
                if Self.fromIndex(section) {
                    columns.insert(.headerBlock)
                } else {
                    needsFile = true
                }
                if section != BodySection() { wholeMessageOnly = false }
                if !peek, !readOnly { setsSeen = true }
            case .binary(_, let peek, _):
                needsFile = true
                wholeMessageOnly = false
                if !peek, !readOnly { setsSeen = true }
            case .binarySize:
                needsFile = true
                wholeMessageOnly = false
            }
        }
        if !columns.isEmpty || needsFile || setsSeen { needsRecords = true }
    }

    /// Whether a section is the top-level header (or fields of it), which the index holds.
    static func fromIndex(_ section: BodySection) -> Bool {
        guard section.part.isEmpty else { return false }
        switch section.text {
        case .header, .headerFields, .headerFieldsNot: return true
        default: return false
        }
    }
}

extension [FetchRow] {
    /// Where `uid`'s row is in a FETCH batch's rows, ascending by UID as the index returns them
    /// (binary search: a dictionary per batch cost more in hashing than the rest of an ENVELOPE
    /// answer).
    func position(of uid: UID) -> Int? {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].record.uid < uid { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low].record.uid == uid ? low : nil
    }
}
