extension SortKeys {
    /// Whether a subject is a reply or forward (RFC 5256 §2.1, as THREAD=REFERENCES step 5 uses
    /// it): its base subject is derived by removing a `Re:`/`Fw:`/`Fwd:` leader (after any
    /// `[blob]`s), a `(fwd)` trailer or a `[fwd: ...]` wrapper.
    public static func isReplyOrForward(_ subject: String) -> Bool {
        var s: [Character] = []
        for c in subject {
            if c.isWhitespace {
                if s.last != " " { s.append(" ") }
            } else {
                s.append(c)
            }
        }
        while s.last == " " { s.removeLast() }
        while s.first == " " { s.removeFirst() }
        if s.count >= 5, String(s.suffix(5)).lowercased() == "(fwd)" { return true }
        if s.count >= 6, String(s.prefix(5)).lowercased() == "[fwd:", s.last == "]" { return true }
        return leaderEnd(s) != nil
    }
}
