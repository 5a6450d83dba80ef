import Foundation
import MaildexAuth
import MaildexCore
import MaildexIndex
import MaildexSessions
import MaildexStore
import MaildexTesting
import Testing

/// A store in a temporary directory with user alice (`{PLAIN}secret`), a LoginService over
/// its user table with a 1 ms failure delay, and a POP3 session on top.
final class POP3Fixture: Sendable {
    let dir: TemporaryDirectory
    let store: MailStore
    let alice: UserStore
    let logins: LoginService<ContinuousClock>

    deinit { dir.remove() }

    init(policy: LoginPolicy = LoginPolicy(), mechanisms: [SASLMechanism] = [.plain, .login]) async throws {
        dir = try TemporaryDirectory(prefix: "maildex-pop3")
        let store = try MailStore(configuration: StoreConfiguration(dataDirectory: dir.path("data")))
        self.store = store
        let record = try await store.addUser(Username("alice"), passwordHash: "{PLAIN}secret")
        alice = try store.userStore(for: record)
        var policy = policy
        policy.mechanisms = mechanisms
        var delay = FailureDelay<ContinuousClock>()
        delay.base = .milliseconds(1)
        delay.maximum = .milliseconds(1)
        let authenticator = Authenticator(
            passdbs: [SQLPassDB { name in try store.global.user(name)?.passwordHash }],
            userdbs: [SQLUserDB { name in
                guard let record = try store.global.user(name) else { return nil }
                return UserFields(username: record.username.rawValue, mail: store.location(of: record).maildir)
            }])
        logins = LoginService(authenticator: authenticator, policy: policy, clock: ContinuousClock(), failureDelay: delay)
    }

    func session(from address: String = "127.0.0.1", tls: Bool = false, canStartTLS: Bool = false) -> POP3Session {
        POP3Session(connection: ConnectionInfo(remoteAddress: address, isTLS: tls, canStartTLS: canStartTLS),
                    logins: logins, resolver: MailResolver(store: store))
    }

    /// Messages with the awkward shapes POP3 must carry exactly.
    static let messages: [String] = [
        "From: Bob <bob@example.org>\r\nSubject: one\r\n\r\nHello.\r\nFrom the start of a line.\r\n",
        "From: Carol <carol@example.org>\nSubject: dots\n\n.\n..two dots\n.one dot\nlast line without newline",
        "Subject: three\r\n\r\nline 1\r\nline 2\r\nline 3\r\n",
    ]

    @discardableResult
    func deliverAll() async throws -> [UID] {
        var uids: [UID] = []
        for text in Self.messages { uids.append(try await alice.deliver(Array(text.utf8))) }
        return uids
    }

    func inboxUIDs() async throws -> [UID] { try await alice.messages(in: .inbox).map(\.uid) }
}
