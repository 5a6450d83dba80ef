import Foundation
import MaildexTesting
#if canImport(Glibc)
import Glibc
#endif

/// A `maildexd` started for a test (``SpawnedProcess``): output collected as it comes, waited for
/// without blocking Swift concurrency's threads, and killed by ``kill()`` (or when dropped) on any path.
final class DaemonProcess: Sendable {
    private let process: SpawnedProcess

    init(_ executable: String, _ arguments: [String]) throws {
        process = try SpawnedProcess(executable, arguments)
    }

    var stdout: String { process.stdout }
    var stderr: String { process.stderr }
    var isRunning: Bool { process.isRunning }
    var pid: Int32 { process.pid }

    /// Sends a signal (SIGHUP: reload).
    func send(_ signal: Int32) { process.terminate(signal: signal) }

    /// Waits until stdout (or stderr) contains `text` `count` times, the process exits, or `seconds` pass. Returns whether it appeared.
    func waitForOutput(_ text: String, count: Int = 1, inStandardError: Bool = false, seconds: Double = 30) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        func seen() -> Bool { (inStandardError ? stderr : stdout).components(separatedBy: text).count > count }
        while ContinuousClock.now < deadline {
            if seen() { return true }
            if !process.isRunning { return seen() }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Sends SIGTERM and waits (polling, up to `seconds`) for the exit status (128 + the signal
    /// when one killed it); SIGKILL and nil after that.
    func terminate(seconds: Double = 15) async throws -> Int32? {
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(seconds)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        guard let ended = process.termination else { kill(); return nil }
        return ended.status  // the output is all read by now
    }

    /// SIGKILL if still running.
    func kill() { process.terminate(signal: SIGKILL) }

    /// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then closed).
    static func freePort() -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }
}
