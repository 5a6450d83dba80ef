import CPAM
import Glibc

/// What the conversation function answers with, reached through `appdata_ptr`. The C copies
/// are zeroed and freed when the transaction ends.
final class PAMCredentials {
    let user: UnsafeMutablePointer<CChar>?
    let password: UnsafeMutablePointer<CChar>?
    /// PAM_ERROR_MSG / PAM_TEXT_INFO texts from the modules, for the log.
    var messages: [String] = []

    init(user: String, password: String) {
        self.user = strdup(user)
        self.password = strdup(password)
    }

    deinit {
        if let password { memset(password, 0, strlen(password)) }
        free(password)
        free(user)
    }
}

/// PAM's conversation callback (Linux-PAM: `messages` is an array of pointers). Replies are
/// `calloc`/`strdup` memory because PAM frees them.
let pamConversation: @convention(c) (
    Int32, UnsafeMutablePointer<UnsafePointer<pam_message>?>?,
    UnsafeMutablePointer<UnsafeMutablePointer<pam_response>?>?, UnsafeMutableRawPointer?
) -> Int32 = { count, messages, responses, appdata in
    guard count > 0, let messages, let responses, let appdata else { return PAM_CONV_ERR }
    let credentials = Unmanaged<PAMCredentials>.fromOpaque(appdata).takeUnretainedValue()
    guard let memory = calloc(Int(count), MemoryLayout<pam_response>.stride) else { return PAM_BUF_ERR }
    let replies = memory.bindMemory(to: pam_response.self, capacity: Int(count))
    for index in 0..<Int(count) {
        guard let message = messages[index]?.pointee else { continue }
        switch message.msg_style {
        case PAM_PROMPT_ECHO_OFF:
            replies[index].resp = credentials.password.flatMap { strdup($0) }
        case PAM_PROMPT_ECHO_ON:
            replies[index].resp = credentials.user.flatMap { strdup($0) }
        case PAM_ERROR_MSG, PAM_TEXT_INFO:
            if let text = message.msg { credentials.messages.append(String(cString: text)) }
        default:
            for reply in 0..<index { free(replies[reply].resp) }
            free(memory)
            return PAM_CONV_ERR
        }
    }
    responses.pointee = replies
    return PAM_SUCCESS
}
