import ArgumentParser
import Foundation
import MaildexAuth
import MaildexCore

/// Authentications per second through the full path a front end takes: a SASL PLAIN initial
/// response, then `LoginService` (policy, username_format, passwd-file passdb, failure delay).
struct AuthBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "auth", abstract: "SASL PLAIN + passdb logins per second.")

    @Option(help: "Seconds per measurement.") var seconds = 3.0
    @Option(help: "Concurrent clients.") var clients = 8

    func run() async throws {
        let dir = NSTemporaryDirectory() + "maildex-authbench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plain = dir + "/plain.users", crypt = dir + "/crypt.users"
        try "bench:{PLAIN}secret::::::\n".write(toFile: plain, atomically: true, encoding: .utf8)
        try "bench:\(try PasswordHash.generate("secret", scheme: "SHA512-CRYPT"))::::::\n".write(toFile: crypt, atomically: true, encoding: .utf8)

        for (label, file) in [("PLAIN", plain), ("SHA512-CRYPT", crypt)] {
            let logins = service(file, trusted: false)
            let rate = try await measure(logins, password: "secret", address: { _ in "127.0.0.1" })
            print("\(label.padding(toLength: 13, withPad: " ", startingAt: 0)) successful logins: \(Int(rate))/s (\(clients) clients)")
            // Failures from a trusted network are not delayed: the raw cost of a refusal.
            let trusted = try await measure(service(file, trusted: true), password: "wrong", address: { _ in "127.0.0.1" })
            print("\(label.padding(toLength: 13, withPad: " ", startingAt: 0)) failed, no delay (trusted network): \(Int(trusted))/s")
        }
        // With the delay: 500 clients from 500 addresses fail at once; each waits 2 s without holding a
        // thread, so all finish in about 2 s instead of 500 × 2 s.
        let logins = service(plain, trusted: false)
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<500 {
                group.addTask { _ = try await self.login(logins, password: "wrong", address: "10.\(i / 250).\(i % 250).1") }
            }
            try await group.waitForAll()
        }
        let elapsed = started.duration(to: .now)
        print("PLAIN         500 concurrent failures with the 2 s delay: all answered in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow)))")
    }

    func service(_ file: String, trusted: Bool) -> LoginService<ContinuousClock> {
        var policy = LoginPolicy()
        if trusted { policy.trustedNetworks = IPNetwork.loopback }
        return LoginService(authenticator: Authenticator(passdbs: [PasswdFilePassDB(path: file, defaultScheme: "PLAIN")], userdbs: []), policy: policy)
    }

    /// One login as IMAP AUTHENTICATE PLAIN with SASL-IR sends it.
    func login(_ logins: LoginService<ContinuousClock>, password: String, address: String) async throws -> Bool {
        var exchange = SASLExchange(mechanism: .plain)
        let response = Data("\0bench\0\(password)".utf8).base64EncodedString()
        guard case .credentials(_, let user, let secret) = exchange.start(initialResponse: response) else { throw ValidationError("SASL failed") }
        if case .success = await logins.login(user: user, password: secret, from: address, overTLS: true) { return true }
        return false
    }

    func measure(_ logins: LoginService<ContinuousClock>, password: String, address: @escaping @Sendable (Int) -> String) async throws -> Double {
        let deadline = ContinuousClock.now + .seconds(seconds)
        let started = ContinuousClock.now
        let count = try await withThrowingTaskGroup(of: Int.self) { group in
            for client in 0..<clients {
                group.addTask {
                    var n = 0
                    while ContinuousClock.now < deadline {
                        _ = try await self.login(logins, password: password, address: address(client))
                        n += 1
                    }
                    return n
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = started.duration(to: .now).components
        return Double(count) / (Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }
}
