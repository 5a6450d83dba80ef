import Foundation
import MaildexCore
import MaildexIMAPCodec
import MaildexIndex
import MaildexStore

extension IMAPSession {
    /// SEARCH (RFC 3501 §6.4.4), compiled to one index query; results are limited to the
    /// messages this session's view holds.
    func search(_ program: SearchProgram, uid: Bool, tag: String, store: UserStore, mailbox: SelectedMailbox) async throws -> [SessionAction] {
        if let charset = program.charset, !["UTF-8", "US-ASCII", "UTF8"].contains(charset) {
            throw IMAPError.no("Unsupported charset \(charset).", code: "BADCHARSET (UTF-8 US-ASCII)")
        }
        try checkSearchCharset(program)
        let query = Self.query(program.key, mailbox: mailbox)
        if program.returnOptions?.contains(.save) == true { updateMailbox { $0.searchResult = [] } }
        let found = try await store.search(query, in: mailbox.name)
        var numbers: [UInt32] = []
        var uids: [UID] = []
        numbers.reserveCapacity(found.count)
        for id in found {
            guard let seq = mailbox.sequenceNumber(of: id) else { continue }
            numbers.append(uid ? id.rawValue : UInt32(seq))
            uids.append(id)
        }
        // With a MODSEQ criterion, the highest MODSEQ of the matches (RFC 7162 §3.1.5).
        var highest: ModSeq? = nil
        if Self.mentionsModSeq(program.key) {
            condStore = true
            highest = try await store.messages(uids, in: mailbox.name).map(\.modSeq).max()
        }
        let line: String
        if let options = program.returnOptions, options.contains(.save) {
            updateMailbox { $0.searchResult = Self.savedResult(uids, options: options) }
            // RFC 5182 §2.1: SAVE alone answers no ESEARCH.
            if options == [.save] { return (await updates(expunges: uid)) + ok(tag, "Search completed, result saved.") }
            line = Self.esearch(numbers, options: options, tag: tag, uid: uid, modSeq: highest)
        } else if let options = program.returnOptions ?? (imap4rev2 ? [] : nil) {
            // IMAP4rev2 answers every SEARCH with ESEARCH; no RETURN means ALL (RFC 9051 §6.4.4).
            line = Self.esearch(numbers, options: options.isEmpty ? [.all] : options, tag: tag, uid: uid, modSeq: highest)
        } else {
            line = (numbers.isEmpty ? "* SEARCH" : "* SEARCH " + numbers.map(String.init).joined(separator: " "))
                + (highest.map { " (MODSEQ \($0))" } ?? "")
        }
        return send(line) + (await updates(expunges: uid)) + ok(tag, "Search completed.")
    }

    /// `* ESEARCH (TAG "a") UID MIN 2 MAX 9 COUNT 3 ALL 2,4,9` (RFC 4731 §3.1): only the parts asked for;
    /// MIN, MAX and ALL are left out when nothing matched.
    static func esearch(_ numbers: [UInt32], options: [SearchReturnOption], tag: String, uid: Bool, modSeq: ModSeq?) -> String {
        var line = "* ESEARCH (TAG \"\(tag)\")" + (uid ? " UID" : "")
        for option in SearchReturnOption.allCases where options.contains(option) {
            switch option {
            case .min: if let first = numbers.first { line += " MIN \(first)" }
            case .max: if let last = numbers.last { line += " MAX \(last)" }
            case .count: line += " COUNT \(numbers.count)"
            case .all: if !numbers.isEmpty { line += " ALL \(IMAPResponseText.set(numbers))" }
            case .save: break
            }
        }
        if let modSeq, !numbers.isEmpty { line += " MODSEQ \(modSeq)" }
        return line
    }

    static func mentionsModSeq(_ key: SearchKey) -> Bool {
        switch key {
        case .modSeq: true
        case .not(let inner): mentionsModSeq(inner)
        case .or(let a, let b): mentionsModSeq(a) || mentionsModSeq(b)
        case .and(let keys): keys.contains(where: mentionsModSeq)
        default: false
        }
    }

    /// A SEARCH key in index terms: sequence numbers become UIDs of the view, days become instants (UTC).
    static func query(_ key: SearchKey, mailbox: SelectedMailbox) -> SearchQuery {
        switch key {
        case .all: return .all
        case .flag(let flag, let set): return .flag(flag, set)
        case .recent: return .uids(ranges(mailbox.recent))
        case .new: return .and([.uids(ranges(mailbox.recent)), .flag(.seen, false)])
        case .old: return .not(.uids(ranges(mailbox.recent)))
        case .header(let name, let value): return .header(headerKey(name), value)
        case .body(let text): return .body(text)
        case .text(let text): return .text(text)
        case .internalDate(let relation, let day):
            let (from, before) = interval(relation, day)
            return .internalDate(from: from, before: before)
        case .sentDate(let relation, let day):
            let (from, before) = interval(relation, day)
            return .sentDate(from: from, before: before)
        case .larger(let n): return .larger(Int(n))
        case .smaller(let n): return .smaller(Int(n))
        case .uid(let set):
            guard let last = mailbox.uids.last else { return .uids([]) }
            return .uids(set.resolved(largest: last.rawValue))
        case .sequenceSet(let set):
            let named = mailbox.resolve(set, uid: false).messages.map(\.1)
            return .uids(ranges(Set(named)))
        case .lastResult: return .uids(ranges(mailbox.searchResult))
        case .modSeq(let value): return .modSeq(atLeast: ModSeq(value))
        case .older(let seconds): return .internalDate(from: nil, before: Date().addingTimeInterval(-Double(seconds)))
        case .younger(let seconds): return .internalDate(from: Date().addingTimeInterval(-Double(seconds)), before: nil)
        case .not(let inner): return .not(query(inner, mailbox: mailbox))
        case .or(let a, let b): return .or(query(a, mailbox: mailbox), query(b, mailbox: mailbox))
        case .and(let keys): return .and(keys.map { query($0, mailbox: mailbox) })
        }
    }

    static func headerKey(_ name: String) -> HeaderKey {
        switch name.uppercased() {
        case "FROM": .from
        case "TO": .to
        case "CC": .cc
        case "BCC": .bcc
        case "SUBJECT": .subject
        default: .other(name)
        }
    }

    /// Contiguous UID ranges of a set of UIDs.
    static func ranges(_ uids: Set<UID>) -> [ClosedRange<UInt32>] {
        NumberSet(uids.map(\.rawValue)).resolved(largest: UInt32.max)
    }

    /// BEFORE/ON/SINCE as a half-open interval of instants: days are UTC days, the time and
    /// time zone of the message being disregarded (RFC 3501 §6.4.4).
    static func interval(_ relation: DayRelation, _ day: IMAPDay) -> (Date?, Date?) {
        let start = IMAPResponseText.utc.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date.distantPast
        let next = start.addingTimeInterval(86_400)
        switch relation {
        case .before: return (nil, start)
        case .on: return (start, next)
        case .since: return (start, nil)
        }
    }
}
