import Dispatch
@testable import Maildex
import NIOCore
import NIOPosix
import Testing

/// A session's task resumes on its event loop after a continuation, not on the global pool.
@Suite struct EventLoopTaskExecutorTests {
    /// Waits on a continuation that another thread resumes, then reports whether the code after
    /// it runs on `loop`. Nonisolated: without an executor preference it runs on the global pool.
    private static func resumedOnLoop(_ loop: any EventLoop) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(5)) { continuation.resume() }
        }
        return loop.inEventLoop
    }

    @Test func aContinuationResumesOnTheLoop() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let preferred = await Task(executorPreference: EventLoopTaskExecutor(loop)) {
            await Self.resumedOnLoop(loop)
        }.value
        let plain = await Task { await Self.resumedOnLoop(loop) }.value
        #expect(preferred, "with the preference the task goes on on the loop")
        #expect(!plain, "without it, on the global pool (the hop this executor saves)")
        try await group.shutdownGracefully()
    }
}
