import MaildexCore
import MaildexIMAPCodec
import Testing

/// One command's bytes and what it must parse to: a command, or an error with its tag and a
/// fragment of its message.
struct ParseFixture: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let expected: Result<IMAPCommandKind, ExpectedError>

    struct ExpectedError: Error, Sendable {
        var tag: String?
        var fragment: String
    }

    var testDescription: String { String(decoding: bytes.prefix(80), as: UTF8.self).debugDescription }

    /// A command with tag `a`.
    static func ok(_ line: String, _ kind: IMAPCommandKind) -> Self {
        .init(bytes: Array(line.utf8), expected: .success(kind))
    }

    static func bad(_ line: String, tag: String? = "a", _ fragment: String) -> Self {
        .init(bytes: Array(line.utf8), expected: .failure(ExpectedError(tag: tag, fragment: fragment)))
    }

    static func bad(bytes: [UInt8], tag: String? = "a", _ fragment: String) -> Self {
        .init(bytes: bytes, expected: .failure(ExpectedError(tag: tag, fragment: fragment)))
    }

    func check(sourceLocation: SourceLocation = #_sourceLocation) {
        let result = Result { () throws(IMAPParseError) -> IMAPCommand in try IMAPCommandParser.parse(bytes) }
        switch (result, expected) {
        case (.success(let command), .success(let kind)):
            #expect(command == IMAPCommand(tag: "a", kind: kind), sourceLocation: sourceLocation)
        case (.failure(let error), .failure(let expectedError)):
            #expect(error.tag == expectedError.tag, sourceLocation: sourceLocation)
            #expect(error.message.contains(expectedError.fragment), "\(error.message)", sourceLocation: sourceLocation)
        case (.success(let command), .failure(let expectedError)):
            Issue.record("parsed as \(command), expected error \(expectedError.fragment)", sourceLocation: sourceLocation)
        case (.failure(let error), .success(let kind)):
            Issue.record("error \(error.message), expected \(kind)", sourceLocation: sourceLocation)
        }
    }
}

/// `NumberSet(parsing:)` for fixtures written by hand.
func set(_ text: String) -> NumberSet {
    NumberSet(parsing: text) ?? NumberSet([UInt32]())
}

/// The set of a FETCH, STORE, COPY, MOVE or UID EXPUNGE, for fixtures written by hand.
func seq(_ text: String) -> SequenceSet {
    .numbers(NumberSet(parsing: text) ?? NumberSet([UInt32]()))
}
