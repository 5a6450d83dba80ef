public import MaildexAuth
import MaildexCore
public import MaildexStore

/// Finds the mail of a user a passdb/userdb returned: the userdb's `mail` (a Maildir path), else
/// `home/Maildir`, else the user table's location (virtual users of `mailadm user add`).
public struct MailResolver: Sendable {
    public let store: MailStore

    public init(store: MailStore) { self.store = store }

    /// The user's store. Throws when the user has no mail location at all. Mail the indexer had
    /// not reached when the server last stopped is indexed from now on.
    public func userStore(for user: UserFields) throws -> UserStore {
        let store = try location(of: user)
        store.resumePendingIndexingOnce()
        return store
    }

    private func location(of user: UserFields) throws -> UserStore {
        if let mail = user.mail, !mail.isEmpty {
            let path = mail.hasPrefix("maildir:") ? String(mail.dropFirst("maildir:".count)) : mail
            return try store.userStore(at: MailLocation(maildir: path), key: user.username)
        }
        if let home = user.home, !home.isEmpty {
            return try store.userStore(at: MailLocation(home: home), key: user.username)
        }
        return try store.userStore(Username(user.username))
    }
}
