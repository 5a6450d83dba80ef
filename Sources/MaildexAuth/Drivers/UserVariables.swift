public import MaildexCore

/// Dovecot's `%u` (whole name), `%n` (local part) and `%d` (domain) in paths and field
/// templates; `%%` is a percent sign. Other `%x` sequences are left as they are.
public struct UserVariables: Sendable, Equatable {
    public var user: String
    public var localPart: String
    public var domain: String

    /// Variables for `name`, which must be a valid ``Username`` (no `/`, no leading dot, no
    /// `..`), so an expanded path cannot leave its directory. The case is kept as given.
    public init(_ name: String) throws(InvalidUsername) {
        _ = try Username(name)
        user = name
        if let at = name.firstIndex(of: "@") {
            localPart = String(name[..<at])
            domain = String(name[name.index(after: at)...])
        } else {
            localPart = name
            domain = ""
        }
    }

    /// `template` with the variables replaced.
    public func expand(_ template: String) -> String {
        var result = ""
        var iterator = template.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else { result.append(character); continue }
            switch iterator.next() {
            case "u": result += user
            case "n": result += localPart
            case "d": result += domain
            case "%": result += "%"
            case let other?: result += "%" + String(other)
            case nil: result += "%"
            }
        }
        return result
    }

    /// Whether `template` uses any user variable.
    static func isTemplate(_ template: String) -> Bool {
        template.contains("%u") || template.contains("%n") || template.contains("%d")
    }
}
