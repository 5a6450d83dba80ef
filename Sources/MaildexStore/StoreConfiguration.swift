/// Where the store keeps its data, and how it writes.
public struct StoreConfiguration: Sendable {
    /// The data directory: `global.sqlite` and, for virtual users, `users/<name>/Maildir`.
    public var dataDirectory: String
    /// The host name written into new Maildir file names. The default is the machine's host name.
    public var hostname: String?
    /// Special-use mailboxes created with every new user (RFC 6154). The default is
    /// Sent, Drafts, Trash, Junk and Archive.
    public var defaultMailboxes: [(name: String, specialUse: String)] = [
        ("Sent", "\\Sent"), ("Drafts", "\\Drafts"), ("Trash", "\\Trash"), ("Junk", "\\Junk"), ("Archive", "\\Archive"),
    ]
    /// Messages imported per batch: one fsync pass and one index transaction each. The default is 500.
    public var importBatchSize = 500
    /// How long mail must stop arriving before the catch-up indexer (header and body search)
    /// works on a user's new messages: a burst is written at full speed and indexed afterwards.
    /// The default is 2 seconds.
    public var indexingPause: Duration = .seconds(2)

    public init(dataDirectory: String, hostname: String? = nil) {
        self.dataDirectory = dataDirectory
        self.hostname = hostname
    }

    /// Path of the global database.
    public var globalIndexPath: String { dataDirectory + "/global.sqlite" }
    /// Home of a virtual user that has no explicit home.
    public func defaultHome(for user: String) -> String { dataDirectory + "/users/" + user }
}

/// Where one user's mail lives.
public struct MailLocation: Sendable, Equatable {
    /// The Maildir root (INBOX).
    public var maildir: String
    /// The per-user index database, kept inside the Maildir root (like Dovecot's own index files),
    /// so that a user's mail moves as one folder.
    public var indexPath: String { maildir + "/maildex-index.sqlite" }

    public init(maildir: String) { self.maildir = maildir }
    /// `~/Maildir` below a home directory.
    public init(home: String) { self.init(maildir: home + "/Maildir") }
}
