import Glibc

/// Why a child process could not be started: the executable, the directory it was to run in, the
/// call that failed and its `errno`.
public struct SpawnError: Error, CustomStringConvertible, Sendable {
    public var executable: String
    public var directory: String?
    public var call: String
    public var code: Int32

    public var description: String {
        let place = directory.map { " in '\($0)'" } ?? ""
        return "cannot run '\(executable)'\(place): \(call): \(String(cString: strerror(code)))"
    }
}

/// `posix_spawn(3)` with the child's standard input, output and error on given descriptors, every
/// other descriptor closed, default signal dispositions and an empty signal mask (the test process
/// may ignore SIGPIPE; an ignored signal would stay ignored across exec). No `fork` in Swift and no
/// listing of `/proc/self/fd` in the parent (what Foundation's `Process.run()` crashed in).
enum PosixSpawn {
    /// Starts `executable arguments…` (in `directory` when given) with the parent's environment.
    /// A missing executable or directory is a thrown ``SpawnError``: glibc's `posix_spawn` reports
    /// the child's failed `chdir` or `execve` as its own result.
    static func spawn(_ executable: String, _ arguments: [String], in directory: String?,
                      stdin: Int32, stdout: Int32, stderr: Int32) throws(SpawnError) -> Int32 {
        func failure(_ call: String, _ code: Int32) -> SpawnError {
            SpawnError(executable: executable, directory: directory, call: call, code: code)
        }
        guard let addChdir, let addClosefrom else {
            throw failure("posix_spawn_file_actions_addchdir_np/addclosefrom_np (glibc 2.34 or later)", ENOSYS)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var code = posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        if code == 0 { code = posix_spawn_file_actions_adddup2(&actions, stdout, 1) }
        if code == 0 { code = posix_spawn_file_actions_adddup2(&actions, stderr, 2) }
        if code == 0 { code = addClosefrom(&actions, 3) }
        if code == 0, let directory { code = addChdir(&actions, directory) }
        guard code == 0 else { throw failure("posix_spawn_file_actions", code) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        code = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard code == 0 else { throw failure("posix_spawn", code) }
        return pid
    }

    /// `pipe2(O_CLOEXEC)`: neither end leaks into a child spawned at the same time by another test.
    static func pipe(for executable: String) throws(SpawnError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard let pipe2 else { throw SpawnError(executable: executable, directory: nil, call: "pipe2", code: ENOSYS) }
        guard pipe2(&fds, O_CLOEXEC) == 0 else {
            throw SpawnError(executable: executable, directory: nil, call: "pipe2", code: errno)
        }
        return (fds[0], fds[1])
    }

    // glibc exports these GNU extensions (2.9, 2.29 and 2.34), but Swift's Glibc module does not declare them.
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let pipe2 = dlsym(nil, "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
    private static let addChdir = dlsym(nil, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: AddChdir.self) }
    private static let addClosefrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddClosefrom.self) }
}
