import CPAM
import Dispatch

/// The `pam` passdb: checks system users' passwords through PAM (`pam_authenticate`, then
/// `pam_acct_mgmt` for expired or locked accounts).
///
/// ```
/// passdb { driver = pam  args = maildex }     # /etc/pam.d/maildex
/// ```
/// PAM modules block (pam_unix sleeps ~2 s after a wrong password), so every session runs on
/// a Dispatch queue, never on the caller's executor. pam_unix can check other users'
/// passwords only as root or with the `shadow` group.
public struct PAMPassDB: PassDB {
    public let name = "pam"
    /// The PAM service, i.e. the file in /etc/pam.d. The default is `maildex`.
    public var service: String
    private let onMessage: @Sendable (String) -> Void

    /// `onMessage` receives PAM's reason for every refusal or error (for the log; it never
    /// contains the password).
    public init(service: String = "maildex", onMessage: @escaping @Sendable (String) -> Void = { _ in }) {
        self.service = service
        self.onMessage = onMessage
    }

    private static let queue = DispatchQueue(label: "maildex.auth.pam", qos: .userInitiated, attributes: .concurrent)

    public func verify(user: String, password: String) async throws -> PassDBResult {
        guard !user.isEmpty, !user.contains("\0"), !password.contains("\0") else { return .unknownUser }
        let service = service
        let onMessage = onMessage
        return try await withCheckedThrowingContinuation { continuation in
            Self.queue.async {
                continuation.resume(with: Result {
                    try PAMSession.authenticate(service: service, user: user, password: password, onMessage: onMessage)
                })
            }
        }
    }
}

/// PAM failed for a reason other than a wrong password or an unknown user.
public struct PAMFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The PAM call, e.g. `pam_authenticate`.
    public var operation: String
    /// The PAM status code (`PAM_*`).
    public var code: Int32
    /// `pam_strerror`'s text.
    public var message: String
    public var description: String { "PAM \(operation) failed: \(message) (\(code))" }
}

/// One blocking PAM transaction; runs on the PAM queue.
enum PAMSession {
    static func authenticate(service: String, user: String, password: String, onMessage: (String) -> Void) throws -> PassDBResult {
        let credentials = PAMCredentials(user: user, password: password)
        return try withExtendedLifetime(credentials) {
            var conversation = pam_conv(conv: pamConversation, appdata_ptr: Unmanaged.passUnretained(credentials).toOpaque())
            var handle: OpaquePointer?
            var status = pam_start(service, user, &conversation, &handle)
            guard status == PAM_SUCCESS, let handle else {
                throw PAMFailure(operation: "pam_start(\(service))", code: status, message: String(cString: pam_strerror(handle, status)))
            }
            defer { pam_end(handle, status) }
            status = pam_authenticate(handle, Int32(bitPattern: PAM_SILENT | PAM_DISALLOW_NULL_AUTHTOK))
            if status == PAM_SUCCESS { status = pam_acct_mgmt(handle, Int32(bitPattern: PAM_SILENT)) }
            let reason = String(cString: pam_strerror(handle, status))
            switch status {
            case PAM_SUCCESS:
                return .success(UserFields(username: user))
            case PAM_USER_UNKNOWN:
                onMessage("pam(\(service)): \(reason)")
                return .unknownUser
            case PAM_AUTH_ERR, PAM_MAXTRIES, PAM_CRED_INSUFFICIENT, PAM_ACCT_EXPIRED, PAM_PERM_DENIED, PAM_NEW_AUTHTOK_REQD:
                onMessage("pam(\(service)): \(reason)" + credentials.messages.map { "; \($0)" }.joined())
                return .passwordMismatch
            default:
                onMessage("pam(\(service)): \(reason)")
                throw PAMFailure(operation: "pam_authenticate", code: status, message: reason)
            }
        }
    }
}
