import Foundation
import MaildexMIME
import Testing

/// A message for the tables: number n, dated day `date` (default n), subject "s" unless given.
private func m(_ n: UInt32, _ id: String? = nil, refs: [String] = [], irt: String? = nil,
               subject: String = "s", reply: Bool = false, date: Double? = nil) -> ThreadMessage {
    ThreadMessage(number: n, messageID: id.map { "<\($0)@x>" }, inReplyTo: irt, references: refs.map { "<\($0)@x>" },
                  baseSubject: subject, isReplyOrForward: reply, date: Date(timeIntervalSince1970: (date ?? Double(n)) * 86_400))
}

struct ThreadCase: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var messages: [ThreadMessage]
    var expected: String
}

// ORDEREDSUBJECT (RFC 5256 §4): grouped by base subject, the rest children of the first.
@Test(arguments: [
    ThreadCase(testDescription: "groups by subject, threads by first date",
               messages: [m(1, subject: "a"), m(2, subject: "b"), m(3, subject: "a"), m(4, subject: "c", date: 0), m(5, subject: "a")],
               expected: "(4)(1 (3)(5))(2)"),
    ThreadCase(testDescription: "one child inline", messages: [m(1, subject: "a"), m(2, subject: "a")], expected: "(1 2)"),
    ThreadCase(testDescription: "children by date, ties by number",
               messages: [m(1, subject: "a", date: 9), m(2, subject: "a", date: 5), m(3, subject: "a", date: 5), m(4, subject: "a", date: 1)],
               expected: "(4 (2)(3)(1))"),
    ThreadCase(testDescription: "empty subjects group too", messages: [m(1, subject: ""), m(2, subject: "x"), m(3, subject: "")],
               expected: "(1 3)(2)"),
    ThreadCase(testDescription: "nothing", messages: [], expected: ""),
])
func orderedSubject(_ c: ThreadCase) {
    #expect(MessageThreading.render(MessageThreading.orderedSubject(c.messages)) == c.expected)
}

