import MaildexCore

// The `$` search result variable (RFC 5182 SEARCHRES) where a sequence set may stand.
extension IMAPGrammar {
    static let dollar: UInt8 = 0x24
}

extension IMAPParser {
    // sequence-set    =/ seq-last-command                     (RFC 5182 §5)
    // seq-last-command = "$"
    mutating func parseMessageSet() throws(IMAPParseError) -> SequenceSet {
        guard consume(IMAPGrammar.dollar) else { return .numbers(try parseSequenceSet()) }
        let end = tokenEnd(from: index)
        guard end == index else { throw error("$ must stand alone, not in \(excerpt(from: index - 1, to: end))") }
        return .lastResult
    }

    /// A sequence set as a search key: `1:4`, `UID 7:*`, or `$` (either way, the saved messages).
    static func searchKey(_ set: SequenceSet, uid: Bool) -> SearchKey {
        switch set {
        case .lastResult: .lastResult
        case .numbers(let numbers): uid ? .uid(numbers) : .sequenceSet(numbers)
        }
    }
}
