/// An ascending list of UIDs stored as runs (`1:9000,9002:10000`), so that a session's view of
/// a 100,000-message mailbox with few gaps costs a few bytes, not 400 KB (1,000 IDLE sessions
/// must fit in well under 100 MB). Sequence number n is the n-th UID (RFC 3501 §2.3.1.2).
///
/// A value type with copy-on-write storage: the store keeps one per mailbox and SELECT hands
/// a copy to the session, which costs nothing until one of them changes it.
public struct UIDList: Equatable, Sendable {
    private struct Run: Equatable, Sendable {
        var first: UInt32
        var last: UInt32
        var count: Int { Int(last - first) + 1 }
    }

    private var runs: [Run] = []
    /// Messages before each run (prefix sums), for sequence-number lookups.
    private var before: [Int] = []
    public private(set) var count = 0

    public init() {}

    public init(_ uids: some Sequence<UID>) {
        for uid in uids { append(uid) }
    }

    public var last: UID? { runs.last.map { UID($0.last) } }

    /// Adds a UID above every UID in the list (new mail). UIDs not above the last are ignored.
    public mutating func append(_ uid: UID) {
        if let lastRun = runs.last {
            guard uid.rawValue > lastRun.last else { return }
            if uid.rawValue == lastRun.last + 1 {
                runs[runs.count - 1].last = uid.rawValue
                count += 1
                return
            }
        }
        runs.append(Run(first: uid.rawValue, last: uid.rawValue))
        before.append(count)
        count += 1
    }

    /// The UID at sequence number `seq` (1-based), or nil.
    public func uid(at seq: Int) -> UID? {
        guard seq >= 1, seq <= count else { return nil }
        let i = runIndex(containingSequence: seq)
        return UID(runs[i].first + UInt32(seq - 1 - before[i]))
    }

    /// The sequence number of a UID, or nil when it is not in the list.
    public func sequenceNumber(of uid: UID) -> Int? {
        guard let i = runIndex(containingUID: uid.rawValue) else { return nil }
        return before[i] + Int(uid.rawValue - runs[i].first) + 1
    }

    public func contains(_ uid: UID) -> Bool { runIndex(containingUID: uid.rawValue) != nil }

    /// Removes a UID; returns the sequence number it had.
    @discardableResult
    public mutating func remove(_ uid: UID) -> Int? {
        guard let i = runIndex(containingUID: uid.rawValue) else { return nil }
        let seq = before[i] + Int(uid.rawValue - runs[i].first) + 1
        let run = runs[i]
        if run.first == run.last {
            runs.remove(at: i)
            before.remove(at: i)
        } else if uid.rawValue == run.first {
            runs[i].first += 1
        } else if uid.rawValue == run.last {
            runs[i].last -= 1
        } else {
            runs[i].last = uid.rawValue - 1
            runs.insert(Run(first: uid.rawValue + 1, last: run.last), at: i + 1)
            before.insert(0, at: i + 1)
        }
        count -= 1
        for j in i..<runs.count { before[j] = j == 0 ? 0 : before[j - 1] + runs[j - 1].count }
        return seq
    }

    /// (sequence number, UID) for the UIDs in `range`, ascending.
    public func members(in range: ClosedRange<UInt32>) -> [(Int, UID)] {
        var out: [(Int, UID)] = []
        var i = firstRun(endingAtOrAfter: range.lowerBound)
        while i < runs.count, runs[i].first <= range.upperBound {
            let low = max(runs[i].first, range.lowerBound), high = min(runs[i].last, range.upperBound)
            if low <= high {
                for uid in low...high { out.append((before[i] + Int(uid - runs[i].first) + 1, UID(uid))) }
            }
            i += 1
        }
        return out
    }

    private func runIndex(containingSequence seq: Int) -> Int {
        var low = 0, high = runs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if before[mid] < seq { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private func firstRun(endingAtOrAfter uid: UInt32) -> Int {
        var low = 0, high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].last < uid { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func runIndex(containingUID uid: UInt32) -> Int? {
        let i = firstRun(endingAtOrAfter: uid)
        return i < runs.count && runs[i].first <= uid ? i : nil
    }
}
