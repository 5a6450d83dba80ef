/// The rules around the passdbs: which connections may send passwords in the clear, which
/// mechanisms are offered, and how login names are normalised. Built from Dovecot's
/// `disable_plaintext_auth`, `login_trusted_networks`, `auth_mechanisms` and `username_format`.
public struct LoginPolicy: Sendable {
    /// Refuse PLAIN, LOGIN and the IMAP LOGIN / POP3 USER commands on connections without TLS,
    /// except from loopback and ``trustedNetworks``. The default is true, as in Dovecot.
    public var disablePlaintextAuth = true
    /// Networks treated as secure and exempt from the failure delay (`login_trusted_networks`).
    public var trustedNetworks: [IPNetwork] = []
    /// How login names are normalised. The default is `%Lu`.
    public var usernameFormat = UsernameFormat()
    /// The SASL mechanisms offered (`auth_mechanisms`). The default is PLAIN.
    public var mechanisms: [SASLMechanism] = [.plain]

    public init() {}

    /// Whether a password may be sent on this connection.
    public func allowsPlaintext(overTLS: Bool, from address: String) -> Bool {
        !disablePlaintextAuth || overTLS || isLoopback(address) || isTrusted(address)
    }

    /// Whether `address` is in `login_trusted_networks`.
    public func isTrusted(_ address: String) -> Bool { trustedNetworks.contains { $0.contains(address) } }

    func isLoopback(_ address: String) -> Bool { IPNetwork.loopback.contains { $0.contains(address) } }
}
