/// Delays after failed logins, per source address (DESIGN.md §Authentication): 2 s after a
/// failure, doubling with each further failure from the same address up to 15 s; a success from
/// that address resets it; addresses quiet for longer than `forgetAfter` are forgotten.
/// A pure state machine over an injected clock's instants: the caller sleeps (off any thread).
public struct FailureDelay<C: Clock>: Sendable where C.Duration == Duration, C.Instant: Sendable {
    /// The first delay. The default is 2 seconds (Dovecot's `auth_failure_delay`).
    public var base: Duration = .seconds(2)
    /// The longest delay. The default is 15 seconds.
    public var maximum: Duration = .seconds(15)
    /// How long an address's record is kept after its last failure. The default is 10 minutes.
    public var forgetAfter: Duration = .seconds(600)

    private var failures: [String: (count: Int, last: C.Instant)] = [:]

    public init() {}

    /// Records a failure from `address` at `now` and returns how long to wait before answering.
    public mutating func failed(from address: String, at now: C.Instant) -> Duration {
        if failures.count > 10_000 { failures = failures.filter { $0.value.last.duration(to: now) < forgetAfter } }
        var count = 1
        if let previous = failures[address], previous.last.duration(to: now) < forgetAfter { count = previous.count + 1 }
        failures[address] = (count, now)
        var delay = base
        for _ in 1..<count where delay < maximum { delay *= 2 }
        return min(delay, maximum)
    }

    /// A success from `address`: its next failure starts at `base` again.
    public mutating func succeeded(from address: String) {
        failures[address] = nil
    }

    /// Failures on record for `address` (for tests and `mailadm who`-style reports).
    public func failureCount(from address: String) -> Int { failures[address]?.count ?? 0 }
}
