import MaildexCore
import Testing

@Suite struct UsernameTests {
    @Test(arguments: [("alice", "alice", "alice", ""), ("Bob@Example.COM", "bob@example.com", "bob", "example.com"),
                      ("a.b-c_d+e", "a.b-c_d+e", "a.b-c_d+e", ""), ("josé", "josé", "josé", "")])
    func valid(_ input: String, _ normalised: String, _ local: String, _ domain: String) throws {
        let user = try Username(input)
        #expect(user.rawValue == normalised && user.localPart == local && user.domain == domain)
    }

    @Test(arguments: ["", "../etc", "a/b", ".hidden", "-flag", "a..b", "nul\0byte", "space here", "semi;colon", String(repeating: "x", count: 256)])
    func invalid(_ input: String) {
        #expect(throws: InvalidUsername.self) { try Username(input) }
    }

    @Test func errorNamesTheCharacter() {
        #expect(throws: InvalidUsername(name: "a/b", reason: "character '/' is not allowed")) { try Username("a/b") }
        #expect(throws: InvalidUsername(name: "a\tb", reason: "character U+0009 is not allowed")) { try Username("a\tb") }
    }
}
