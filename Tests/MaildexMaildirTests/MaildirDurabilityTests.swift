import Foundation
import Testing
import MaildexCore
import MaildexTesting
import MaildexMaildir

/// Measures what ``Maildir/sync()`` saves over per-message fsyncs, and checks that both leave
/// every message in place. The timings are printed, not asserted (machines differ); the numbers
/// quoted in `Maildir.sync()`'s documentation come from this test.
struct MaildirDurabilityTests {
    static let count = 200

    func deliverAll(_ durability: Durability) throws -> (seconds: Double, files: Int) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let maildir = Maildir(root: dir.path("Maildir"))
        let folder = try maildir.createFolder(.inbox)
        let message = Array(("Subject: bulk\n\n" + String(repeating: "line of body text\n", count: 200)).utf8)
        let start = ContinuousClock.now
        for _ in 0..<Self.count {
            _ = try folder.deliver(message, flags: [.seen], internalDate: nil, durability: durability)
        }
        if durability == .deferred { try maildir.sync() }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (seconds, try folder.scan().count)
    }

    @Test func deferredWithOneSyncVersusImmediate() throws {
        let immediate = try deliverAll(.immediate)
        let deferred = try deliverAll(.deferred)
        #expect(immediate.files == Self.count)
        #expect(deferred.files == Self.count)
        print("maildir durability: \(Self.count) messages, immediate \(String(format: "%.3f", immediate.seconds)) s, deferred + sync() \(String(format: "%.3f", deferred.seconds)) s")
    }
}
