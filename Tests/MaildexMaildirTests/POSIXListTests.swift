import Foundation
import Testing
import MaildexTesting
@testable import MaildexMaildir

/// `POSIX.list` reads each name in place from readdir's buffer. It used to copy the whole 256-byte
/// `d_name`, which reads past a short last record: `scripts/sanitize.sh address` reported a
/// heap-buffer-overflow there. Under ASan this test fails on that code; without it, it checks names.
struct POSIXListTests {
    @Test(arguments: [1, 7, 64, 200, 255])
    func listReturnsEveryNameOfEveryLength(longest: Int) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var expected: Set<String> = []
        for length in 1...longest {   // records of every size, so some end right at the buffer's end
            let name = String(repeating: "n", count: length - 1) + String(length % 10)
            #expect(FileManager.default.createFile(atPath: dir.path(name), contents: nil))
            expected.insert(name)
        }
        try FileManager.default.createDirectory(atPath: dir.path("sub.dir"), withIntermediateDirectories: false)
        let listed = try POSIX.list(dir.path)
        #expect(Set(listed.map(\.name)) == expected.union(["sub.dir"]))
        #expect(listed.count == expected.count + 1)
        #expect(listed.first { $0.name == "sub.dir" }?.isDirectory != false)
        #expect(listed.filter { $0.name != "sub.dir" }.allSatisfy { $0.isDirectory != true })
    }
}
