/// Dovecot's `username_format`: how a login name is normalised before any passdb sees it.
/// `%u` the whole name, `%n` the local part, `%d` the domain; an `L` or `U` after `%` lower- or
/// upper-cases that part (`%Lu`, `%n@%Ld`). The default is `%Lu`, as in Dovecot.
public struct UsernameFormat: Sendable, Equatable {
    public var template: String
    public init(_ template: String = "%Lu") { self.template = template }

    /// The normalised name.
    public func apply(to name: String) -> String {
        let local: Substring, domain: Substring
        if let at = name.firstIndex(of: "@") {
            local = name[..<at]
            domain = name[name.index(after: at)...]
        } else {
            local = Substring(name)
            domain = ""
        }
        var out = ""
        var characters = template.makeIterator()
        while let c = characters.next() {
            guard c == "%" else { out.append(c); continue }
            var next = characters.next()
            var transform: (String) -> String = { $0 }
            if next == "L" { transform = { $0.lowercased() }; next = characters.next() }
            else if next == "U" { transform = { $0.uppercased() }; next = characters.next() }
            switch next {
            case "u": out += transform(name)
            case "n": out += transform(String(local))
            case "d": out += transform(String(domain))
            case "%": out += "%"
            case let other?: out += "%" + String(other)
            case nil: out += "%"
            }
        }
        return out
    }
}
