import MaildexAdmin
import MaildexConfig
import Testing

/// `max_connections_per_ip` and `login_timeout`: defaults, Dovecot time units, and refusals with file and line.
struct DaemonLimitsTests {
    static let cases: [(text: String, perIP: Int?, timeout: Int?)] = [
        ("", 50, 60),
        ("max_connections_per_ip = 5\nlogin_timeout = 30s\n", 5, 30),
        ("max_connections_per_ip = 0\nlogin_timeout = 0\n", 0, 0),
        ("login_timeout = 2 mins\n", 50, 120),
        ("login_timeout = 1 hour\n", 50, 3_600),
        ("login_timeout = 45\n", 50, 45),
        ("max_connections_per_ip = -1\n", nil, nil),
        ("max_connections_per_ip = many\n", nil, nil),
        ("login_timeout = soon\n", nil, nil),
        ("login_timeout = 10 fortnights\n", nil, nil),
        ("login_timeout = 99999999999999999999h\n", nil, nil),
    ]

    @Test(arguments: cases)
    func limits(_ example: (text: String, perIP: Int?, timeout: Int?)) throws {
        let result = Result { () throws(ConfigError) in try DaemonConfigurationTests.read("ssl = no\n" + example.text) }
        switch (result, example.perIP, example.timeout) {
        case (.success(let daemon), let perIP?, let timeout?):
            #expect(daemon.maximumConnectionsPerIP == perIP)
            #expect(daemon.loginTimeoutSeconds == timeout)
        case (.failure(let error), nil, nil):
            #expect("\(error)".contains("maildex.conf:2:"), "names the line: \(error)")
        default:
            Issue.record("\(example.text): unexpected \(result)")
        }
    }
}
