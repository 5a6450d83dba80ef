import Foundation

/// One server-side SASL exchange (RFC 4422), shared by IMAP AUTHENTICATE (RFC 9051 §6.2.2)
/// and POP3 AUTH (RFC 5034). It only decodes; the caller checks the credentials.
///
/// ```
/// C: A01 AUTHENTICATE PLAIN                 start(initialResponse: nil)  → .challenge("")
/// S: +
/// C: AGFsaWNlAHNlY3JldA==                   receive("AGFs…")             → .credentials(nil, "alice", "secret")
///
/// C: A02 AUTHENTICATE LOGIN                 start(initialResponse: nil)  → .challenge("VXNlcm5hbWU6")
/// S: + VXNlcm5hbWU6
/// C: YWxpY2U=                               receive("YWxpY2U=")          → .challenge("UGFzc3dvcmQ6")
/// S: + UGFzc3dvcmQ6
/// C: *                                      receive("*")                 → .failure(.cancelled)
/// ```
///
/// With SASL-IR (RFC 4959) the initial response comes on the command line; `=` stands for
/// an empty one. Empty user names and passwords are refused (RFC 4616 `1*SAFE`), as is an
/// authorization identity other than the user's own unless `allowsAuthorizationID` is set
/// (for a future master-user feature). Decoded text must be UTF-8 without NULs (LOGIN) or
/// with exactly two (PLAIN).
public struct SASLExchange: Sendable {
    public let mechanism: SASLMechanism
    /// Whether a PLAIN authorization identity different from the user is passed on instead of
    /// refused. The default is false.
    public var allowsAuthorizationID: Bool

    private enum State: Sendable { case initial, awaitingPlain, awaitingUsername, awaitingPassword(String), finished }
    private var state = State.initial

    static let usernameChallenge = Data("Username:".utf8).base64EncodedString()
    static let passwordChallenge = Data("Password:".utf8).base64EncodedString()

    public init(mechanism: SASLMechanism) {
        self.init(mechanism: mechanism, allowsAuthorizationID: false)
    }

    public init(mechanism: SASLMechanism, allowsAuthorizationID: Bool) {
        self.mechanism = mechanism
        self.allowsAuthorizationID = allowsAuthorizationID
    }

    /// Starts the exchange; `initialResponse` is the SASL-IR argument as sent (base64 or `=`),
    /// or `nil` when the client sent none.
    public mutating func start(initialResponse: String?) -> SASLStep {
        guard case .initial = state else { return finish(.malformedResponse("exchange already started")) }
        switch (mechanism, initialResponse) {
        case (.plain, nil):
            state = .awaitingPlain
            return .challenge("")
        case (.login, nil):
            state = .awaitingUsername
            return .challenge(Self.usernameChallenge)
        case (.plain, let response?):
            state = .awaitingPlain
            return receive(response)
        case (.login, let response?):
            // The LOGIN draft allows the user name as initial response.
            state = .awaitingUsername
            return receive(response)
        }
    }

    /// Handles one client continuation line: base64, `*` to cancel, or empty.
    public mutating func receive(_ line: String) -> SASLStep {
        if case .finished = state { return .failure(.malformedResponse("exchange already finished")) }
        if case .initial = state { return finish(.malformedResponse("exchange not started")) }
        if line == "*" { return finish(.cancelled) }
        guard let bytes = Self.decode(line) else { return finish(.malformedBase64) }
        switch state {
        case .awaitingPlain:
            return finishPlain(bytes)
        case .awaitingUsername:
            switch Self.text(bytes, field: "user name") {
            case .failure(let failure): return finish(failure)
            case .success(let user):
                state = .awaitingPassword(user)
                return .challenge(Self.passwordChallenge)
            }
        case .awaitingPassword(let user):
            switch Self.text(bytes, field: "password") {
            case .failure(let failure): return finish(failure)
            case .success(let password):
                state = .finished
                return .credentials(authorizationID: nil, user: user, password: password)
            }
        case .initial, .finished:
            return finish(.malformedResponse("unexpected response"))
        }
    }

    // message = [authzid] UTF8NUL authcid UTF8NUL passwd      (RFC 4616 §2)
    private mutating func finishPlain(_ bytes: [UInt8]) -> SASLStep {
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            return finish(.malformedResponse("expected [authzid] NUL authcid NUL passwd, found \(parts.count - 1) NUL(s)"))
        }
        guard let authzid = String(bytes: parts[0], encoding: .utf8) else { return finish(.malformedResponse("authorization identity is not UTF-8")) }
        let user: String
        let password: String
        switch Self.text(Array(parts[1]), field: "user name") {
        case .failure(let failure): return finish(failure)
        case .success(let value): user = value
        }
        switch Self.text(Array(parts[2]), field: "password") {
        case .failure(let failure): return finish(failure)
        case .success(let value): password = value
        }
        let sameUser = authzid.isEmpty || authzid.lowercased() == user.lowercased()
        guard sameUser || allowsAuthorizationID else {
            return finish(.malformedResponse("authorization identity differs from the user; proxy authorization is not allowed"))
        }
        state = .finished
        return .credentials(authorizationID: authzid.isEmpty ? nil : authzid, user: user, password: password)
    }

    private mutating func finish(_ failure: SASLFailure) -> SASLStep {
        state = .finished
        return .failure(failure)
    }

    /// Strict base64 (RFC 4648 §4, padding required); `=` and an empty line mean empty.
    private static func decode(_ line: String) -> [UInt8]? {
        if line.isEmpty || line == "=" { return [] }
        return Data(base64Encoded: line).map { Array($0) }
    }

    private enum Text { case success(String), failure(SASLFailure) }

    private static func text(_ bytes: [UInt8], field: String) -> Text {
        guard !bytes.isEmpty else { return .failure(.malformedResponse("empty \(field)")) }
        guard !bytes.contains(0) else { return .failure(.malformedResponse("\(field) contains NUL")) }
        guard let text = String(bytes: bytes, encoding: .utf8) else { return .failure(.malformedResponse("\(field) is not UTF-8")) }
        return .success(text)
    }
}
