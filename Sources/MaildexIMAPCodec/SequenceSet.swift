public import MaildexCore

/// The messages a FETCH, STORE, COPY, MOVE or UID EXPUNGE names (RFC 3501 §9 `sequence-set`):
/// numbers and ranges, or `$`, the result the last `SEARCH RETURN (SAVE)` kept (RFC 5182 §2).
///
/// ```
/// C: a UID SEARCH RETURN (SAVE) FLAGGED
/// S: a OK Search completed.
/// C: b UID FETCH $ (FLAGS)       -> .fetch(.lastResult, [.flags], uid: true, ...)
/// C: c FETCH 1:4,7 (FLAGS)       -> .fetch(.numbers(1:4,7), [.flags], uid: false, ...)
/// ```
///
/// `$` stands alone (`seq-last-command`); `$,3` or `1:$` are errors.
public enum SequenceSet: Sendable, Equatable, CustomStringConvertible {
    /// Numbers and ranges as sent; message sequence numbers or UIDs as the command says.
    case numbers(NumberSet)
    /// `$` (RFC 5182 §2.1): the saved search result; the empty set before any SAVE.
    case lastResult

    public var description: String {
        switch self {
        case .numbers(let set): set.description
        case .lastResult: "$"
        }
    }
}
