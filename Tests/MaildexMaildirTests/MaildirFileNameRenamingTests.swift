@testable import MaildexMaildir
import MaildexCore
import Testing

/// The byte-level renaming a STORE uses gives the same name as parsing and `withFlags`.
@Suite struct MaildirFileNameRenamingTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var flags: Set<Flag>
        var keywordIndexes: [Int] = []
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "1700000000.M1P1.host,S=10,W=12", flags: [.seen]),
        Case(name: "1700000000.M1P1.host,S=10,W=12:2,", flags: [.flagged, .seen]),
        Case(name: "1700000000.M1P1.host,S=10,W=12:2,FS", flags: []),
        Case(name: "1700000000.M1P1.host,S=10,W=12:2,PRSa", flags: [.seen, .keyword("x")], keywordIndexes: [0, 3]),
        Case(name: "1700000000.M1P1.host,S=10:2,abz", flags: [.draft, .deleted], keywordIndexes: [25, 30]),
        Case(name: "1700000000.M1P1.host,X=1,S=10:1,experimental", flags: [.answered]),
        Case(name: "1700000000.M1P1.host:2,S:extra", flags: [.seen], keywordIndexes: [1]),
        Case(name: "odd name without fields", flags: [.flagged]),
    ]

    @Test(arguments: cases)
    func matchesParsing(_ c: Case) throws {
        let parsed = try #require(MaildirFileName(parsing: c.name))
        let fast = MaildirFileName.renaming(c.name, flags: c.flags, keywordIndexes: c.keywordIndexes)
        #expect(fast.name == parsed.withFlags(c.flags, keywordIndexes: c.keywordIndexes).description)
        #expect(fast.hadInfo == parsed.hasInfo)
    }
}
