/// A set of message numbers as IMAP writes it: `1:4,7,9:*` (RFC 3501 §9, `sequence-set`).
///
/// Used for both UID sets and message-sequence-number sets. `*` is kept symbolic until
/// ``resolved(largest:)`` replaces it with the largest number in use.
public struct NumberSet: Hashable, Sendable, CustomStringConvertible {
    /// One end of a range: a number or `*`.
    public enum Bound: Hashable, Sendable {
        case number(UInt32)
        case star
        func value(largest: UInt32) -> UInt32 { if case .number(let n) = self { n } else { largest } }
    }

    /// The ranges as written (`7:3` stays as written; resolution orders the ends).
    public var ranges: [(Bound, Bound)] {
        get { storage.map { ($0.first, $0.last) } }
    }

    private struct Range: Hashable, Sendable { var first: Bound; var last: Bound }
    private var storage: [Range]

    public init(_ ranges: [(Bound, Bound)]) { storage = ranges.map { Range(first: $0.0, last: $0.1) } }
    public init(_ numbers: some Sequence<UInt32>) {
        var ranges: [(Bound, Bound)] = []
        for n in numbers.sorted() {
            if let last = ranges.last, case .number(let hi) = last.1, hi &+ 1 == n {
                ranges[ranges.count - 1].1 = .number(n)
            } else if let last = ranges.last, case .number(let hi) = last.1, hi == n {
                continue
            } else {
                ranges.append((.number(n), .number(n)))
            }
        }
        self.init(ranges)
    }
    public static func range(_ low: UInt32, _ high: UInt32) -> NumberSet { NumberSet([(.number(low), .number(high))]) }
    /// `1:*`.
    public static let all = NumberSet([(.number(1), .star)])

    /// Parses `1:4,7,9:*`. Numbers must be 1…4294967295. Returns nil on malformed input.
    public init?(parsing text: some StringProtocol) {
        var ranges: [(Bound, Bound)] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = part.split(separator: ":", omittingEmptySubsequences: false)
            guard ends.count == 1 || ends.count == 2 else { return nil }
            var bounds: [Bound] = []
            for end in ends {
                if end == "*" { bounds.append(.star); continue }
                guard !end.isEmpty, end.allSatisfy(\.isASCII), end.allSatisfy(\.isNumber), let n = UInt32(end), n > 0 else { return nil }
                bounds.append(.number(n))
            }
            ranges.append((bounds[0], bounds.count == 2 ? bounds[1] : bounds[0]))
        }
        guard !ranges.isEmpty else { return nil }
        self.init(ranges)
    }

    /// Closed ranges, ordered and merged, with `*` replaced by `largest`.
    /// With `largest == 0` (empty mailbox) a range with `*` resolves to nothing.
    public func resolved(largest: UInt32) -> [ClosedRange<UInt32>] {
        var out: [ClosedRange<UInt32>] = []
        for r in storage {
            if largest == 0, r.first == .star || r.last == .star { continue }
            let a = r.first.value(largest: largest), b = r.last.value(largest: largest)
            let lo = min(a, b), hi = max(a, b)
            guard hi > 0 else { continue }
            out.append(max(lo, 1)...hi)
        }
        out.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for r in out {
            if let last = merged.last, UInt64(r.lowerBound) <= UInt64(last.upperBound) + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    /// Whether `n` is in the set, given the largest number in use.
    public func contains(_ n: UInt32, largest: UInt32) -> Bool {
        resolved(largest: largest).contains { $0.contains(n) }
    }

    public var description: String {
        storage.map { r in
            func s(_ b: Bound) -> String { if case .number(let n) = b { String(n) } else { "*" } }
            return r.first == r.last ? s(r.first) : "\(s(r.first)):\(s(r.last))"
        }.joined(separator: ",")
    }

    public static func == (a: NumberSet, b: NumberSet) -> Bool { a.storage == b.storage }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}
