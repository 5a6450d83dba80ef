import Glibc
import Synchronization

extension SpawnedProcess {
    /// What the reader thread and the test share: the output so far, the end, and who waits for it.
    final class Shared: Sendable {
        struct State {
            var stdout: [UInt8] = []
            var stderr: [UInt8] = []
            var termination: Termination?
            var waiters: [@Sendable (Termination) -> Void] = []
        }

        let pid: Int32
        let state = Mutex(State())

        init(pid: Int32) { self.pid = pid }

        /// Calls `body` with the end once it is known (at once if it already is).
        func onTermination(_ body: @escaping @Sendable (Termination) -> Void) {
            let ended = state.withLock { state in
                if state.termination == nil { state.waiters.append(body) }
                return state.termination
            }
            if let ended { body(ended) }
        }

        /// The reader thread: feeds standard input and reads standard output and error together
        /// with `poll(2)` (a child that fills one pipe while we block on the other would deadlock),
        /// until all three are closed; then reaps the child and wakes the waiters. EINTR is retried.
        func pump(input: [UInt8], fds: (stdin: Int32, stdout: Int32, stderr: Int32)) {
            // A write to a child that closed its standard input is EPIPE, not a SIGPIPE that kills
            // the test process; a pending SIGPIPE of this thread goes with the thread.
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)

            var polled = [pollfd(fd: fds.stdin, events: Int16(POLLOUT), revents: 0),
                          pollfd(fd: fds.stdout, events: Int16(POLLIN), revents: 0),
                          pollfd(fd: fds.stderr, events: Int16(POLLIN), revents: 0)]
            func finish(_ index: Int) {
                close(polled[index].fd)
                polled[index].fd = -1  // poll(2) skips negative descriptors
            }
            if input.isEmpty { finish(0) }
            var written = 0
            let size = 65_536
            var buffer = [UInt8](repeating: 0, count: size)
            while polled.contains(where: { $0.fd >= 0 }) {
                guard poll(&polled, nfds_t(polled.count), -1) >= 0 else {
                    if errno == EINTR { continue }
                    break
                }
                if polled[0].fd >= 0, polled[0].revents != 0 {
                    let count = input[written...].withUnsafeBytes { write(polled[0].fd, $0.baseAddress, $0.count) }
                    if count > 0 { written += count }
                    if written == input.count || (count < 0 && errno != EINTR && errno != EAGAIN) { finish(0) }
                }
                for index in 1...2 where polled[index].fd >= 0 && polled[index].revents != 0 {
                    let count = read(polled[index].fd, &buffer, size)
                    if count > 0 {
                        state.withLock { state in
                            if index == 1 { state.stdout += buffer[..<count] } else { state.stderr += buffer[..<count] }
                        }
                    } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                        finish(index)
                    }
                }
            }
            for index in polled.indices where polled[index].fd >= 0 { finish(index) }

            // Wait without reaping, then reap under the lock: until then the id is still the
            // child's (a zombie), so terminate(signal:) can never signal a process that reused it.
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
            let (ended, waiters) = state.withLock { state in
                var status: Int32 = 0
                let ended = waitpid(pid, &status, WNOHANG) == pid ? Termination(waitStatus: status) : .exited(-1)
                state.termination = ended
                defer { state.waiters = [] }
                return (ended, state.waiters)
            }
            for waiter in waiters { waiter(ended) }
        }
    }
}
