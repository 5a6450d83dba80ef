import Foundation
@testable import MaildexAdmin
import MaildexTesting
import Testing

@Suite struct QuotaArgumentTests {
    @Test(arguments: [
        ("0", Int64?.some(0)), ("512", 512), ("100K", 102_400), ("100k", 102_400), ("2M", 2 << 20),
        ("2G", 2 << 30), ("2g", 2 << 30), ("1T", 1 << 40), (" 3G ", 3 << 30), ("none", nil), ("UNLIMITED", nil),
    ])
    func storageLimits(_ text: String, _ bytes: Int64?) throws {
        #expect(try QuotaArgument.bytes(text) == bytes)
    }

    @Test(arguments: [
        ("2X", "invalid storage limit '2X': expected a number of bytes with an optional K, M, G or T suffix, or none"),
        ("-1", "invalid storage limit '-1': it cannot be negative"),
        ("-2G", "invalid storage limit '-2G': it cannot be negative"),
        ("G", "invalid storage limit 'G': expected"),
        ("--big", "invalid storage limit '--big': expected"),
        ("", "invalid storage limit '': expected"),
        ("1.5G", "invalid storage limit '1.5G': expected"),
        ("2GB", "invalid storage limit '2GB': expected"),
        ("9999999T", "invalid storage limit '9999999T': too large"),
        ("99999999999999999999", "invalid storage limit '99999999999999999999': too large"),
    ])
    func badStorageLimits(_ text: String, _ message: String) {
        #expect { try QuotaArgument.bytes(text) } throws: { "\($0)".hasPrefix(message) }
    }

    @Test func messageLimits() throws {
        #expect(try QuotaArgument.messages("1000") == 1000)
        #expect(try QuotaArgument.messages("none") == nil)
        #expect { try QuotaArgument.messages("10K") } throws: { "\($0)" == "invalid message limit '10K': expected a number of messages, or none" }
        #expect { try QuotaArgument.messages("-5") } throws: { "\($0)" == "invalid message limit '-5': it cannot be negative" }
    }

    @Test(arguments: [(Int64(0), "0 B"), (512, "512 B"), (1024, "1 KiB"), (1536, "1.5 KiB"), (2 << 30, "2 GiB"), (3 << 40, "3 TiB")])
    func describe(_ bytes: Int64, _ text: String) {
        #expect(QuotaArgument.describe(bytes) == text)
    }
}

@Suite(.enabled(if: CLI.isBuilt, "build mailadm first (scripts/test.sh does)"))
struct QuotaCommandTests {
    @Test func setQuotaAndShow() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = CLI(data: dir.path("data"))
        try cli.run(["user", "add", "alice", "--password-stdin"], stdin: "pw\n")
        let unlimited = try cli.run(["user", "show", "alice"])
        #expect(unlimited.stdout.contains("quota:     storage 0 B of unlimited, messages 0 of unlimited"), "\(unlimited.stdout)")

        let set = try cli.run(["user", "set-quota", "alice", "2G", "--messages", "1000"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "quota of alice: storage 2 GiB, messages 1000\n")
        let show = try cli.run(["user", "show", "alice"])
        #expect(show.stdout.contains("quota:     storage 0 B of 2 GiB (0%), messages 0 of 1000 (0%)"), "\(show.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run(["user", "show", "alice", "--json"]).stdout.utf8)) as? [String: Any]
        #expect((json?["user"] as? [String: Any])?["quotaBytes"] as? Int == 2 << 30)
        #expect((json?["user"] as? [String: Any])?["quotaMessages"] as? Int == 1000)
        #expect((json?["usage"] as? [String: Any])?["messages"] as? Int == 0)

        // A limit left out is kept; none clears one.
        #expect(try cli.run(["user", "set-quota", "alice", "none"]).stdout == "quota of alice: storage unlimited, messages 1000\n")
        #expect(try cli.run(["user", "set-quota", "alice", "--messages", "unlimited"]).stdout == "quota of alice: storage unlimited, messages unlimited\n")

        for (arguments, message) in [
            (["alice", "2X"], "mailadm: invalid storage limit '2X': expected a number of bytes with an optional K, M, G or T suffix, or none\n"),
            (["alice", "-1"], "mailadm: invalid storage limit '-1': it cannot be negative\n"),
            (["alice", "--messages", "-5"], "mailadm: invalid message limit '-5': it cannot be negative\n"),
            (["alice", "1G", "2G"], "mailadm: one storage limit expected, got '1G' '2G'\n"),
            (["alice", "--messages", "many"], "mailadm: invalid message limit 'many': expected a number of messages, or none\n"),
            (["alice"], "mailadm: give a storage limit (e.g. 2G, or none) and/or --messages N\n"),
            (["bob", "1G"], "mailadm: no such user 'bob'\n"),
        ] {
            let bad = try cli.run(["user", "set-quota"] + arguments)
            #expect(bad.status == 1 && bad.stderr == message, "\(arguments): \(bad.status) \(bad.stderr)")
        }
        #expect(try cli.run(["user", "show", "alice"]).stdout.contains("messages 0 of unlimited"), "bad input changed nothing")
    }
}
