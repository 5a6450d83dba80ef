import MaildexAdmin
import Testing

/// `listen = *, ::` on a host with IPv6 (both bound, side by side: the server sets IPV6_V6ONLY) and without.
struct DaemonListenerPlanTests {
    static let listeners = [
        DaemonListener(name: "imap", service: .imap, endpoint: .tcp(host: "0.0.0.0", port: 143), tls: .startTLS),
        DaemonListener(name: "imap", service: .imap, endpoint: .tcp(host: "::", port: 143), tls: .startTLS),
        DaemonListener(name: "imaps", service: .imap, endpoint: .tcp(host: "::1", port: 993), tls: .implicit),
        DaemonListener(name: "pop3", service: .pop3, endpoint: .tcp(host: "127.0.0.1", port: 110), tls: .startTLS),
        DaemonListener(name: "lmtp", service: .lmtp, endpoint: .unix(path: "/run/maildex/lmtp")),
    ]

    @Test(arguments: [
        (DaemonListenerPlan.IPv6Support.available,
         ["IMAP (STARTTLS) on 0.0.0.0:143", "IMAP (STARTTLS) on [::]:143", "IMAP (TLS) on [::1]:993", "POP3 (STARTTLS) on 127.0.0.1:110",
          "LMTP on /run/maildex/lmtp"], 0),
        (.unavailable, ["IMAP (STARTTLS) on 0.0.0.0:143", "POP3 (STARTTLS) on 127.0.0.1:110", "LMTP on /run/maildex/lmtp"], 2),
    ])
    func wildcardPairs(_ ipv6: DaemonListenerPlan.IPv6Support, _ expected: [String], _ notes: Int) {
        let plan = DaemonListenerPlan(Self.listeners, ipv6: ipv6)
        #expect(plan.listeners.map(\.description) == expected)
        #expect(plan.notes.count == notes)
    }
}
