import Testing
@testable import MaildexMIME

@Test func dump() {
    for name in Fixture.names {
        let m = ParsedMessage(parsing: LineEndings.crlf(Fixture.bytes(name)))
        print("== \(name)")
        print("ENV " + m.envelope.imapString)
        print("BODY " + m.bodyStructure.imapString(extended: false))
        print("BS " + m.bodyStructure.imapString(extended: true))
        print("IH \(m.indexedHeaders)")
        print("TEXT \(m.bodyText.debugDescription)")
    }
}
