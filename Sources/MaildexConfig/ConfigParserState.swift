/// The mutable state of one parse: the stack of open blocks and the chain of files being included.
struct ConfigParserState {
    /// Deeper nesting is refused rather than risked (renderers and comparisons recurse over the tree).
    static let maximumBlockDepth = 64
    static let maximumIncludeDepth = 32

    struct Frame {
        var block: ConfigBlock
        /// Set when this block continues an earlier sibling of the same type and name (Dovecot merges them).
        var mergeIndex: Int?
    }

    struct IncludedFile {
        var identity: String
        var display: String
    }

    let readFile: (String) throws -> String
    let environment: [String: String]
    private var stack: [Frame]
    private var includeChain: [IncludedFile] = []

    init(readFile: @escaping (String) throws -> String, environment: [String: String], root: ConfigBlock) {
        self.readFile = readFile
        self.environment = environment
        self.stack = [Frame(block: root)]
    }

    /// The parsed tree; valid once the main file has been parsed.
    var root: ConfigBlock { stack[0].block }

    mutating func parseFile(text: String, display: String, identity: String, directory: String) throws(ConfigError) {
        includeChain.append(IncludedFile(identity: identity, display: display))
        defer { includeChain.removeLast() }
        let file = ConfigFileContext(display: display, directory: directory, depth: stack.count)

        for (line, number) in ConfigPhysicalLines.logicalLines(of: text) {
            let location = ConfigLocation(file: display, line: number)
            let lexed: ConfigLine?
            do {
                lexed = try ConfigLine.lex(line)
            } catch {
                throw ConfigError(location: location, reason: error.reason)
            }
            guard let lexed else { continue }
            try handle(lexed, at: location, in: file)
        }
        if stack.count > file.depth, let open = stack.last?.block {
            let title = open.name.map { "\(open.type) \($0)" } ?? open.type
            throw ConfigError(
                file: display,
                reason: "unexpected end of file: block '\(title)' opened at line \(open.location.line) is not closed"
            )
        }
    }

    private mutating func handle(_ line: ConfigLine, at location: ConfigLocation, in file: ConfigFileContext) throws(ConfigError) {
        switch line {
        case .blockEnd:
            guard stack.count > file.depth, let frame = stack.popLast() else {
                throw ConfigError(location: location, reason: "'}' without an open block")
            }
            if let index = frame.mergeIndex {
                stack[stack.count - 1].block.blocks[index] = frame.block
            } else {
                stack[stack.count - 1].block.blocks.append(frame.block)
            }
        case .blockStart(let type, let name):
            guard stack.count <= Self.maximumBlockDepth else {
                throw ConfigError(location: location, reason: "blocks nested more than \(Self.maximumBlockDepth) deep")
            }
            let siblings = stack[stack.count - 1].block.blocks
            if name != nil, let index = siblings.firstIndex(where: { $0.type == type && $0.name == name }) {
                stack.append(Frame(block: siblings[index], mergeIndex: index))
            } else {
                stack.append(Frame(block: ConfigBlock(type: type, name: name, location: location)))
            }
        case .setting(let key, let value):
            let setting = try resolve(value, key: key, at: location, in: file)
            stack[stack.count - 1].block.settings.append(setting)
        case .include(let path, let isTry):
            try include(path, isTry: isTry, at: location, in: file)
        }
    }

    private func resolve(_ value: ConfigValue, key: String, at location: ConfigLocation, in file: ConfigFileContext) throws(ConfigError) -> ConfigSetting {
        switch value {
        case .quoted(let text):
            return ConfigSetting(key: key, value: text, location: location)
        case .plain(let text):
            return ConfigSetting(key: key, value: try expandVariables(in: text, at: location), location: location)
        case .file(let path):
            let resolved = ConfigPath.resolve(path, against: file.directory)
            do {
                let content = try readFile(resolved)
                return ConfigSetting(key: key, value: Self.droppingTrailingNewlines(content), location: location, sourceFile: resolved)
            } catch {
                throw ConfigError(location: location, reason: "cannot read '<\(path)': \(ConfigParser.readFailureReason(error))")
            }
        }
    }

    private mutating func include(_ path: String, isTry: Bool, at location: ConfigLocation, in file: ConfigFileContext) throws(ConfigError) {
        let directive = isTry ? "!include_try" : "!include"
        let resolved = ConfigPath.resolve(path, against: file.directory)
        var targets = [resolved]
        if ConfigPath.isGlob(resolved) {
            targets = ConfigPath.expandGlob(resolved)
            if targets.isEmpty, !isTry {
                throw ConfigError(location: location, reason: "\(directive) '\(path)' matched no files")
            }
        }
        guard includeChain.count < Self.maximumIncludeDepth else {
            throw ConfigError(location: location, reason: "\(directive) nested more than \(Self.maximumIncludeDepth) deep")
        }
        for target in targets {
            if let start = includeChain.firstIndex(where: { $0.identity == target }) {
                let cycle = includeChain[start...].map(\.display) + [includeChain[start].display]
                throw ConfigError(location: location, reason: "!include cycle: \(cycle.joined(separator: " -> "))")
            }
            let text: String
            do {
                text = try readFile(target)
            } catch {
                if isTry, ConfigParser.isMissingFile(error) { continue }
                throw ConfigError(location: location, reason: "cannot read '\(directive) \(path)': \(ConfigParser.readFailureReason(error))")
            }
            try parseFile(text: text, display: target, identity: target, directory: ConfigPath.directory(of: target))
        }
    }

    /// Expands `$key` (the last value of `key` in the open blocks, innermost first) and `$ENV:NAME`. A variable
    /// name runs to the next whitespace, as in Dovecot; a `$` followed by whitespace or the end stays literal.
    private func expandVariables(in text: String, at location: ConfigLocation) throws(ConfigError) -> String {
        guard text.contains("$") else { return text }
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[rest.startIndex..<dollar]
            let afterDollar = rest.index(after: dollar)
            let end = rest[afterDollar...].firstIndex(where: { $0 == " " || $0 == "\t" }) ?? rest.endIndex
            let name = String(rest[afterDollar..<end])
            rest = rest[end...]
            if name.isEmpty {
                result += "$"
            } else {
                result += try variable(name, at: location)
            }
        }
        return result + rest
    }

    private func variable(_ name: String, at location: ConfigLocation) throws(ConfigError) -> String {
        if name.hasPrefix("ENV:") {
            let variable = String(name.dropFirst(4))
            guard let value = environment[variable] else {
                throw ConfigError(location: location, reason: "environment variable '\(variable)' is not set (in '$\(name)')")
            }
            return value
        }
        for frame in stack.reversed() {
            if let value = frame.block.value(name) { return value }
        }
        throw ConfigError(
            location: location,
            reason: "unknown variable '$\(name)': no earlier setting '\(name)' (quote the value to keep a literal '$')"
        )
    }

    static func droppingTrailingNewlines(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}

/// What the parser knows about the file it is reading.
struct ConfigFileContext {
    var display: String
    var directory: String
    /// The number of blocks open when the file started; the file must close every block it opens.
    var depth: Int
}
