public import Glibc
import Dispatch
import Synchronization

/// A child process started for a test with `posix_spawn(3)`: standard input fed from a string and
/// then closed, standard output and error collected as they come by a thread of its own, the exit
/// status collected by that thread too (no zombie is left behind, even when nobody waits).
///
/// ```swift
/// let daemon = try SpawnedProcess("/path/to/maildexd", ["-c", conf])
/// // … talk to it, read daemon.stdout …
/// daemon.terminate()                      // SIGTERM
/// let end = await daemon.wait()           // .exited(0)
/// ```
///
/// A process still running when the last reference goes is killed (SIGKILL).
public final class SpawnedProcess: Sendable {
    /// How the child ended (`waitpid(2)`).
    public enum Termination: Equatable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        /// The exit status, or 128 + the signal number as a shell reports it. `.exited(-1)` when the
        /// status was lost (something else in the process reaped the child).
        public var status: Int32 {
            switch self {
            case .exited(let code): code
            case .signalled(let signal): 128 + signal
            }
        }

        public var description: String {
            switch self {
            case .exited(let code): "exit status \(code)"
            case .signalled(let signal): "killed by signal \(signal)"
            }
        }

        init(waitStatus: Int32) {
            let signal = waitStatus & 0x7f
            self = signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
        }
    }

    /// The child's process id; it stays the child's until ``termination`` is set.
    public let pid: Int32
    let shared: Shared

    /// Starts `executable arguments…` (an absolute path; in `directory` when given) with the
    /// parent's environment. Throws ``SpawnError`` naming the executable when it cannot start.
    public init(_ executable: String, _ arguments: [String], stdin: String? = nil, in directory: String? = nil) throws {
        var pipes: [(read: Int32, write: Int32)] = []
        let pid: Int32
        do {
            for _ in 0..<3 { pipes.append(try PosixSpawn.pipe(for: executable)) }
            pid = try PosixSpawn.spawn(executable, arguments, in: directory,
                                       stdin: pipes[0].read, stdout: pipes[1].write, stderr: pipes[2].write)
        } catch {
            for pipe in pipes { close(pipe.read); close(pipe.write) }
            throw error
        }
        close(pipes[0].read); close(pipes[1].write); close(pipes[2].write)
        _ = fcntl(pipes[0].write, F_SETFL, fcntl(pipes[0].write, F_GETFL) | O_NONBLOCK)
        self.pid = pid
        shared = Shared(pid: pid)
        let input = Array((stdin ?? "").utf8), shared = shared
        let fds = (stdin: pipes[0].write, stdout: pipes[1].read, stderr: pipes[2].read)
        do {
            try Self.detachThread { shared.pump(input: input, fds: fds) }
        } catch {
            Glibc.kill(pid, SIGKILL)
            close(fds.stdin); close(fds.stdout); close(fds.stderr)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            throw SpawnError(executable: executable, directory: directory, call: "pthread_create", code: error.code)
        }
    }

    deinit { terminate(signal: SIGKILL) }

    /// Everything the child has written to standard output so far.
    public var stdout: String { String(decoding: shared.state.withLock { $0.stdout }, as: UTF8.self) }
    /// Everything the child has written to standard error so far.
    public var stderr: String { String(decoding: shared.state.withLock { $0.stderr }, as: UTF8.self) }

    /// How the child ended, once it has exited and its output is all read; nil until then.
    public var termination: Termination? { shared.state.withLock { $0.termination } }
    public var isRunning: Bool { termination == nil }

    /// Sends `signal` (SIGTERM unless told; SIGHUP to reload a daemon) unless the child has already
    /// been waited for, so the signal can never reach another process that reused the id.
    public func terminate(signal: Int32 = SIGTERM) {
        shared.state.withLock { state in
            if state.termination == nil { _ = Glibc.kill(pid, signal) }
        }
    }

    /// Waits for the end without blocking one of Swift concurrency's threads.
    public func wait() async -> Termination {
        await withCheckedContinuation { continuation in
            shared.onTermination { continuation.resume(returning: $0) }
        }
    }

    /// Waits for the end, blocking the calling thread.
    public func waitUntilExit() -> Termination {
        let ended = DispatchSemaphore(value: 0)
        shared.onTermination { _ in ended.signal() }
        ended.wait()
        return termination ?? .exited(-1)
    }

    private struct ThreadError: Error { var code: Int32 }

    /// Runs `body` on a new detached thread.
    private static func detachThread(_ body: @escaping @Sendable () -> Void) throws(ThreadError) {
        final class Body { let run: @Sendable () -> Void; init(_ run: @escaping @Sendable () -> Void) { self.run = run } }
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread: pthread_t = 0
        let code = pthread_create(&thread, nil, { context in
            context.map { Unmanaged<Body>.fromOpaque($0).takeRetainedValue().run() }
            return nil
        }, context)
        guard code == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw ThreadError(code: code)
        }
        pthread_detach(thread)
    }
}
