import Foundation
import MaildexCore
import MaildexStore
import MaildexTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Run as root (maildexd with system users, `sudo mailadm`), what the store creates takes the owner
/// and group of the directory it is created in: a system user's home gives the user their Maildir.
@Suite(.enabled(if: getuid() == 0, "needs root: only root can give files to another user"))
struct InheritedOwnerTests {
    @Test func aMaildirInAUsersHomeBelongsToTheUser() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let home = dir.path("home")
        let (uid, gid): (uid_t, gid_t) = (54_321, 54_322)  // no account needed: numbers are enough for chown
        #expect(mkdir(home, 0o700) == 0 && chown(home, uid, gid) == 0)
        let store = try MailStore(configuration: StoreConfiguration(dataDirectory: dir.path("data")))
        let user = try store.userStore(at: MailLocation(home: home), key: "sysuser")
        _ = try await user.deliver(Array("Subject: hi\r\n\r\nhello\r\n".utf8))
        try await user.createMailbox(MailboxName("Lists/swift"))

        let maildir = home + "/Maildir"
        let message = try #require(try FileManager.default.contentsOfDirectory(atPath: maildir + "/new").first)
        let created = [maildir, maildir + "/cur", maildir + "/new", maildir + "/tmp", maildir + "/new/" + message,
                       maildir + "/maildex-index.sqlite", maildir + "/.Lists.swift", maildir + "/.Lists.swift/maildirfolder",
                       maildir + "/.Lists.swift/cur"]
        for path in created {
            var st = stat()
            #expect(lstat(path, &st) == 0 && st.st_uid == uid && st.st_gid == gid, "\(path) is \(st.st_uid):\(st.st_gid)")
        }
        // The data directory's own files stay root's, as their directory is.
        var st = stat()
        #expect(stat(dir.path("data/global.sqlite"), &st) == 0 && st.st_uid == 0)
    }
}
