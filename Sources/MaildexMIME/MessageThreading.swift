public import Foundation

/// One message as THREAD sees it (RFC 5256 §4–5): what the index holds, never the message file.
public struct ThreadMessage: Sendable, Equatable {
    /// The number answered: the sequence number, or the UID for UID THREAD. Also the tie-breaker
    /// of equal dates (UIDs follow sequence numbers, so either works).
    public var number: UInt32
    /// The raw Message-ID, In-Reply-To and References msg-ids (`<a@b>`).
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    /// The base subject (RFC 5256 §2.1), casemapped (RFC 5051); compared for equality only.
    public var baseSubject: String
    /// Whether the base subject was derived from a reply or forward (`Re:`, `Fwd:`, `(fwd)`).
    public var isReplyOrForward: Bool
    /// The sent date, else the internal date (RFC 5256 §2.2).
    public var date: Date

    public init(number: UInt32, messageID: String? = nil, inReplyTo: String? = nil, references: [String] = [],
                baseSubject: String = "", isReplyOrForward: Bool = false, date: Date) {
        self.number = number
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.baseSubject = baseSubject
        self.isReplyOrForward = isReplyOrForward
        self.date = date
    }
}

/// The result of a threading algorithm: a forest kept flat (nodes by index, children in thread
/// order), so that no deep reply chain is ever walked by recursion.
public struct ThreadForest: Sendable, Equatable {
    /// A message (its number), or a dummy (a message referred to but not present: `nil`).
    public struct Node: Sendable, Equatable {
        public var number: UInt32?
        public var children: [Int]

        public init(number: UInt32?, children: [Int] = []) {
            self.number = number
            self.children = children
        }
    }

    public var nodes: [Node]
    /// The threads, in order: indexes into ``nodes``.
    public var roots: [Int]

    public init(nodes: [Node] = [], roots: [Int] = []) {
        self.nodes = nodes
        self.roots = roots
    }
}

/// The threading algorithms of THREAD (RFC 5256 §4–5), pure functions over ``ThreadMessage``s,
/// and the `* THREAD` syntax of their result.
public enum MessageThreading {
    // MARK: - ORDEREDSUBJECT (RFC 5256 §4)

    /// ORDEREDSUBJECT: sorted by base subject then sent date, grouped by base subject; the first
    /// message of each group is the parent and the others its children, in date order. Threads
    /// are ordered by the date of their first message, ties by number.
    public static func orderedSubject(_ messages: [ThreadMessage]) -> ThreadForest {
        // Threads are ordered by their first message's date, so the order of the subjects never
        // shows: grouping by hash instead of sorting by subject gives the same answer, and
        // spares comparing strings (costly for decomposed non-ASCII keys).
        var groupOf: [String: Int] = [:]
        groupOf.reserveCapacity(messages.count)
        let group = messages.map { message in
            if let found = groupOf[message.baseSubject] { return found }
            groupOf[message.baseSubject] = groupOf.count
            return groupOf.count - 1
        }
        let order = Order(messages)
        let sorted = messages.indices.sorted { a, b in
            group[a] != group[b] ? group[a] < group[b] : order.earlier(a, b)
        }
        var starts: [Int] = []
        for (i, message) in sorted.enumerated() where i == 0 || group[message] != group[sorted[i - 1]] {
            starts.append(i)
        }
        starts.sort { order.earlier(sorted[$0], sorted[$1]) }
        var forest = ThreadForest()
        forest.nodes.reserveCapacity(messages.count)
        forest.roots.reserveCapacity(starts.count)
        for start in starts {
            var end = start + 1
            while end < sorted.count, group[sorted[end]] == group[sorted[start]] { end += 1 }
            let children = sorted[(start + 1)..<end].map { message in
                forest.nodes.append(.init(number: messages[message].number))
                return forest.nodes.count - 1
            }
            forest.nodes.append(.init(number: messages[sorted[start]].number, children: children))
            forest.roots.append(forest.nodes.count - 1)
        }
        return forest
    }

    /// Sent date, ties by number (RFC 5256 §2.2), over message indexes: read from two flat arrays,
    /// not from the messages, in the comparisons of the sorts.
    struct Order {
        let dates: [Double]
        let numbers: [UInt32]

        init(_ messages: [ThreadMessage]) {
            dates = messages.map(\.date.timeIntervalSinceReferenceDate)
            numbers = messages.map(\.number)
        }

        @inline(__always) func earlier(_ a: Int, _ b: Int) -> Bool {
            dates[a] != dates[b] ? dates[a] < dates[b] : numbers[a] < numbers[b]
        }
    }

    // MARK: - REFERENCES (RFC 5256 §5)

