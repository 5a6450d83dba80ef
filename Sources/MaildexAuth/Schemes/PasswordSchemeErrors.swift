/// A stored hash names a scheme (`{NAME}`) that Maildex does not know, or a known scheme with
/// an unknown encoding suffix. It concerns one user's entry; other users are unaffected.
public struct UnknownPasswordScheme: Error, CustomStringConvertible, Equatable {
    /// The scheme as written, e.g. `ARGON2ID` or `SHA256.XYZ`.
    public var name: String
    public init(name: String) { self.name = name }
    public var description: String { "unknown password scheme '\(name)'" }
}

/// A stored hash that its scheme cannot read (bad base64/hex, wrong length, unsupported crypt
/// method). The reason never contains the hash itself, so it is safe to log.
public struct MalformedPasswordHash: Error, CustomStringConvertible, Equatable {
    public var scheme: String
    public var reason: String
    public init(scheme: String, reason: String) { self.scheme = scheme; self.reason = reason }
    public var description: String { "malformed \(scheme) password hash: \(reason)" }
}

/// A scheme that can verify but not generate hashes (e.g. DES-CRYPT).
public struct PasswordSchemeNotGeneratable: Error, CustomStringConvertible, Equatable {
    public var name: String
    public var description: String { "password scheme '\(name)' cannot generate new hashes; use one of \(PasswordHash.generatableSchemes.joined(separator: ", "))" }
}
