import Foundation
import MaildexTesting
import Testing

@Suite(.enabled(if: CLI.isBuilt, "build mailadm first (scripts/test.sh does)"))
struct MailadmTests {
    @Test func userLifecycle() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = CLI(data: dir.path("data"))
        let add = try cli.run(["user", "add", "alice", "--password-stdin"], stdin: "s3cret\n")
        #expect(add.status == 0, "\(add.stderr)")
        let dup = try cli.run(["user", "add", "Alice", "--password-stdin"], stdin: "x\n")
        #expect(dup.status == 1 && dup.stderr == "mailadm: user 'alice' already exists\n")
        let list = try cli.run(["user", "list"])
        #expect(list.stdout.contains("alice") && list.stdout.contains("SHA512-CRYPT"))
        let show = try cli.run(["user", "show", "alice", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        #expect((json?["user"] as? [String: Any])?["scheme"] as? String == "SHA512-CRYPT")
        #expect((json?["mailboxes"] as? [Any])?.count == 6)
        #expect(!show.stdout.contains("$6$"), "hashes never printed")
        let missing = try cli.run(["user", "show", "bob"])
        #expect(missing.status == 1 && missing.stderr == "mailadm: no such user 'bob'\n")
        let bad = try cli.run(["user", "add", "../etc", "--password-stdin"], stdin: "x\n")
        #expect(bad.status == 1 && bad.stderr.contains("invalid user name"))
        #expect(try cli.run(["user", "passwd", "alice", "--password-stdin"], stdin: "new\n").status == 0)
        #expect(try cli.run(["user", "del", "alice"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.path("data/users/alice")))
    }

    @Test func pwPrintsDoveadmStyleHashes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = CLI(data: dir.path("data"))
        let out = try cli.run(["pw", "-s", "SHA512-CRYPT", "-p", "secret"], withData: false)
        #expect(out.status == 0 && out.stdout.hasPrefix("{SHA512-CRYPT}$6$"))
        let hash = out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try cli.run(["pw", "-t", hash, "-p", "secret"], withData: false).status == 0)
        #expect(try cli.run(["pw", "-t", hash, "-p", "wrong"], withData: false).status == 1)
        #expect(try cli.run(["pw", "-s", "NOPE", "-p", "x"], withData: false).status == 1)
    }

    @Test func mailboxesImportAndIndex() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = CLI(data: dir.path("data"))
        try cli.run(["user", "add", "alice", "--password-stdin"], stdin: "pw\n")
        #expect(try cli.run(["mailbox", "create", "alice", "Archive/2024"]).status == 0)
        #expect(try cli.run(["mailbox", "list", "alice"]).stdout.contains("Archive/2024"))
        // An mbox with garbage before the first From_ line and three messages.
        let mbox = """
            garbage line
            From bob@example.org Thu Nov 29 04:48:14 2026
            Subject: one
            Message-ID: <1@x>

            body one
            >From quoted

            From bob@example.org Thu Nov 29 04:48:15 2026
            Subject: two

            body two

            From bob@example.org Thu Nov 29 04:48:16 2026
            Subject: three

            body three

            """
        try mbox.write(toFile: dir.path("in.mbox"), atomically: false, encoding: .utf8)
        let imported = try cli.run(["import", "mbox", dir.path("in.mbox"), "alice", "--mailbox", "Archive/2024"])
        #expect(imported.stdout.contains("imported 3 messages"), "\(imported.stdout) \(imported.stderr)")
        #expect(imported.stdout.contains("in.mbox:1:"), "names the line it skipped")
        #expect(imported.status == 2)
        let again = try cli.run(["import", "mbox", dir.path("in.mbox"), "alice", "--mailbox", "Archive/2024", "--skip-duplicates"])
        #expect(again.stdout.contains("imported 0 messages") && again.stdout.contains("skipped 3 duplicates"))
        let status = try cli.run(["mailbox", "status", "alice", "Archive/2024", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect(json?["messages"] as? Int == 3 && json?["uidNext"] as? Int == 4)

        #expect(try cli.run(["index", "verify", "alice"]).status == 0)
        let cur = dir.path("data/users/alice/Maildir/.Archive.2024/new")
        let victim = try #require(try FileManager.default.contentsOfDirectory(atPath: cur).sorted().first)
        try FileManager.default.removeItem(atPath: cur + "/" + victim)
        let drift = try cli.run(["index", "verify", "alice"])
        #expect(drift.status == 3 && drift.stdout.contains("has no file"))
        #expect(try cli.run(["index", "rebuild", "alice"]).status == 0)
        #expect(try cli.run(["index", "verify", "alice"]).status == 0)
        #expect(try cli.run(["mailbox", "delete", "alice", "Archive/2024"]).status == 0)
        #expect(try cli.run(["mailbox", "status", "alice", "Archive/2024"]).stderr.contains("no such mailbox"))
    }
}

