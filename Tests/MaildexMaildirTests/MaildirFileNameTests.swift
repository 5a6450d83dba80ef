import Testing
import MaildexCore
@testable import MaildexMaildir

struct MaildirFileNameTests {
    struct Fixture: Sendable, CustomStringConvertible {
        var name: String
        var base: String?          // nil: the name does not parse
        var size: Int? = nil
        var virtualSize: Int? = nil
        var extra: [String] = []
        var letters = ""
        var hasInfo = false
        var description: String { name }
    }

    @Test(arguments: [
        // Dovecot's own names
        Fixture(name: "1700000000.M20046P1234.mail,S=1234,W=1260:2,Sa", base: "1700000000.M20046P1234.mail", size: 1234, virtualSize: 1260, letters: "Sa", hasInfo: true),
        Fixture(name: "1276528487.M364837P9451.kurkku,S=1977,W=2022:2,", base: "1276528487.M364837P9451.kurkku", size: 1977, virtualSize: 2022, hasInfo: true),
        Fixture(name: "1700000000.M1P2Q3.host,S=10,W=12", base: "1700000000.M1P2Q3.host", size: 10, virtualSize: 12),
        Fixture(name: "1655390418.M100238P743770V0000000000000030I00000000081274AE_0.cp.uhlhosting.ch,S=3734",
                base: "1655390418.M100238P743770V0000000000000030I00000000081274AE_0.cp.uhlhosting.ch", size: 3734),
        // other MDAs and odd names
        Fixture(name: "1234567890.12345_0.host", base: "1234567890.12345_0.host"),
        Fixture(name: "1234.host:2,FRS", base: "1234.host", letters: "FRS", hasInfo: true),
        Fixture(name: "1234.host:2,PS", base: "1234.host", letters: "PS", hasInfo: true),
        Fixture(name: "1234.host,W=5,S=4:2,S", base: "1234.host", size: 4, virtualSize: 5, letters: "S", hasInfo: true),
        Fixture(name: "1234.host,S=abc,X=1:2,T", base: "1234.host", extra: ["S=abc", "X=1"], letters: "T", hasInfo: true),
        Fixture(name: "1234.host,,S=1", base: "1234.host", size: 1, extra: [""]),
        Fixture(name: "1234.host:1,experimental", base: "1234.host"),
        Fixture(name: "1234.ho\\057st\\072x:2,", base: "1234.ho\\057st\\072x", hasInfo: true),
        Fixture(name: "no-dots-at-all", base: "no-dots-at-all"),
        Fixture(name: "", base: nil),
        Fixture(name: "a/b", base: nil),
        Fixture(name: "..", base: nil),
    ])
    func parse(_ fixture: Fixture) {
        let parsed = MaildirFileName(parsing: fixture.name)
        guard let base = fixture.base else {
            #expect(parsed == nil)
            return
        }
        guard let parsed else {
            Issue.record("\(fixture.name) did not parse")
            return
        }
        #expect(parsed.base == base)
        #expect(parsed.size == fixture.size)
        #expect(parsed.virtualSize == fixture.virtualSize)
        #expect(parsed.extraFields == fixture.extra)
        #expect(parsed.flagLetters == fixture.letters)
        #expect(parsed.hasInfo == fixture.hasInfo)
        #expect(parsed.description == fixture.name, "a parsed name formats back to itself")
    }

    @Test func lettersToFlags() throws {
        let name = try #require(MaildirFileName(parsing: "1.M1P1.h,S=1,W=1:2,DFRSTacz"))
        #expect(name.systemFlags == [.draft, .flagged, .answered, .seen, .deleted])
        #expect(name.keywordIndexes == [0, 2, 25])
    }

    @Test func flagsToLettersAreSortedAndKeepForeignLetters() throws {
        let name = try #require(MaildirFileName(parsing: "1.M1P1.h,S=1,W=2:2,PSb"))
        let changed = name.withFlags([.deleted, .answered, .keyword("x")], keywordIndexes: [3, 0, 26, -1])
        #expect(changed.flagLetters == "PRTad", "P kept, S and b dropped, 26 and -1 do not fit")
        #expect(changed.description == "1.M1P1.h,S=1,W=2:2,PRTad")
        let none = try #require(MaildirFileName(parsing: "1.M1P1.h,S=1,W=2")).withFlags([], keywordIndexes: [])
        #expect(none.description == "1.M1P1.h,S=1,W=2:2,")
    }

    @Test func uniqueNames() {
        let a = MaildirFileName.unique(hostname: "mail/x:y,z", size: 10, virtualSize: 12)
        let b = MaildirFileName.unique(hostname: "mail/x:y,z", size: 10, virtualSize: 12)
        #expect(a.base != b.base)
        #expect(a.description.hasSuffix(".mail\\057x\\072y\\054z,S=10,W=12"))
        #expect(!a.hasInfo)
        let parts = a.base.split(separator: ".")
        #expect(parts.count == 3)
        #expect(Int(parts[0]) != nil)
        #expect(parts[1].hasPrefix("M"))
        #expect(parts[1].contains("P") && parts[1].contains("Q"))
        let reparsed = MaildirFileName(parsing: a.description)
        #expect(reparsed?.base == a.base)
        #expect(reparsed?.size == 10 && reparsed?.virtualSize == 12)
    }

    @Test(arguments: [
        ("", 0), ("a", 1), ("a\n", 3), ("a\r\n", 3), ("\n\n", 4), ("x\r\ny\nz", 7),
    ])
    func virtualSize(_ text: String, _ expected: Int) {
        #expect(Array(text.utf8).virtualSize == expected)
    }
}
