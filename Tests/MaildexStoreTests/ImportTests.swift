import Foundation
import MaildexCore
import MaildexIndex
import MaildexMbox
import MaildexStore
import MaildexTesting
import Testing

@Suite struct ImportTests {
    @Test func mboxImportSkipsDuplicatesOnSecondRun() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let path = f.dir.path("in.mbox")
        var writer = try MboxWriter(path: path)
        for i in 0..<7 {
            try writer.append(StoreFixture.message(subject: "m\(i)", body: "From the start\r\nline", id: "\(i)@x"),
                              sender: "bob@example.org", date: Date(timeIntervalSince1970: 1_600_000_000 + Double(i)))
        }
        try writer.close()
        let first = try await MboxImporter(path: path, batchSize: 3).run(into: f.user)
        #expect(first.imported == 7 && first.problems.isEmpty)
        let again = try await MboxImporter(path: path, skipDuplicates: true).run(into: f.user)
        #expect(again.imported == 0 && again.duplicates == 7)
        let bytes = try await f.user.read(UID(1), in: .inbox)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\r\nFrom the start"))
        let row = try #require(try await f.user.messages(in: .inbox).first)
        #expect(row.internalDate == Date(timeIntervalSince1970: 1_600_000_000))
    }

    @Test func dovecotMaildirKeepsUIDValidityUIDsFlagsAndKeywords() async throws {
        let f = try await StoreFixture()
        defer { f.dir.remove() }
        let src = f.dir.path("dovecot")
        for sub in ["cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp"] {
            try FileManager.default.createDirectory(atPath: src + "/" + sub, withIntermediateDirectories: true)
        }
        let a = "1600000000.M1P1.old,S=100,W=104:2,Sa", b = "1600000001.M2P1.old,S=100,W=104:2,"
        try Data(StoreFixture.message(subject: "a")).write(to: URL(fileURLWithPath: src + "/cur/" + a))
        try Data(StoreFixture.message(subject: "b")).write(to: URL(fileURLWithPath: src + "/cur/" + b))
        try "0 $Forwarded\n".write(toFile: src + "/dovecot-keywords", atomically: false, encoding: .utf8)
        try "3 V1234567 N43 G0123456789abcdef0123456789abcdef\n17 :1600000000.M1P1.old,S=100,W=104\n42 W104 :1600000001.M2P1.old\n"
            .write(toFile: src + "/dovecot-uidlist", atomically: false, encoding: .utf8)
        let report = try await MaildirImporter(source: src).run(into: f.user)
        #expect(report.folders.first { $0.name == .inbox }?.keptUIDs == true, "\(report.folders.map { "\($0.name) \($0.note ?? "")" })")
        let status = try await f.user.status(.inbox)
        #expect(status.uidValidity == UIDValidity(1_234_567) && status.uidNext == UID(43))
        let rows = try await f.user.messages(in: .inbox)
        #expect(rows.map(\.uid.rawValue) == [17, 42])
        #expect(rows[0].flags == [.seen, .keyword("$Forwarded")])
    }
}
