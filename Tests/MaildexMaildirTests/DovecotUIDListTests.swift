import Testing
import MaildexCore
import MaildexMaildir

struct DovecotUIDListTests {
    @Test func version3() throws {
        let text = """
            3 V1275660208 N25022 G3085f01b7f11094c501100008c4a11c1
            25006 W2048 :1276528487.M364837P9451.kurkku,S=1977:2,S
            25017 :1276529136.M130477P9511.kurkku,S=1360,W=1388
            25020 S1200 W1234 P0000abc :1276529200.M1P2.host

            """
        let list = try DovecotUIDList(parsing: text)
        #expect(list.version == 3)
        #expect(list.uidValidity == UIDValidity(1275660208))
        #expect(list.nextUID == UID(25022))
        #expect(list.guid == "3085f01b7f11094c501100008c4a11c1")
        #expect(list.records == [
            .init(uid: UID(25006), fileName: "1276528487.M364837P9451.kurkku,S=1977:2,S", fields: ["W": "2048"]),
            .init(uid: UID(25017), fileName: "1276529136.M130477P9511.kurkku,S=1360,W=1388"),
            .init(uid: UID(25020), fileName: "1276529200.M1P2.host", fields: ["S": "1200", "W": "1234", "P": "0000abc"]),
        ])
        #expect(list.records[0].base == "1276528487.M364837P9451.kurkku")
    }

    @Test func version3WithoutGUIDAndLowNextUID() throws {
        let list = try DovecotUIDList(parsing: "3 V5 N2\n1 :a\n7 :b\n")
        #expect(list.guid == nil)
        #expect(list.nextUID == UID(8), "next UID is raised above the last record")
    }

    @Test func version1() throws {
        let list = try DovecotUIDList(parsing: "1 1100000000 4\n1 1100000000.1234_0.host:2,S\n3 1100000001.1235_0.host\n")
        #expect(list.version == 1)
        #expect(list.uidValidity == UIDValidity(1100000000))
        #expect(list.nextUID == UID(4))
        #expect(list.records.map(\.uid) == [UID(1), UID(3)])
        #expect(list.records[0].fileName == "1100000000.1234_0.host:2,S")
        #expect(list.records[0].base == "1100000000.1234_0.host")
    }

    @Test(arguments: [
        ("", 1),
        ("2 V1 N1\n", 1),
        ("3 N5\n", 1),
        ("3 V0 N5\n", 1),
        ("3 V1 N5 Gnothex\n", 1),
        ("1 100\n", 1),
        ("3 V1 N5\n1 :a\nx :b\n", 3),
        ("3 V1 N5\n1 :a\n0 :b\n", 3),
        ("3 V1 N5\n2 :a\n2 :b\n", 3),
        ("3 V1 N5\n1 w12 :a\n", 2),
        ("3 V1 N5\n1 W12 a\n", 2),
        ("3 V1 N5\n1 :\n", 2),
        ("3 V1 N5\n1 :a/b\n", 2),
        ("3 V1 N5\n1\n", 2),
        ("1 7 3\n1 a\n3 b\n", 3),
    ])
    func malformed(_ text: String, _ line: Int) {
        #expect(throws: DovecotUIDListError.self) { try DovecotUIDList(parsing: text) }
        do {
            _ = try DovecotUIDList(parsing: text)
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.description.hasPrefix("dovecot-uidlist line \(line): "))
        }
    }
}
