/// A libcrypto call failed. Carries what was being done and the OpenSSL error queue,
/// e.g. `read certificate PEM: error:0480006C:PEM routines::no start line`.
public struct OpenSSLError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What we were doing, in words: `generate RSA 2048 key`, `sign certificate`.
    public var operation: String
    /// The OpenSSL error queue at the time of failure, oldest first (`ERR_error_string_n` text).
    public var queue: [String]

    public init(operation: String, queue: [String]) {
        self.operation = operation
        self.queue = queue
    }

    public var description: String {
        queue.isEmpty ? "\(operation): failed (no OpenSSL error detail)" : "\(operation): \(queue.joined(separator: "; "))"
    }
}

/// PEM text that is not what was expected: no block of the right kind, an encrypted key,
/// or a block libcrypto cannot decode.
public struct InvalidPEM: Error, CustomStringConvertible, Sendable, Equatable {
    /// `CERTIFICATE`, `PRIVATE KEY`, …
    public var kind: String
    public var reason: String

    public init(kind: String, reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { "invalid \(kind) PEM: \(reason)" }
}

/// A subject field that `openssl req` would refuse, or that does not fit X.520's upper bounds.
public struct InvalidDistinguishedName: Error, CustomStringConvertible, Sendable, Equatable {
    /// The `openssl req` short name: `CN`, `C`, `emailAddress`, …
    public var field: String
    public var value: String
    public var reason: String

    public var description: String { "invalid subject field \(field)=\"\(value)\": \(reason)" }
}

/// A subjectAltName entry that is neither a DNS host name (A-labels, RFC 5280 §4.2.1.6) nor an IP address.
public struct InvalidAlternativeName: Error, CustomStringConvertible, Sendable, Equatable {
    public var name: String
    public var reason: String

    public var description: String { "invalid subjectAltName \"\(name)\": \(reason)" }
}

/// A key algorithm or size we do not generate or load.
public struct UnsupportedKeyAlgorithm: Error, CustomStringConvertible, Sendable, Equatable {
    public var detail: String

    public var description: String { "unsupported key algorithm: \(detail)" }
}

/// A validity period that makes no certificate (zero days, or not-after before not-before).
public struct InvalidValidity: Error, CustomStringConvertible, Sendable, Equatable {
    public var reason: String

    public var description: String { "invalid certificate validity: \(reason)" }
}

/// Reading or writing a key or certificate file failed.
public struct CertificateFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var operation: String
    public var reason: String

    public var description: String { "\(operation) \(path): \(reason)" }
}
