import Foundation
import Testing
import MaildexTesting
@testable import MaildexMaildir

/// `POSIX.list` reads each name in place from readdir's buffer. It used to copy the whole 256-byte
/// `d_name`, which reads past the buffer when a short record is the last one in it:
/// `scripts/sanitize.sh address` reported a heap-buffer-overflow. Under ASan the 2,000 short names
/// (more than glibc's 32 KiB buffer holds, so it fills to its end) fail on that code.
struct POSIXListTests {
    @Test(arguments: [(count: 1, length: 1), (count: 255, length: 255), (count: 2_000, length: 8)])
    func listReturnsEveryName(count: Int, length: Int) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var expected: Set<String> = ["sub.dir"]
        for n in 0..<count {   // names of many lengths up to `length`
            let digits = String(n)
            let name = String(repeating: "n", count: max(0, (n % length) + 1 - digits.count)) + digits
            #expect(FileManager.default.createFile(atPath: dir.path(name), contents: nil))
            expected.insert(name)
        }
        try FileManager.default.createDirectory(atPath: dir.path("sub.dir"), withIntermediateDirectories: false)
        let listed = try POSIX.list(dir.path)
        #expect(Set(listed.map(\.name)) == expected)
        #expect(listed.count == expected.count)
        #expect(listed.first { $0.name == "sub.dir" }?.isDirectory != false)
        #expect(listed.filter { $0.name != "sub.dir" }.allSatisfy { $0.isDirectory != true })
    }
}
