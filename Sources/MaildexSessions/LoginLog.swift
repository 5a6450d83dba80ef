import Logging
import MaildexAuth

extension ConnectionInfo {
    /// One line per login attempt: the user, the method and, on failure, why (never the password).
    func logLogin(user: String, method: String, _ result: LoginResult) {
        switch result {
        case .success(let authenticated):
            log.info("Login", metadata: ["user": "\(user)", "method": "\(method)", "tls": "\(isTLS)"])
            loggedIn(authenticated.fields.username)
        case .refused(let refusal):
            log.notice("Login failed", metadata: ["user": "\(user)", "method": "\(method)", "reason": "\(refusal)"])
        }
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int64 { components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000 }
}
