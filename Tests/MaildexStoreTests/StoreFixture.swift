import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore
import MaildexTesting

/// A fresh store with one user, in a temporary directory.
struct StoreFixture {
    let dir: TemporaryDirectory
    let store: MailStore
    let user: UserStore

    init() async throws {
        dir = try TemporaryDirectory()
        store = try MailStore(configuration: StoreConfiguration(dataDirectory: dir.path("data")))
        let record = try await store.addUser(Username("alice"), passwordHash: "{PLAIN}secret")
        user = try store.userStore(for: record)
    }

    var maildir: String { user.location.maildir }

    static func message(subject: String, from: String = "Bob <bob@example.org>", body: String = "Hello there.", id: String? = nil) -> [UInt8] {
        var text = "From: \(from)\r\nTo: alice@example.com\r\nSubject: \(subject)\r\nDate: Mon, 02 Jan 2023 10:00:00 +0000\r\n"
        if let id { text += "Message-ID: <\(id)>\r\n" }
        text += "\r\n\(body)\r\n"
        return Array(text.utf8)
    }

    /// Drops a file into a folder's new/ as another MDA would.
    func dropExternally(_ bytes: [UInt8], name: String, folder: String = "") throws {
        let path = "\(maildir)/\(folder.isEmpty ? "" : folder + "/")new/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func files(_ sub: String, folder: String = "") -> [String] {
        let path = "\(maildir)/\(folder.isEmpty ? "" : folder + "/")\(sub)"
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}
