import MaildexCore

/// The values SORT compares (RFC 5256 §2, RFC 5957 §3), computed once at delivery so that a SORT
/// is one SQL `ORDER BY`. Every value is in the i;unicode-casemap form (RFC 5051, see
/// ``UnicodeCasemap``), so that comparing the UTF-8 bytes orders them as RFC 5256 asks.
public struct SortKeys: Sendable, Equatable {
    /// The base subject (RFC 5256 §2.1), casemapped.
    public var baseSubject: String
    /// The addr-mailbox (local part) of the first From/To/Cc address, casemapped; empty when none (RFC 5256 §2.2).
    public var from: String
    public var to: String
    public var cc: String
    /// The display name of the first From/To address, or else its `mailbox@host`, casemapped (RFC 5957 §3).
    public var displayFrom: String
    public var displayTo: String

    public init(baseSubject: String = "", from: String = "", to: String = "", cc: String = "", displayFrom: String = "", displayTo: String = "") {
        self.baseSubject = baseSubject
        self.from = from
        self.to = to
        self.cc = cc
        self.displayFrom = displayFrom
        self.displayTo = displayTo
    }

    /// The keys of a message's header fields (the raw field values; RFC 2047 words are decoded here).
    /// `envelope`, when given, supplies the parsed From, To and Cc (see ``IndexedHeaders/init(header:envelope:)``).
    public init(header: MessageHeader, envelope: Envelope? = nil) {
        let from = envelope?.from ?? header.first("From").map(AddressParser.parse) ?? []
        let to = envelope?.to ?? header.first("To").map(AddressParser.parse) ?? []
        let cc = envelope?.cc ?? header.first("Cc").map(AddressParser.parse) ?? []
        self.init(
            baseSubject: Self.baseSubject(header.decoded("Subject") ?? ""),
            from: Self.addressKey(from), to: Self.addressKey(to), cc: Self.addressKey(cc),
            displayFrom: Self.displayKey(from), displayTo: Self.displayKey(to)
        )
    }

    // MARK: - RFC 5256 §2.1 base subject

    /// The base subject of a decoded subject (RFC 5256 §2.1): whitespace runs become one space;
    /// `(fwd)` trailers, `Re:`/`Fw:`/`Fwd:` leaders (with `[blob]`s before or inside them) and
    /// leading `[blob]`s that do not make up the whole rest are removed, repeatedly; a
    /// `[fwd: ...]` wrapper is unwrapped and the whole done again. The result is casemapped (RFC 5051).
    public static func baseSubject(_ subject: String) -> String {
        // (1) Tabs, line breaks and runs of whitespace become a single space.
        var s: [Character] = []
        for c in subject {
            if c.isWhitespace {
                if s.last != " " { s.append(" ") }
            } else {
                s.append(c)
            }
        }
        while true {
            // (2) Trailing "(fwd)" and whitespace.
            while true {
                if s.last == " " { s.removeLast(); continue }
                if s.count >= 5, String(s.suffix(5)).lowercased() == "(fwd)" { s.removeLast(5); continue }
                break
            }
            // (3)-(5) Leaders and leading blobs, until nothing changes.
            var changed = true
            while changed {
                changed = false
                if s.first == " " {
                    s.removeFirst()
                    changed = true
                } else if let end = leaderEnd(s) {
                    s.removeFirst(end)
                    changed = true
                } else if let end = blobEnd(s, from: 0), end < s.count, s[end...].contains(where: { $0 != " " }) {
                    s.removeFirst(end)
                    changed = true
                }
            }
            // (6) "[fwd:" ... "]": unwrap and start over.
            if s.count >= 6, String(s.prefix(5)).lowercased() == "[fwd:", s.last == "]" {
                s = Array(s.dropFirst(5).dropLast())
                continue
            }
            break
        }
        return UnicodeCasemap.key(String(s))
    }

    /// subj-blob = "[" *BLOBCHAR "]" *WSP: the index after it, or nil.
    static func blobEnd(_ s: [Character], from start: Int) -> Int? {
        guard start < s.count, s[start] == "[" else { return nil }
        var i = start + 1
        while i < s.count, s[i] != "]" {
            if s[i] == "[" { return nil }
            i += 1
        }
        guard i < s.count else { return nil }
        i += 1
        while i < s.count, s[i] == " " { i += 1 }
        return i
    }

    /// subj-leader = *subj-blob subj-refwd; subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":".
    /// The index after the leader, or nil.
    static func leaderEnd(_ s: [Character]) -> Int? {
        var i = 0
        while let end = blobEnd(s, from: i) { i = end }
        func lower(_ at: Int) -> String? { at < s.count ? s[at].lowercased() : nil }
        if lower(i) == "r", lower(i + 1) == "e" {
            i += 2
        } else if lower(i) == "f", lower(i + 1) == "w" {
            i += 2
            if lower(i) == "d" { i += 1 }
        } else {
            return nil
        }
        while i < s.count, s[i] == " " { i += 1 }
        if let end = blobEnd(s, from: i) { i = end }
        guard i < s.count, s[i] == ":" else { return nil }
        return i + 1
    }

    // MARK: - RFC 5256 §2.2 and RFC 5957 §3 address keys

    /// The first real address of a list (group markers skipped).
    static func firstAddress(_ addresses: [Address]) -> Address? {
        addresses.first { !$0.isGroupStart && !$0.isGroupEnd }
    }

    /// The addr-mailbox of the first address, casemapped; empty when there is none (RFC 5256 §2.2).
    public static func addressKey(_ addresses: [Address]) -> String {
        guard let mailbox = firstAddress(addresses)?.mailbox, mailbox != "MISSING_MAILBOX" else { return "" }
        return UnicodeCasemap.key(mailbox)
    }

    /// The decoded display name of the first address if it has one, or else its `mailbox@host`;
    /// casemapped; empty when there is no address (RFC 5957 §3).
    public static func displayKey(_ addresses: [Address]) -> String {
        guard let first = firstAddress(addresses) else { return "" }
        let name = first.name.map(EncodedWord.decode)?.trimmingWhitespace() ?? ""
        if !name.isEmpty { return UnicodeCasemap.key(name) }
        return UnicodeCasemap.key(first.addrSpec ?? first.mailbox ?? "")
    }
}
