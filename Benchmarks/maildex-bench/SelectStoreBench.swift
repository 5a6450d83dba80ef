import ArgumentParser
import Foundation
import MaildexCore
import MaildexIndex
import MaildexStore

/// `maildex-bench select-store`: SELECT's store work (summary and \Recent claim) on a large
/// INBOX, and `STORE 1:* +FLAGS (\Flagged)` / `-FLAGS` on a smaller one, timed in process CPU
/// time (stable on a busy machine), median of `runs`.
struct SelectStoreBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "select-store", abstract: "SELECT and STORE 1:* benchmark for the Maildex store.")

    @Option(help: "Messages in the INBOX that is selected.") var selectMessages = 100_000
    @Option(help: "Messages in the INBOX whose flags are stored.") var storeMessages = 10_000
    @Option(help: "Repetitions (the median is reported).") var runs = 9
    @Option(help: "Work directory (default: a new directory under /tmp, removed afterwards).") var workdir: String?

    func run() async throws {
        let dir = workdir ?? NSTemporaryDirectory() + "maildex-select-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { if workdir == nil { try? FileManager.default.removeItem(atPath: dir) } }
        let store = try MailStore(configuration: StoreConfiguration(dataDirectory: dir + "/data"))

        let big = try await fixture(store, user: "select", messages: selectMessages)
        _ = try await big.snapshot(of: .inbox)
        let select = try await median {
            let (_, snapshot) = try await big.snapshot(of: .inbox)
            if let last = snapshot.uids.last { _ = try await big.claimRecent(in: .inbox, from: .min, through: last) }
        }
        report("SELECT \(selectMessages) (snapshot + recent claim)", select)

        let small = try await fixture(store, user: "store", messages: storeMessages)
        let uids = try await small.messages(in: .inbox).map(\.uid)
        var add = true
        let storeTime = try await median {
            _ = try await small.setFlags([.flagged], add ? .add : .remove, uids: uids, in: .inbox)
            add.toggle()
        }
        report("STORE 1:\(storeMessages) +/-FLAGS (\\Flagged)", storeTime)
    }

    /// A user whose INBOX holds `messages` small files, indexed, bodies indexed.
    func fixture(_ store: MailStore, user: String, messages: Int) async throws -> UserStore {
        let record = try await store.addUser(Username(user), passwordHash: "{PLAIN}x")
        let userStore = try store.userStore(for: record)
        let cur = store.location(of: record).maildir + "/cur"
        let now = Int(Date().timeIntervalSince1970) - messages
        for n in 0..<messages {
            let body = "From: a\(n % 97)@example.com\r\nTo: \(user)@example.com\r\nSubject: message \(n)\r\nMessage-ID: <\(n)@bench>\r\n\r\nHello \(n).\r\n"
            let flags = n < messages - 100 ? "S" : ""
            let name = "\(now + n).M\(n)P1Q1.bench,S=\(body.utf8.count),W=\(body.utf8.count):2,\(flags)"
            try Data(body.utf8).write(to: URL(fileURLWithPath: cur + "/" + name))
        }
        try await userStore.synchronize(.inbox, force: true)
        while try await userStore.indexPendingBodies(limit: 5_000) > 0 {}
        return userStore
    }

    func median(_ body: () async throws -> Void) async throws -> (cpu: Double, wall: Double) {
        var cpu: [Double] = [], wall: [Double] = []
        for _ in 0..<runs {
            let c = cpuSeconds(), w = Date()
            try await body()
            cpu.append((cpuSeconds() - c) * 1000)
            wall.append(Date().timeIntervalSince(w) * 1000)
        }
        return (cpu.sorted()[runs / 2], wall.sorted()[runs / 2])
    }

    func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    func report(_ label: String, _ t: (cpu: Double, wall: Double)) {
        print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "median CPU %.2f ms, wall %.2f ms", t.cpu, t.wall))
        fflush(nil)
    }
}
