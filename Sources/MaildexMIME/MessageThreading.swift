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
    /// The base subject (RFC 5256 §2.1), case-folded.
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

/// A node of a thread tree: a message, or a dummy (a message referred to but not present) with
/// its children in thread order.
public indirect enum ThreadNode: Sendable, Equatable {
    case message(UInt32, [ThreadNode])
    case dummy([ThreadNode])

    public var children: [ThreadNode] {
        switch self {
        case .message(_, let children), .dummy(let children): children
        }
    }
}

/// The threading algorithms of THREAD (RFC 5256 §4–5), pure functions over ``ThreadMessage``s,
/// and the `* THREAD` syntax of their result.
public enum MessageThreading {
    // MARK: - ORDEREDSUBJECT (RFC 5256 §4)

    /// ORDEREDSUBJECT: sorted by base subject then sent date, grouped by base subject; the first
    /// message of each group is the parent and the others its children, in date order. Threads
    /// are ordered by the date of their first message, ties by number.
    public static func orderedSubject(_ messages: [ThreadMessage]) -> [ThreadNode] {
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
        return groups
            .sorted { earlier($0[0], $1[0]) }
            .map { group in .message(group[0].number, group.dropFirst().map { .message($0.number, []) }) }
    }

    // MARK: - REFERENCES (RFC 5256 §5)

    /// REFERENCES: the messages linked by References (else the first In-Reply-To msg-id) into
    /// parent and child, dummies made for parents not present, then pruned; roots of the same base
    /// subject gathered; siblings sorted by sent date (a dummy by its first child's), ties by number.
    /// A loop in References is never followed; a duplicate Message-ID is treated as none.
    public static func references(_ messages: [ThreadMessage]) -> [ThreadNode] {
        var table = ContainerTable()
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
        // Steps 2–4: the root set, pruned.
        let roots = table.containers.indices.filter { table.containers[$0].parent == nil }
        var trees = prune(roots.map { table.tree($0) }, root: true)
        // Step 5: roots gathered by base subject.
        trees = gatherBySubject(trees, messages)
        // Step 6: siblings by date.
        return sortByDate(trees, messages).map(\.0)
    }

    /// A tree under construction (for steps 4–6): a message index into the input, or a dummy.
    struct Tree {
        var message: Int?
        var children: [Tree]
    }

    static func prune(_ trees: [Tree], root: Bool) -> [Tree] {
        var out: [Tree] = []
        for var tree in trees {
            tree.children = prune(tree.children, root: false)
            if tree.message != nil {
                out.append(tree)
            } else if tree.children.isEmpty {
                continue
            } else if !root || tree.children.count == 1 {
                out.append(contentsOf: tree.children)
            } else {
                out.append(tree)
            }
        }
        return out
    }

    static func gatherBySubject(_ roots: [Tree], _ messages: [ThreadMessage]) -> [Tree] {
        func subject(_ tree: Tree) -> String {
            if let m = tree.message { return messages[m].baseSubject }
            return tree.children.first.flatMap { $0.message.map { messages[$0].baseSubject } } ?? ""
        }
        func isReply(_ tree: Tree) -> Bool { tree.message.map { messages[$0].isReplyOrForward } ?? false }
        // A: the first root of each subject, preferring a dummy, then a non-reply.
        var table: [String: Int] = [:]
        for (i, tree) in roots.enumerated() {
            let s = subject(tree)
            if s.isEmpty { continue }
            if let j = table[s] {
                let old = roots[j]
                if (tree.message == nil && old.message != nil) || (isReply(old) && !isReply(tree)) { table[s] = i }
            } else {
                table[s] = i
            }
        }
        // B–C: every other root of that subject merged into it.
        var result: [Tree?] = roots.map { $0 }
        for (i, tree) in roots.enumerated() {
            let s = subject(tree)
            guard !s.isEmpty, let j = table[s], j != i, var target = result[j] else { continue }
            if target.message == nil && tree.message == nil {
                target.children += tree.children
            } else if target.message == nil {
                target.children.append(tree)
            } else if tree.message != nil && !isReply(target) && isReply(tree) {
                target.children.append(tree)
            } else if tree.message == nil {
                var merged = tree
                merged.children.append(target)
                target = merged
            } else {
                target = Tree(message: nil, children: [target, tree])
            }
            result[j] = target
            result[i] = nil
        }
        return result.compactMap { $0 }
    }

    /// Each sibling list sorted by date (a dummy taking its first child's), children first.
    static func sortByDate(_ trees: [Tree], _ messages: [ThreadMessage]) -> [(ThreadNode, ThreadMessage?)] {
        let sorted: [(ThreadNode, ThreadMessage?)] = trees.map { tree in
            let children = sortByDate(tree.children, messages)
            if let m = tree.message { return (.message(messages[m].number, children.map(\.0)), messages[m]) }
            return (.dummy(children.map(\.0)), children.first?.1)
        }
        return sorted.sorted { a, b in
            guard let x = a.1 else { return false }
            guard let y = b.1 else { return true }
            return earlier(x, y)
        }
    }

    static func earlier(_ a: ThreadMessage, _ b: ThreadMessage) -> Bool {
        a.date != b.date ? a.date < b.date : a.number < b.number
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
        var result: [String] = []
        var current: String?
        for character in text {
            if character == "<" {
                current = "<"
            } else if character == ">", let open = current {
                if open.count > 1 { result.append(open + ">") }
                current = nil
            } else if !character.isWhitespace {
                current?.append(character)
            }
        }
        return result
    }

    // MARK: - Response syntax (RFC 5256 §4 `thread-data`)

    /// `(2)(3 6 (4 23)(44 7 96))`: one `thread-list` per thread, a chain of single children
    /// inline, two or more children each as a nested list; a dummy shows only its children.
    public static func render(_ threads: [ThreadNode]) -> String {
        threads.map { "(" + members($0) + ")" }.joined()
    }

    static func members(_ node: ThreadNode) -> String {
        var text: String
        switch node {
        case .message(let number, _): text = String(number)
        case .dummy(let children):
            return children.count == 1 ? members(children[0]) : children.map { "(" + members($0) + ")" }.joined()
        }
        let children = node.children
        if children.count == 1, case .message = children[0] {
            text += " " + members(children[0])
        } else if !children.isEmpty {
            text += " " + children.map { "(" + members($0) + ")" }.joined()
        }
        return text
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

    /// Whether making `parent` the parent of `child` would close a loop: `child` is `parent` or
    /// one of its ancestors. The parent chain is loop-free, so the walk ends.
    func wouldLoop(parent: Int, child: Int) -> Bool {
        var current: Int? = parent
        while let c = current {
            if c == child { return true }
            current = containers[c].parent
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

    /// The tree under a container. The links are loop-free, so the recursion ends; its depth is
    /// the longest reply chain.
    func tree(_ index: Int) -> MessageThreading.Tree {
        MessageThreading.Tree(message: containers[index].message, children: containers[index].children.map { tree($0) })
    }
}
