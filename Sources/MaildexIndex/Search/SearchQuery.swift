public import Foundation
public import MaildexCore

/// A SEARCH criterion (RFC 3501 §6.4.4, RFC 7162 §3.1.5), already resolved to index terms:
/// message sequence numbers are turned into UIDs and day-based dates into instants by the caller.
///
///     C: A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM "Smith"
///     .and([.flag(.flagged, true), .internalDate(from: feb1, before: nil), .not(.header(.from, "Smith"))])
public indirect enum SearchQuery: Sendable, Equatable {
    /// Every message.
    case all
    /// UIDs in any of these ranges.
    case uids([ClosedRange<UInt32>])
    /// Has (true) or has not (false) the flag or keyword.
    case flag(Flag, Bool)
    /// Case-insensitive substring of the field; an empty string asks only whether the field is present.
    case header(HeaderKey, String)
    /// Case-insensitive substring of the decoded body text.
    case body(String)
    /// Case-insensitive substring of the header fields, the raw header block or the body text.
    case text(String)
    /// INTERNALDATE in the half-open range [from, before); nil ends are open.
    case internalDate(from: Date?, before: Date?)
    /// The Date: header in [from, before); messages without one never match.
    case sentDate(from: Date?, before: Date?)
    /// RFC822.SIZE (the virtual size) above the number.
    case larger(Int)
    /// RFC822.SIZE below the number.
    case smaller(Int)
    /// MODSEQ at least this value (RFC 7162 §3.1.5).
    case modSeq(atLeast: ModSeq)
    case and([SearchQuery])
    case or(SearchQuery, SearchQuery)
    case not(SearchQuery)
}

/// The header field a ``SearchQuery/header(_:_:)`` searches. Fields the index keeps parsed have
/// their own cases; ``other(_:)`` searches the raw header block (and maps the names of the
/// parsed fields to their cases).
public enum HeaderKey: Sendable, Equatable {
    case from, to, cc, bcc, subject, messageID, inReplyTo, references
    case other(String)

    /// `.other("Subject")` is `.subject`, and so on; unknown names stay `.other`.
    var resolved: HeaderKey {
        guard case .other(let name) = self else { return self }
        switch name.lowercased() {
        case "from": return .from
        case "to": return .to
        case "cc": return .cc
        case "bcc": return .bcc
        case "subject": return .subject
        case "message-id": return .messageID
        case "in-reply-to": return .inReplyTo
        case "references": return .references
        default: return self
        }
    }
}
