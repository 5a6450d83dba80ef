import MaildexLMTPCodec

extension LMTPSession {
    /// Runs one parsed command in the current phase; commands out of order get `503 5.5.1`
    /// (RFC 5321 §4.1.4).
    func execute(_ command: LMTPCommand) async -> [SessionAction] {
        switch command {
        case .lhlo: return lhlo()
        case .mail(let sender, let parameters): return mail(from: sender, parameters: parameters)
        case .rcpt(let address): return await rcpt(address)
        case .data: return data()
        case .rset:
            if case .connected = phase {} else { phase = .ready }
            return send(LMTPReply(250, .init(2, 0, 0), "OK"))
        case .noop:
            return send(LMTPReply(250, .init(2, 0, 0), "OK"))
        case .vrfy:
            // RFC 5321 §3.5.3: 252 when the server will not verify but will try delivery.
            return send(LMTPReply(252, .init(2, 5, 0), "Cannot VRFY user, but will accept message and attempt delivery"))
        case .quit:
            phase = .closed
            return send(LMTPReply(221, .init(2, 0, 0), "Bye")) + [.close]
        case .startTLS:
            return startTLS()
        }
    }

    /// LHLO (RFC 2033 §4.1): resets any transaction and lists the extensions. Replies to LHLO
    /// carry no enhanced status code (RFC 2034 §3).
    func lhlo() -> [SessionAction] {
        phase = .ready
        var lines = [connection.hostname, "PIPELINING", "ENHANCEDSTATUSCODES", "8BITMIME", "SIZE \(limits.maximumMessageSize)"]
        if connection.canStartTLS && !connection.isTLS { lines.append("STARTTLS") }
        return send(LMTPReply(code: 250, lines: lines))
    }

    /// MAIL FROM (RFC 5321 §4.1.1.2); a declared SIZE over the limit is refused at once
    /// (RFC 1870 §6.1).
    func mail(from sender: LMTPAddress?, parameters: MailParameters) -> [SessionAction] {
        switch phase {
        case .connected: return outOfOrder("Send LHLO first")
        case .transaction: return outOfOrder("Nested MAIL command")
        case .ready: break
        case .data, .closed: return []
        }
        if let size = parameters.size, size > limits.maximumMessageSize {
            return send(LMTPReply(552, .init(5, 3, 4), "Message size exceeds fixed maximum message size"))
        }
        phase = .transaction(LMTPTransaction(sender: sender, parameters: parameters))
        return send(LMTPReply(250, .init(2, 1, 0), "OK"))
    }

    /// RCPT TO (RFC 5321 §4.1.1.3): the user must exist now, so that the MTA bounces at once
    /// rather than after DATA.
    func rcpt(_ address: LMTPAddress) async -> [SessionAction] {
        guard case .transaction(let transaction) = phase else {
            if case .connected = phase { return outOfOrder("Send LHLO first") }
            return outOfOrder("Send MAIL first")
        }
        guard transaction.recipients.count < limits.maximumRecipients else {
            return send(LMTPReply(452, .init(4, 5, 3), "Too many recipients"))
        }
        switch await resolveRecipient(address) {
        case .failure(let refusal):
            return send(refusal.reply)
        case .success(let recipient):
            // The phase may have moved on while the lookup was awaited (a closed connection).
            guard case .transaction(var current) = phase else { return [] }
            current.recipients.append(recipient)
            phase = .transaction(current)
            return send(LMTPReply(250, .init(2, 1, 5), "OK"))
        }
    }

    /// DATA (RFC 5321 §4.1.1.4); without an accepted recipient it is `503` (RFC 2033 §4.2).
    func data() -> [SessionAction] {
        guard case .transaction(let transaction) = phase else {
            if case .connected = phase { return outOfOrder("Send LHLO first") }
            return outOfOrder("Send MAIL first")
        }
        guard !transaction.recipients.isEmpty else { return outOfOrder("No valid recipients") }
        phase = .data(transaction, LMTPDataReader(maximumSize: limits.maximumMessageSize))
        return send(LMTPReply(354, nil, "End data with <CR><LF>.<CR><LF>"))
    }

    /// STARTTLS (RFC 3207 §4): only when offered, and not inside a transaction.
    func startTLS() -> [SessionAction] {
        guard connection.canStartTLS, !connection.isTLS else {
            return send(LMTPReply(502, .init(5, 5, 1), "STARTTLS not available"))
        }
        switch phase {
        case .transaction: return outOfOrder("STARTTLS not allowed during a mail transaction")
        case .connected, .ready: break
        case .data, .closed: return []
        }
        phase = .connected
        return send(LMTPReply(220, .init(2, 0, 0), "Begin TLS negotiation now")) + [.startTLS]
    }

    func outOfOrder(_ text: String) -> [SessionAction] {
        send(LMTPReply(503, .init(5, 5, 1), text))
    }
}