    /// REFERENCES: the messages linked by References (else the first In-Reply-To msg-id) into
    /// parent and child, dummies made for parents not present, then pruned; roots of the same base
    /// subject gathered; siblings sorted by sent date (a dummy by its first child's), ties by number.
    /// A loop in References is never followed; a duplicate Message-ID is treated as none.
    public static func references(_ messages: [ThreadMessage]) -> ThreadForest {
        var table = ContainerTable()
        table.containers.reserveCapacity(messages.count * 2)
        table.byID.reserveCapacity(messages.count * 2)
        // Step 1: link.
        for index in messages.indices {
            var own: Int
            let ownID = messages[index].messageID.flatMap(Self.messageID)
            if let id = ownID, let found = table.byID[id] {
                own = found
                if table.containers[found].message != nil { own = table.make() }  // duplicate
            } else {
                own = table.make()
                if let id = ownID { table.byID[id] = own }
            }
            table.containers[own].message = index
            var refs = messages[index].references.flatMap(Self.messageIDs)
            if refs.isEmpty, let first = messages[index].inReplyTo.map(Self.messageIDs)?.first { refs = [first] }
            var previous: Int?
            for ref in refs {
                let container = table.container(for: ref)
                if let parent = previous, table.containers[container].parent == nil, !table.wouldLoop(parent: parent, child: container) {
                    table.link(parent: parent, child: container)
                }
                previous = container
            }
            if let last = previous {
                if !table.wouldLoop(parent: last, child: own) {
                    table.unlink(own)
                    table.link(parent: last, child: own)
                }
            } else {
                table.unlink(own)
            }
        }
        // Steps 2–4: the root set, pruned (children before parents): a dummy without children
        // goes; one with children gives them to its parent, except a root one with several.
        var c = table.containers
        table = ContainerTable()  // c is now the only owner: no copy when it changes
        let roots = c.indices.filter { c[$0].parent == nil }
        for node in postOrder(roots, c) {
            var kept: [Int] = []
            for child in c[node].children {
                if c[child].message != nil { kept.append(child) } else { kept += c[child].children }
            }
            c[node].children = kept
        }
        var pruned: [Int] = []
        for root in roots {
            if c[root].message != nil || c[root].children.count > 1 {
                pruned.append(root)
            } else if let only = c[root].children.first {
                pruned.append(only)
            }
        }
        // Step 5: roots gathered by base subject.
        let gathered = gatherBySubject(pruned, &c, messages)
        // Step 6: siblings by date (a dummy by its first child's, so children first), ties by number.
        var first: [Int?] = c.map(\.message)
        let order = Order(messages)
        func before(_ x: Int, _ y: Int) -> Bool {
            guard let a = first[x] else { return false }
            guard let b = first[y] else { return true }
            return order.earlier(a, b)
        }
        for node in postOrder(gathered, c) {
            c[node].children.sort(by: before)
            if c[node].message == nil { first[node] = c[node].children.first.flatMap { first[$0] } }
        }
        return ThreadForest(
            nodes: c.map { .init(number: $0.message.map { messages[$0].number }, children: $0.children) },
            roots: gathered.sorted(by: before))
    }

    /// Every node under `roots`, each after all of its children; iterative, so depth costs no stack.
    static func postOrder(_ roots: [Int], _ c: [ContainerTable.Container]) -> [Int] {
        var out: [Int] = []
        var stack: [(Int, Bool)] = roots.reversed().map { ($0, false) }
        while let (node, expanded) = stack.popLast() {
            if expanded {
                out.append(node)
            } else {
                stack.append((node, true))
                for child in c[node].children.reversed() { stack.append((child, false)) }
            }
        }
        return out
    }

    /// RFC 5256 §5 step 5 over the root set: roots of one base subject merged into the first
    /// (preferring a dummy, then a non-reply); new dummies are added to `c`.
    static func gatherBySubject(_ roots: [Int], _ c: inout [ContainerTable.Container], _ messages: [ThreadMessage]) -> [Int] {
        func subject(_ node: Int) -> String {
            if let m = c[node].message { return messages[m].baseSubject }
            return c[node].children.first.flatMap { c[$0].message.map { messages[$0].baseSubject } } ?? ""
        }
        func isReply(_ node: Int) -> Bool { c[node].message.map { messages[$0].isReplyOrForward } ?? false }
        // A: the first root of each subject, preferring a dummy, then a non-reply. Each root's
        // subject is looked up once: `chosen[group[i]]` is the root its subject gathers into.
        // (Subjects do not change in B–C: children are only appended to non-empty lists.)
        var groupOf: [String: Int] = [:]
        groupOf.reserveCapacity(roots.count)
        var group = [Int](repeating: -1, count: roots.count)
        var chosen: [Int] = []
        for (i, root) in roots.enumerated() {
            let s = subject(root)
            if s.isEmpty { continue }
            if let g = groupOf[s] {
                group[i] = g
                let old = roots[chosen[g]]
                if (c[root].message == nil && c[old].message != nil) || (isReply(old) && !isReply(root)) { chosen[g] = i }
            } else {
                groupOf[s] = chosen.count
                group[i] = chosen.count
                chosen.append(i)
            }
        }
        // B–C: every other root of that subject merged into it.
        var result: [Int?] = roots
        for (i, root) in roots.enumerated() {
            guard group[i] >= 0 else { continue }
            let j = chosen[group[i]]
            guard j != i, let target = result[j] else { continue }
            if c[target].message == nil && c[root].message == nil {
                c[target].children += c[root].children
            } else if c[target].message == nil {
                c[target].children.append(root)
            } else if c[root].message != nil && !isReply(target) && isReply(root) {
                c[target].children.append(root)
            } else if c[root].message == nil {
                c[root].children.append(target)
                result[j] = root
            } else {
                c.append(ContainerTable.Container(message: nil, parent: nil, children: [target, root]))
                result[j] = c.count - 1
            }
            result[i] = nil
        }
        return result.compactMap { $0 }
    }

