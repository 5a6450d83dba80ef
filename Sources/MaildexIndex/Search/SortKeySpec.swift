/// One SORT criterion in index terms (RFC 5256 §3, RFC 5957 §3), for ``MailIndex/sort(_:by:in:)``.
public struct SortKeySpec: Sendable, Equatable {
    public enum Key: Sendable, Equatable, CaseIterable {
        /// INTERNALDATE.
        case arrival
        /// The first Cc address's local part (RFC 5256 §2.2).
        case cc
        /// The Date header, or INTERNALDATE when it is absent or unreadable (RFC 5256 §3).
        case date
        /// The first From address's local part (RFC 5256 §2.2).
        case from
        /// RFC822.SIZE (the CRLF size).
        case size
        /// The base subject (RFC 5256 §2.1).
        case subject
        /// The first To address's local part (RFC 5256 §2.2).
        case to
        /// The first From address's display name, else its addr-spec (RFC 5957 §3).
        case displayFrom
        /// The first To address's display name, else its addr-spec (RFC 5957 §3).
        case displayTo
    }

    public var key: Key
    /// REVERSE: descending for this key only.
    public var reverse: Bool

    public init(_ key: Key, reverse: Bool = false) {
        self.key = key
        self.reverse = reverse
    }

    /// The SQL expression this key orders by (message `m`, message_header `h`); stored NULL
    /// keys fall back to a value computed from the other columns.
    var sqlExpression: String {
        switch key {
        case .arrival: "m.internal_date"
        case .date: "coalesce(h.sent_date, m.internal_date)"
        case .size: "m.virtual_size"
        case .subject: "coalesce(h.base_subject, maildex_unicode_casemap(h.subject), '')"
        case .from: "coalesce(h.from_sort, maildex_unicode_casemap(h.from_text), '')"
        case .to: "coalesce(h.to_sort, maildex_unicode_casemap(h.to_text), '')"
        case .cc: "coalesce(h.cc_sort, maildex_unicode_casemap(h.cc_text), '')"
        case .displayFrom: "coalesce(h.display_from, maildex_unicode_casemap(h.from_text), '')"
        case .displayTo: "coalesce(h.display_to, maildex_unicode_casemap(h.to_text), '')"
        }
    }
}