@Suite(.enabled(if: CLI.isBuilt, "build mailadm first (scripts/test.sh does)"))
struct MailadmDamagedIndexTests {
    @Test func verifyNamesTheDamageAndRebuildRepairsIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = CLI(data: dir.path("data"))
        try cli.run(["user", "add", "alice", "--password-stdin"], stdin: "pw\n")
        let index = dir.path("data/users/alice/Maildir/maildex-index.sqlite")
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index + suffix) }
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: index))
        let verify = try cli.run(["index", "verify", "alice"])
        #expect(verify.status == 1 && verify.stderr.contains("is damaged") && verify.stderr.contains("mailadm index rebuild alice"))
        let rebuild = try cli.run(["index", "rebuild", "alice"])
        #expect(rebuild.status == 0 && rebuild.stdout.contains("the index was damaged"), "\(rebuild.stdout) \(rebuild.stderr)")
        #expect(try cli.run(["index", "verify", "alice"]).status == 0)
    }
}

@Suite(.enabled(if: CLI.isBuilt, "build mailadm first (scripts/test.sh does)"))
struct MailadmRobustnessTests {
    /// Migrations are compiled in: a copy of the binary elsewhere, run from `/`, still works.
    @Test func copiedBinaryWorksFromAnotherDirectory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let copy = dir.path("mailadm")
        try FileManager.default.copyItem(atPath: CLI.mailadm, toPath: copy)
        let add = try ChildProcess.run(copy, ["user", "add", "carol", "--password-stdin", "--data", dir.path("data")], stdin: "pw\n", in: "/")
        #expect(add.status == 0, "\(add.stderr)")
        let list = try ChildProcess.run(copy, ["mailbox", "list", "carol", "--data", dir.path("data")], in: "/")
        #expect(list.stdout.contains("INBOX"))
    }

    /// Ctrl-C during an import stops between batches; everything stored is consistent, and a
    /// second run with --skip-duplicates imports exactly the rest.
    @Test(.timeLimit(.minutes(2))) func interruptedImportResumes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = CLI(data: dir.path("data"))
        try cli.run(["user", "add", "alice", "--password-stdin"], stdin: "pw\n")
        let total = 10_000
        var mbox = ""
        for i in 0..<total {
            mbox += "From bob@example.org Thu Nov 29 04:48:14 2026\nMessage-ID: <\(i)@bulk>\nSubject: message \(i)\n\nbody \(i)\n\n"
        }
        try mbox.write(toFile: dir.path("big.mbox"), atomically: false, encoding: .utf8)

        let process = try SpawnedProcess(CLI.mailadm, ["import", "mbox", dir.path("big.mbox"), "alice", "--no-index-text", "--data", dir.path("data")])
        Thread.sleep(forTimeInterval: 1.0)
        process.terminate(signal: SIGINT)
        let ended = process.waitUntilExit()
        let printed = process.stdout
        #expect(ended == .exited(130), "finished before the interrupt? \(ended) \(printed)")
        #expect(printed.contains("interrupted"))
        #expect(try cli.run(["index", "verify", "alice"]).status == 0)

        let resumed = try cli.run(["import", "mbox", dir.path("big.mbox"), "alice", "--skip-duplicates", "--no-index-text"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let status = try cli.run(["mailbox", "status", "alice", "INBOX", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect(json?["messages"] as? Int == total)
    }
}