    // MARK: - Message IDs

    /// The first msg-id of a Message-ID field, else the trimmed field when it has no `<...>`.
    static func messageID(_ field: String) -> String? {
        if let first = messageIDs(field).first { return first }
        let trimmed = field.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Every `<...>` of a field, in order, whitespace inside removed.
    static func messageIDs(_ text: String) -> [String] {
        // On UTF-8 bytes, and one String per msg-id made straight from its bytes: Character
        // iteration and building each msg-id byte by byte were most of THREAD's time. A field
        // that is exactly one msg-id (the index stores References split) is returned as is.
        let field = text
        var text = text
        return text.withUTF8 { bytes in
            var result: [String] = []
            var open: Int? = nil
            var blanks = 0
            for i in 0..<bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "<"):
                    open = i
                    blanks = 0
                case UInt8(ascii: ">"):
                    if let start = open {
                        let id = UnsafeBufferPointer(rebasing: bytes[start...i])
                        if blanks == 0, start == 0, i == bytes.count - 1, id.count > 2 {
                            result.append(field)
                        } else if id.count - blanks > 2 {
                            result.append(blanks == 0 ? String(decoding: id, as: UTF8.self)
                                                      : String(decoding: id.filter { !isBlank($0) }, as: UTF8.self))
                        }
                        open = nil
                    }
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    blanks += 1
                default:
                    break
                }
            }
            return result
        }
    }

    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }

    // MARK: - Response syntax (RFC 5256 §4 `thread-data`)

    /// `(2)(3 6 (4 23)(44 7 96))`: one `thread-list` per thread, a chain of single children
    /// inline, two or more children each as a nested list; a dummy shows only its children.
    /// Iterative, so a long reply chain costs no stack.
    public static func render(_ forest: ThreadForest) -> String {
        // Written into one byte buffer from a stack of small parts: a String per part made
        // rendering cost as much as threading.
        enum Part { case open, close, space, node(Int) }
        let nodes = forest.nodes
        var out: [UInt8] = []
        out.reserveCapacity(nodes.count * 8)
        var stack: [Part] = []
        for root in forest.roots.reversed() where nodes.indices.contains(root) {
            stack += [.close, .node(root), .open]
        }
        var children: [Int] = []
        while let part = stack.popLast() {
            switch part {
            case .open: out.append(UInt8(ascii: "("))
            case .close: out.append(UInt8(ascii: ")"))
            case .space: out.append(UInt8(ascii: " "))
            case .node(let index):
                guard nodes.indices.contains(index) else { continue }
                let node = nodes[index]
                if let number = node.number { appendDecimal(number, to: &out) }
                // A dummy under a message (never made by the algorithms) gives its children to it.
                children.removeAll(keepingCapacity: true)
                for child in node.children where nodes.indices.contains(child) {
                    if node.number != nil && nodes[child].number == nil {
                        children += nodes[child].children.lazy.filter { nodes.indices.contains($0) }
                    } else {
                        children.append(child)
                    }
                }
                if children.count == 1, node.number == nil || nodes[children[0]].number != nil {
                    stack.append(.node(children[0]))
                    if node.number != nil { stack.append(.space) }
                } else if !children.isEmpty {
                    for child in children.reversed() { stack += [.close, .node(child), .open] }
                    if node.number != nil { stack.append(.space) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func appendDecimal(_ number: UInt32, to out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = number
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            } while n > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }
}

/// Message containers of the REFERENCES algorithm (RFC 5256 §5 step 1), by index.
struct ContainerTable {
    struct Container {
        var message: Int?
        var parent: Int?
        var children: [Int] = []
    }

    var containers: [Container] = []
    var byID: [String: Int] = [:]

    mutating func make() -> Int {
        containers.append(Container())
        return containers.count - 1
    }

    mutating func container(for id: String) -> Int {
        if let found = byID[id] { return found }
        let made = make()
        byID[id] = made
        return made
    }

    /// Whether making `parent` the parent of `child` would close a loop: `parent` is `child` or
    /// lies under it. Searched downwards, iteratively: a new message's container has no
    /// children yet, so the usual case costs nothing however deep the chain above it is.
    func wouldLoop(parent: Int, child: Int) -> Bool {
        if containers[child].children.isEmpty { return parent == child }
        var stack = [child]
        while let node = stack.popLast() {
            if node == parent { return true }
            stack += containers[node].children
        }
        return false
    }

    mutating func link(parent: Int, child: Int) {
        containers[child].parent = parent
        containers[parent].children.append(child)
    }

    mutating func unlink(_ child: Int) {
        guard let parent = containers[child].parent else { return }
        containers[parent].children.removeAll { $0 == child }
        containers[child].parent = nil
    }
}
