import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Waits for SIGINT or SIGTERM (a graceful stop), without blocking a thread.
enum Termination {
    static func wait() async {
        let queue = DispatchQueue(label: "maildexd.signals")
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                var resumed = false
                var sources: [any DispatchSourceSignal] = []
                for number in [SIGINT, SIGTERM] {
                    signal(number, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                    source.setEventHandler {
                        guard !resumed else { return }
                        resumed = true
                        sources.forEach { $0.cancel() }
                        continuation.resume()
                    }
                    source.resume()
                    sources.append(source)
                }
                Termination.keep(sources)
            }
        }
    }

    /// Calls `action` on each SIGHUP (reload), until the process ends.
    static func onHangUp(_ action: @escaping @Sendable () -> Void) {
        // Ignored at once, so a SIGHUP that comes before the source is ready does not end the process.
        signal(SIGHUP, SIG_IGN)
        let queue = DispatchQueue(label: "maildexd.sighup")
        queue.sync {
            let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
            source.setEventHandler(handler: action)
            source.resume()
            hangUp = source
        }
    }

    nonisolated(unsafe) private static var hangUp: (any DispatchSourceSignal)?

    /// Keeps the signal sources alive while waiting.
    nonisolated(unsafe) private static var kept: [any DispatchSourceSignal] = []
    private static func keep(_ sources: [any DispatchSourceSignal]) { kept = sources }
}
