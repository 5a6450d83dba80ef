import MaildexCore
import Testing

@Suite struct NumberSetTests {
    @Test(arguments: [
        ("1:4,7,9:*", 12, [1...4, 7...7, 9...12]),
        ("*", 5, [5...5]),
        ("7:3", 10, [3...7]),
        ("5:*", 3, [3...5]),          // * smaller than the start: the range runs 3..5 (RFC 3501 §9)
        ("1,2,3,5", 10, [1...3, 5...5]),
        ("1:*", 0, []),
        ("*", 0, []),
    ] as [(String, UInt32, [ClosedRange<UInt32>])])
    func resolves(_ text: String, _ largest: UInt32, _ expected: [ClosedRange<UInt32>]) throws {
        let set = try #require(NumberSet(parsing: text))
        #expect(set.resolved(largest: largest) == expected)
        #expect(set.description == text)
    }

    @Test(arguments: ["", "0", "1:", ":5", "1,,2", "a", "1:2:3", "-1", "4294967296", " 1"])
    func refuses(_ text: String) {
        #expect(NumberSet(parsing: text) == nil)
    }

    @Test func fromNumbers() {
        #expect(NumberSet([5, 1, 2, 3, 9, 9]).description == "1:3,5,9")
        #expect(NumberSet.all.contains(42, largest: 50))
    }
}