// REFERENCES (RFC 5256 §5).
@Test(arguments: [
    ThreadCase(testDescription: "RFC 5256 §4 response example",
               messages: [m(2, "m2", subject: "a"), m(3, "m3", subject: "b"), m(4, "m4", refs: ["m3", "m6"]),
                          m(6, "m6", refs: ["m3"]), m(7, "m7", refs: ["m3", "m6", "m44"]), m(23, "m23", refs: ["m3", "m6", "m4"]),
                          m(44, "m44", refs: ["m3", "m6"]), m(96, "m96", refs: ["m3", "m6", "m44", "m7"])],
               expected: "(2)(3 6 (4 23)(44 7 96))"),
    ThreadCase(testDescription: "reply chain", messages: [m(1, "a", subject: "p"), m(2, "b", refs: ["a"]), m(3, "c", refs: ["a", "b"])],
               expected: "(1 2 3)"),
    ThreadCase(testDescription: "branches", messages: [m(1, "a", subject: "p"), m(2, "b", refs: ["a"]), m(3, "c", refs: ["a"]), m(4, "d", refs: ["a", "b"])],
               expected: "(1 (2 4)(3))"),
    ThreadCase(testDescription: "reply chain delivered backwards",
               messages: [m(1, "c", refs: ["a", "b"], date: 3), m(2, "b", refs: ["a"], date: 2), m(3, "a", subject: "p", date: 1)],
               expected: "(3 2 1)"),
    ThreadCase(testDescription: "In-Reply-To without References", messages: [m(1, "a", subject: "p"), m(2, "b", irt: "<a@x> (text) <z@x>", subject: "q")],
               expected: "(1 2)"),
    ThreadCase(testDescription: "missing root: a dummy with two children",
               messages: [m(1, "b", refs: ["x"], subject: "p"), m(2, "c", refs: ["x"], subject: "q")],
               expected: "((1)(2))"),
    ThreadCase(testDescription: "missing root with one child: promoted", messages: [m(1, "b", refs: ["x"])], expected: "(1)"),
    ThreadCase(testDescription: "missing middle: pruned", messages: [m(1, "a", subject: "p"), m(2, "c", refs: ["a", "b"], subject: "q")],
               expected: "(1 2)"),
    ThreadCase(testDescription: "dummy dated by its first child",
               messages: [m(1, "a", subject: "p", date: 5), m(2, "b", refs: ["x"], subject: "q", date: 9), m(3, "c", refs: ["x"], subject: "r", date: 2)],
               expected: "((3)(2))(1)"),
    ThreadCase(testDescription: "subject: a reply under the original",
               messages: [m(1, "a", subject: "x"), m(2, "b", subject: "x", reply: true)], expected: "(1 2)"),
    ThreadCase(testDescription: "subject: the reply first, still under the original",
               messages: [m(1, "b", subject: "x", reply: true), m(2, "a", subject: "x")], expected: "(2 1)"),
    ThreadCase(testDescription: "subject: two originals under a dummy",
               messages: [m(1, "a", subject: "x"), m(2, "b", subject: "x"), m(3, "c", subject: "x")], expected: "((1)(2)(3))"),
    ThreadCase(testDescription: "subject: two replies under a dummy",
               messages: [m(1, "a", subject: "x", reply: true), m(2, "b", subject: "x", reply: true)], expected: "((1)(2))"),
    ThreadCase(testDescription: "subject: a root under a dummy of the same subject",
               messages: [m(1, "b", refs: ["x"], subject: "t"), m(2, "c", refs: ["x"], subject: "t"), m(3, "d", subject: "t")],
               expected: "((1)(2)(3))"),
    ThreadCase(testDescription: "subject: empty subjects never merge",
               messages: [m(1, "a", subject: ""), m(2, "b", subject: "")], expected: "(1)(2)"),
    ThreadCase(testDescription: "no Message-ID", messages: [m(1, subject: "p"), m(2, subject: "q")], expected: "(1)(2)"),
    ThreadCase(testDescription: "loop between two messages",
               messages: [m(1, "a", refs: ["b"]), m(2, "b", refs: ["a"])], expected: "(2 1)"),
    ThreadCase(testDescription: "loop inside References", messages: [m(1, "a", refs: ["x", "y", "x"])], expected: "(1)"),
    ThreadCase(testDescription: "own Message-ID in References", messages: [m(1, "a", refs: ["a"]), m(2, "b", refs: ["a", "b"], subject: "q")],
               expected: "(1 2)"),
    ThreadCase(testDescription: "duplicate Message-ID: the second stands alone",
               messages: [m(1, "a", subject: "p"), m(2, "a", subject: "q"), m(3, "b", refs: ["a"], subject: "r")],
               expected: "(1 3)(2)"),
    ThreadCase(testDescription: "siblings of one date by number",
               messages: [m(1, "a", subject: "p"), m(3, "c", refs: ["a"], date: 4), m(2, "b", refs: ["a"], date: 4)],
               expected: "(1 (2)(3))"),
    ThreadCase(testDescription: "nothing", messages: [], expected: ""),
])
func references(_ c: ThreadCase) {
    #expect(MessageThreading.render(MessageThreading.references(c.messages)) == c.expected)
}

// A reply chain far deeper than any stack allows in recursion: built, sorted and rendered iteratively.
@Test func longReplyChainDoesNotOverflow() {
    var messages = [m(1, "m1", subject: "p")]
    for n in 2...10000 as ClosedRange<UInt32> { messages.append(m(n, "m\(n)", refs: ["m\(n - 1)"])) }
    let expected = "(" + (1...10000).map(String.init).joined(separator: " ") + ")"
    #expect(MessageThreading.render(MessageThreading.references(messages)) == expected)
}

@Test(arguments: [
    ("Re: budget", true), ("budget", false), ("[list] Re: budget", true), ("RE [2]: budget", true),
    ("budget (fwd)", true), ("[fwd: budget]", true), ("Fwd: budget", true), ("fw:budget", true),
    ("[list] budget", false), ("Reply needed", false), ("", false),
])
func replyOrForward(_ subject: String, _ expected: Bool) {
    #expect(SortKeys.isReplyOrForward(subject) == expected)
}

// The `thread-list` syntax (RFC 5256 §4) of hand-made forests, including indexes out of range.
@Test(arguments: [
    (ThreadForest(nodes: [.init(number: 1, children: [1]), .init(number: 2)], roots: [0]), "(1 2)"),
    (ThreadForest(nodes: [.init(number: nil, children: [1, 2]), .init(number: 2), .init(number: 3, children: [3]), .init(number: 4)], roots: [0]),
     "((2)(3 4))"),
    (ThreadForest(nodes: [.init(number: 1, children: [1]), .init(number: nil, children: [2, 3]), .init(number: 2), .init(number: 3)], roots: [0]),
     "(1 (2)(3))"),
    (ThreadForest(nodes: [.init(number: 1, children: [7])], roots: [0, 9]), "(1)"),
    (ThreadForest(), ""),
])
func render(_ forest: ThreadForest, _ expected: String) {
    #expect(MessageThreading.render(forest) == expected)
}
