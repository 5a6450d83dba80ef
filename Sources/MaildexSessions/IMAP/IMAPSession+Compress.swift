import MaildexIMAPCodec

extension IMAPSession {
    /// COMPRESS DEFLATE (RFC 4978 §3), after login. The OK goes out uncompressed; from the byte
    /// after it both directions are raw DEFLATE, which the connection sets up on
    /// ``SessionAction/startCompression``.
    ///
    /// ```
    /// C: c COMPRESS DEFLATE
    /// S: c OK DEFLATE active
    /// C: d COMPRESS DEFLATE                  (compressed)
    /// S: d NO [COMPRESSIONACTIVE] DEFLATE is already active.
    /// ```
    ///
    /// Once compressed, a line over the line limit ends the connection (`BAD`, then close)
    /// instead of being skipped: a few compressed bytes can stand for megabytes of line, and
    /// skipping them would let a client keep the server inflating for nothing.
    func compress(_ algorithm: String, tag: String) throws(IMAPError) -> [SessionAction] {
        guard algorithm == "DEFLATE" else { throw .bad("Unknown compression algorithm \(algorithm) (DEFLATE is supported).") }
        if compressing { throw .no("DEFLATE is already active.", code: "COMPRESSIONACTIVE") }
        compressing = true
        return ok(tag, "DEFLATE active") + [.startCompression]
    }
}
