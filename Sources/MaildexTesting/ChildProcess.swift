/// Runs a program to completion for a test: standard input from a string, output collected
/// (``SpawnedProcess``: `posix_spawn`, not Foundation's `Process`).
public enum ChildProcess {
    public struct Result: Sendable {
        /// The exit status, or 128 + the signal number when a signal killed the child.
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// The signal that killed the child; nil when it exited.
        public var signal: Int32?
        public var succeeded: Bool { status == 0 }

        init(_ process: SpawnedProcess, _ termination: SpawnedProcess.Termination) {
            status = termination.status
            stdout = process.stdout
            stderr = process.stderr
            if case .signalled(let number) = termination { signal = number }
        }
    }

    /// ``run(_:_:stdin:in:)`` for async tests: waits without blocking one of Swift concurrency's
    /// few threads, or an in-process server the child talks to may never get to run (2 cores: 2 threads).
    public static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, in directory: String? = nil) async throws -> Result {
        let process = try SpawnedProcess(executable, arguments, stdin: stdin, in: directory)
        return Result(process, await process.wait())
    }

    /// Runs `executable arguments…` (in `directory` when given), feeding `stdin` and then closing it.
    /// A program that cannot start is a thrown ``SpawnError`` naming it.
    public static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, in directory: String? = nil) throws -> Result {
        let process = try SpawnedProcess(executable, arguments, stdin: stdin, in: directory)
        return Result(process, process.waitUntilExit())
    }
}
