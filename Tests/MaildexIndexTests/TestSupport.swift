import Foundation
import GRDB
import MaildexCore
@testable import MaildexIndex
import MaildexMigrations
import MaildexTesting
import Synchronization

/// Body texts of test messages by file name: the index's ``BodyTextSource`` in tests (the real
/// one reads the Maildir file).
enum TestBodies {
    private static let texts = Mutex<[String: String]>([:])
    static func register(_ text: String, fileName: String) { texts.withLock { $0[fileName] = text } }
    static let source: BodyTextSource = { _, fileName in texts.withLock { $0[fileName] } }
}

/// A fresh per-user index in a temporary directory (removed with the fixture), with an INBOX.
final class IndexFixture {
    let directory: TemporaryDirectory
    let index: MailIndex
    let inbox: MailboxRecord

    init() throws {
        directory = try TemporaryDirectory(prefix: "maildex-index-test")
        index = try MailIndex(path: directory.path("index.sqlite"), bodyText: TestBodies.source)
        inbox = try index.createMailbox(.inbox)
    }

    deinit { directory.remove() }

    /// Inserts messages and returns their UIDs.
    @discardableResult
    func add(_ messages: NewMessage..., into mailbox: Int64? = nil) throws -> [UID] {
        try index.insert(messages, into: mailbox ?? inbox.id).map(\.uid)
    }
}

/// An index as an older Maildex left it, for a migration test to open: the first `version`
/// user migrations, INBOX as mailbox 1, and the rows `fill` adds (see ``insertOldMessage``).
func writeOldIndex(at path: String, version: Int, _ fill: (Database) throws -> Void) throws {
    let old = try DatabaseOpener.open(path: path, migrations: Array(userMigrations.prefix(version)))
    try old.write { db in
        try db.execute(sql: "INSERT INTO mailbox (id, name, uid_validity) VALUES (1, 'INBOX', 1)")
        try fill(db)
    }
    try old.close()
}

/// A message row in mailbox 1 of an old index, written as SQL (the schema of that version);
/// returns its row id, for its header row.
@discardableResult
func insertOldMessage(_ db: Database, uid: Int, size: Int = 1) throws -> Int64 {
    try db.execute(sql: """
        INSERT INTO message (mailbox_id, uid, mod_seq, internal_date, size, virtual_size, base_name, file_name)
        VALUES (1, ?, 1, 0, ?, ?, ?, ?)
        """, arguments: [uid, size, size, "b\(uid)", "b\(uid)"])
    return db.lastInsertedRowID
}

/// A message with plausible defaults; every field can be overridden.
func makeMessage(
    uid: UID? = nil, flags: Set<Flag> = [], date: Date = Date(timeIntervalSince1970: 1_700_000_000),
    size: Int = 1000, from: String = "Alice <alice@example.org>", to: String = "Bob <bob@example.org>",
    cc: String = "", bcc: String = "", subject: String = "Hello", sentDate: Date? = nil,
    messageID: String? = nil, inReplyTo: String? = nil, references: [String] = [],
    headerText: String? = nil, bodyText: String = "Just some text.", name: String = UUID().uuidString
) -> NewMessage {
    let header = headerText ?? "From: \(from)\r\nTo: \(to)\r\nSubject: \(subject)\r\n"
    TestBodies.register(bodyText, fileName: name + ":2,")
    return NewMessage(
        uid: uid, flags: flags, internalDate: date, size: size, virtualSize: size + 20,
        baseName: name, fileName: name + ":2,",
        headers: HeaderValues(from: from, to: to, cc: cc, bcc: bcc, subject: subject, sentDate: sentDate,
                              messageID: messageID, inReplyTo: inReplyTo, references: references, headerText: header),
        envelope: "(NIL \"\(subject)\")", bodyStructure: "(\"text\" \"plain\" NIL NIL NIL \"7bit\" 10 1 NIL NIL NIL NIL)",
        body: "(\"text\" \"plain\" NIL NIL NIL \"7bit\" 10 1)")
}
