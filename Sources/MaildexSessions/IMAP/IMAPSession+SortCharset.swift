import MaildexIMAPCodec

extension IMAPSession {
    /// The charset SORT and THREAD name (RFC 5256 §3): UTF-8 or US-ASCII, else `NO [BADCHARSET]`.
    /// After ENABLE UTF8=ACCEPT every string is UTF-8, so any other charset is a BAD command
    /// (RFC 6855 §3 as corrected by errata 4029, the rule SEARCH follows in ``checkSearchCharset(_:)``).
    ///
    ///     C: a ENABLE UTF8=ACCEPT
    ///     C: b SORT (SUBJECT) US-ASCII ALL
    ///     S: b BAD SORT charset US-ASCII after ENABLE UTF8=ACCEPT: only UTF-8.
    func checkSortCharset(_ program: SearchProgram, command: String) throws(IMAPError) {
        guard let charset = program.charset else { return }
        if utf8Accept {
            if charset != "UTF-8" { throw .bad("\(command) charset \(charset) after ENABLE UTF8=ACCEPT: only UTF-8.") }
        } else if !["UTF-8", "US-ASCII", "UTF8"].contains(charset) {
            throw .no("Unsupported charset \(charset).", code: "BADCHARSET (UTF-8 US-ASCII)")
        }
    }
}
