import MaildexCore
import Testing

@Suite struct MailboxNameTests {
    @Test(arguments: [
        ("inbox", "INBOX", ""),
        ("InBoX/Sub", "INBOX/Sub", ".INBOX.Sub"),
        ("Archive/2024", "Archive/2024", ".Archive.2024"),
        ("Archive/", "Archive", ".Archive"),
        ("Entwürfe", "Entwürfe", ".Entw&APw-rfe"),
        ("Lists/swift", "Lists/swift", ".Lists.swift"),
    ])
    func valid(_ input: String, _ normalised: String, _ folder: String) throws {
        let name = try MailboxName(input)
        #expect(name.rawValue == normalised)
        #expect(name.maildirFolderName == folder)
        #expect(try MailboxName(maildirFolderName: folder) == name)
    }

    @Test(arguments: ["", "a//b", "/lead", "v1.2", "star*", "per%cent", "tab\tname", "back\\slash", "~home", "a/~b"])
    func invalid(_ input: String) {
        #expect(throws: InvalidMailboxName.self) { try MailboxName(input) }
    }

    @Test func hierarchy() throws {
        let child = try MailboxName("Work/2024/Q1")
        #expect(child.parent == (try MailboxName("Work/2024")))
        #expect(child.isDescendant(of: try MailboxName("Work")))
        #expect(!(try MailboxName("Workshop")).isDescendant(of: try MailboxName("Work")))
        #expect(child.replacingPrefix(try MailboxName("Work"), with: try MailboxName("Old")).rawValue == "Old/2024/Q1")
        #expect(try MailboxName(modifiedUTF7: "&ZeVnLIqe-").rawValue == "日本語")
        #expect(MailboxName.inbox < (try MailboxName("Archive")))
    }

    @Test func maildirFolderNamesMustStartWithADot() {
        #expect(throws: InvalidMailboxName.self) { try MailboxName(maildirFolderName: "Archive") }
    }
}
