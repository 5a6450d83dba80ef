import Foundation
import MaildexMIME

// The THREAD algorithms as first written (commit f1629b5): straightforward, with a String per
// part of the answer and the subjects sorted. The tests compare the faster ones with these.
enum ReferenceThreading {
    // MARK: - ORDEREDSUBJECT (RFC 5256 §4)

    /// ORDEREDSUBJECT: sorted by base subject then sent date, grouped by base subject; the first
    /// message of each group is the parent and the others its children, in date order. Threads
    /// are ordered by the date of their first message, ties by number.
    static func orderedSubject(_ messages: [ThreadMessage]) -> ThreadForest {
        let sorted = messages.sorted { a, b in
            if a.baseSubject != b.baseSubject { return a.baseSubject < b.baseSubject }
            return earlier(a, b)
        }
        var groups: [[ThreadMessage]] = []
        for message in sorted {
            if let last = groups.last?.first, last.baseSubject == message.baseSubject {
                groups[groups.count - 1].append(message)
            } else {
                groups.append([message])
            }
        }
        var forest = ThreadForest()
        for group in groups.sorted(by: { earlier($0[0], $1[0]) }) {
            let children = group.dropFirst().map { message in
                forest.nodes.append(.init(number: message.number))
                return forest.nodes.count - 1
            }
            forest.nodes.append(.init(number: group[0].number, children: children))
            forest.roots.append(forest.nodes.count - 1)
        }
        return forest
    }

    // MARK: - REFERENCES (RFC 5256 §5)

    /// REFERENCES: the messages linked by References (else the first In-Reply-To msg-id) into
    /// parent and child, dummies made for parents not present, then pruned; roots of the same base
    /// subject gathered; siblings sorted by sent date (a dummy by its first child's), ties by number.
    /// A loop in References is never followed; a duplicate Message-ID is treated as none.
    static func references(_ messages: [ThreadMessage]) -> ThreadForest {
        var table = ReferenceContainerTable()
        // Step 1: link.
        for (index, message) in messages.enumerated() {
            var own: Int
            if let id = message.messageID.flatMap(Self.messageID), let found = table.byID[id] {
                own = found
                if table.containers[found].message != nil { own = table.make() }  // duplicate
            } else {
                own = table.make()
                if let id = message.messageID.flatMap(Self.messageID) { table.byID[id] = own }
            }
            table.containers[own].message = index
            var refs = message.references.flatMap(Self.messageIDs)
            if refs.isEmpty, let first = message.inReplyTo.map(Self.messageIDs)?.first { refs = [first] }
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
        func before(_ x: Int, _ y: Int) -> Bool {
            guard let a = first[x] else { return false }
            guard let b = first[y] else { return true }
            return earlier(messages[a], messages[b])
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
    static func postOrder(_ roots: [Int], _ c: [ReferenceContainerTable.Container]) -> [Int] {
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
    static func gatherBySubject(_ roots: [Int], _ c: inout [ReferenceContainerTable.Container], _ messages: [ThreadMessage]) -> [Int] {
        func subject(_ node: Int) -> String {
            if let m = c[node].message { return messages[m].baseSubject }
            return c[node].children.first.flatMap { c[$0].message.map { messages[$0].baseSubject } } ?? ""
        }
        func isReply(_ node: Int) -> Bool { c[node].message.map { messages[$0].isReplyOrForward } ?? false }
        // A: the first root of each subject, preferring a dummy, then a non-reply.
        var table: [String: Int] = [:]
        for (i, root) in roots.enumerated() {
            let s = subject(root)
            if s.isEmpty { continue }
            if let j = table[s] {
                let old = roots[j]
                if (c[root].message == nil && c[old].message != nil) || (isReply(old) && !isReply(root)) { table[s] = i }
            } else {
                table[s] = i
            }
        }
        // B–C: every other root of that subject merged into it.
        var result: [Int?] = roots
        for (i, root) in roots.enumerated() {
            let s = subject(root)
            guard !s.isEmpty, let j = table[s], j != i, let target = result[j] else { continue }
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
                c.append(ReferenceContainerTable.Container(message: nil, parent: nil, children: [target, root]))
                result[j] = c.count - 1
            }
            result[i] = nil
        }
        return result.compactMap { $0 }
    }

    static func earlier(_ a: ThreadMessage, _ b: ThreadMessage) -> Bool {
        a.date != b.date ? a.date < b.date : a.number < b.number
    }

    /// The first msg-id of a Message-ID field, else the trimmed field when it has no `<...>`.
    static func messageID(_ field: String) -> String? {
        if let first = messageIDs(field).first { return first }
        let trimmed = field.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Every `<...>` of a field, in order, whitespace inside removed.
    static func messageIDs(_ text: String) -> [String] {
        // On UTF-8 bytes: Character iteration (grapheme breaking) made THREAD over 100,000
        // messages spend a quarter of its time on Unicode properties.
        var result: [String] = []
        var current: [UInt8]? = nil
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"):
                current = [byte]
            case UInt8(ascii: ">"):
                if let open = current {
                    if open.count > 1 { result.append(String(decoding: open + [byte], as: UTF8.self)) }
                    current = nil
                }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                break
            default:
                current?.append(byte)
            }
        }
        return result
    }

    /// `(2)(3 6 (4 23)(44 7 96))`: one `thread-list` per thread, a chain of single children
    /// inline, two or more children each as a nested list; a dummy shows only its children.
    /// Iterative, so a long reply chain costs no stack.
    static func render(_ forest: ThreadForest) -> String {
        enum Part { case text(String), node(Int) }
        var out = ""
        var stack: [Part] = []
        for root in forest.roots.reversed() where forest.nodes.indices.contains(root) {
            stack += [.text(")"), .node(root), .text("(")]
        }
        while let part = stack.popLast() {
            switch part {
            case .text(let text): out += text
            case .node(let index):
                guard forest.nodes.indices.contains(index) else { continue }
                let node = forest.nodes[index]
                var parts: [Part] = []
                if let number = node.number { parts.append(.text(String(number))) }
                // A dummy under a message (never made by the algorithms) gives its children to it.
                let children = node.children.filter { forest.nodes.indices.contains($0) }.flatMap { child in
                    node.number != nil && forest.nodes[child].number == nil ? forest.nodes[child].children : [child]
                }.filter { forest.nodes.indices.contains($0) }
                if children.count == 1, node.number == nil || forest.nodes[children[0]].number != nil {
                    if node.number != nil { parts.append(.text(" ")) }
                    parts.append(.node(children[0]))
                } else if !children.isEmpty {
                    if node.number != nil { parts.append(.text(" ")) }
                    for child in children { parts += [.text("("), .node(child), .text(")")] }
                }
                stack += parts.reversed()
            }
        }
        return out
    }
}

/// Message containers of the REFERENCES algorithm (RFC 5256 §5 step 1), by index.
struct ReferenceContainerTable {
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
