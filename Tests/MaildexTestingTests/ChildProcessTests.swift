import Glibc
import MaildexTesting
import Testing

/// ChildProcess and SpawnedProcess against real programs: what a child reads and writes, how it
/// ends, and that nothing of it stays open in the test process.
@Suite(.timeLimit(.minutes(2)))
struct ChildProcessTests {
    @Test func standardInputIsFedAndClosed() async throws {
        let echoed = try await ChildProcess.run("/bin/cat", [], stdin: "one\ntwo\n")
        #expect(echoed.stdout == "one\ntwo\n" && echoed.status == 0)
        let empty = try await ChildProcess.run("/bin/cat", [])  // no input: an empty standard input, not the test's
        #expect(empty.stdout == "" && empty.status == 0)
    }

    /// 1 MB in while 1 MB comes back out: input and output go through poll(2) together.
    @Test func megabyteThroughCat() async throws {
        let input = String(repeating: "0123456789abcdef", count: 65_536)
        let echoed = try await ChildProcess.run("/bin/cat", [], stdin: input)
        #expect(echoed.stdout.utf8.count == 1_048_576 && echoed.stdout == input)
    }

    /// A child that fills its standard error before writing anything to standard output: reading
    /// one pipe to its end before the other would deadlock.
    @Test func megabyteOnStandardErrorAndOutput() async throws {
        let script = "head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 1048576 /dev/zero | tr '\\0' o"
        let result = try await ChildProcess.run("/bin/sh", ["-c", script])
        #expect(result.status == 0)
        #expect(result.stderr.utf8.count == 1_048_576 && result.stderr.utf8.allSatisfy { $0 == UInt8(ascii: "e") })
        #expect(result.stdout.utf8.count == 1_048_576 && result.stdout.utf8.allSatisfy { $0 == UInt8(ascii: "o") })
    }

    /// A child that exits without reading a large input: EPIPE for us, no SIGPIPE for the test process.
    @Test func childThatIgnoresItsInput() throws {
        let result = try ChildProcess.run("/bin/true", [], stdin: String(repeating: "x", count: 1_048_576))
        #expect(result.status == 0)
    }

    @Test(arguments: [
        ("exit 0", SpawnedProcess.Termination.exited(0), Int32(0), Int32?.none),
        ("echo out; echo err >&2; exit 3", .exited(3), 3, nil),
        ("kill -TERM $$", .signalled(SIGTERM), 128 + SIGTERM, SIGTERM),
        ("kill -KILL $$", .signalled(SIGKILL), 128 + SIGKILL, SIGKILL),
    ])
    func exitStatusAndSignal(script: String, ended: SpawnedProcess.Termination, status: Int32, signal: Int32?) async throws {
        let process = try SpawnedProcess("/bin/sh", ["-c", script])
        #expect(await process.wait() == ended)
        let result = try await ChildProcess.run("/bin/sh", ["-c", script])
        #expect(result.status == status && result.signal == signal && result.succeeded == (status == 0))
        if status == 3 { #expect(result.stdout == "out\n" && result.stderr == "err\n") }
    }

    @Test func terminateAndWait() async throws {
        let process = try SpawnedProcess("/bin/sleep", ["600"])
        #expect(process.isRunning && process.termination == nil)
        process.terminate()
        #expect(await process.wait() == .signalled(SIGTERM))
        #expect(!process.isRunning && process.termination == .signalled(SIGTERM))
        process.terminate(signal: SIGKILL)  // after the wait: not sent (the id may belong to another process)
        #expect(process.waitUntilExit() == .signalled(SIGTERM))
    }

    @Test func workingDirectory() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let real = try #require(realpath(dir.path, nil))
        defer { free(real) }
        let result = try await ChildProcess.run("/bin/pwd", ["-P"], in: dir.path)
        #expect(result.stdout == String(cString: real) + "\n")
        let current = try #require(getcwd(nil, 0))
        defer { free(current) }
        #expect(try await ChildProcess.run("/bin/pwd", ["-P"]).stdout == String(cString: current) + "\n")
    }

    @Test(arguments: [
        ("/nonexistent/maildex-tool", String?.none, "cannot run '/nonexistent/maildex-tool': posix_spawn: No such file or directory"),
        ("/bin/pwd", "/nonexistent/dir", "cannot run '/bin/pwd' in '/nonexistent/dir': posix_spawn: No such file or directory"),
        ("/etc/passwd", nil, "cannot run '/etc/passwd': posix_spawn: Permission denied"),
    ])
    func programThatCannotStart(executable: String, directory: String?, message: String) async throws {
        let error = await #expect(throws: SpawnError.self) { try await ChildProcess.run(executable, [], in: directory) }
        #expect(error?.description == message)
        #expect(throws: SpawnError.self) { try ChildProcess.run(executable, [], in: directory) }
    }

    /// The child gets standard input, output and error and nothing else of the test process, even
    /// a descriptor opened without O_CLOEXEC.
    @Test func childInheritsOnlyTheStandardDescriptors() throws {
        let inheritable = open("/dev/null", O_RDONLY)
        #expect(inheritable > 2)
        defer { close(inheritable) }
        let listed = try ChildProcess.run("/bin/ls", ["/proc/self/fd"])  // fd 3: ls's own listing
        #expect(listed.stdout.split(separator: "\n") == ["0", "1", "2", "3"], "\(listed.stdout)")
    }

    /// 200 children from 8 concurrent tasks, each naming its three pipes (`pipe:[inode]`): none of
    /// those pipes is open in the test process afterwards. (Compared by pipe, not by counting
    /// /proc/self/fd: other suites open descriptors in this process at the same time.)
    @Test func noDescriptorLeaks() async throws {
        let named = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var names: [String] = []
                    for _ in 0..<25 {
                        let result = try await ChildProcess.run("/usr/bin/readlink", ["/proc/self/fd/0", "/proc/self/fd/1", "/proc/self/fd/2"])
                        names += result.stdout.split(separator: "\n").map(String.init)
                    }
                    return names
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.formUnion($1) }
        }
        #expect(named.count == 600 && named.allSatisfy { $0.hasPrefix("pipe:[") }, "\(named.count) distinct pipes")
        let leaked = try Self.openDescriptors().intersection(named)
        #expect(leaked.isEmpty, "\(leaked.count) of the children's pipes still open, e.g. \(leaked.sorted().prefix(3))")
    }

    /// What each descriptor of this process refers to (`readlink /proc/self/fd/N`).
    static func openDescriptors() throws -> Set<String> {
        let dir = try #require(opendir("/proc/self/fd"))
        defer { closedir(dir) }
        var targets = Set<String>()
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            var target = [CChar](repeating: 0, count: 256)
            let length = readlink("/proc/self/fd/" + name, &target, 255)
            if length > 0 { targets.insert(String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)) }
        }
        return targets
    }
}
