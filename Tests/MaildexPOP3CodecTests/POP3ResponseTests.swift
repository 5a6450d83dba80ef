import MaildexPOP3Codec
import Testing

@Test(arguments: [
    (POP3Response.ok("2 320"), "+OK 2 320\r\n"),
    (.ok(""), "+OK\r\n"),
    (.error(nil, "Unknown command."), "-ERR Unknown command.\r\n"),
    (.error(.auth, "Authentication failed."), "-ERR [AUTH] Authentication failed.\r\n"),
    (.error(.sysTemp, "Try later."), "-ERR [SYS/TEMP] Try later.\r\n"),
    (.error(.sysPerm, "No."), "-ERR [SYS/PERM] No.\r\n"),
    (.error(.inUse, "Locked."), "-ERR [IN-USE] Locked.\r\n"),
    (.error(.loginDelay, "Wait."), "-ERR [LOGIN-DELAY] Wait.\r\n"),
    (.continuation(""), "+ \r\n"),
    (.continuation("VXNlcm5hbWU6"), "+ VXNlcm5hbWU6\r\n"),
    (.multiLine("2 messages:", ["1 120", "2 200"]), "+OK 2 messages:\r\n1 120\r\n2 200\r\n.\r\n"),
    (.multiLine("", []), "+OK\r\n.\r\n"),
    (.multiLine("Capability list follows", [".hidden", "TOP"]), "+OK Capability list follows\r\n..hidden\r\nTOP\r\n.\r\n"),
    (.error(nil, "bad\r\n+OK forged"), "-ERR bad  +OK forged\r\n"),
])
func encode(_ response: POP3Response, _ wire: String) {
    #expect(String(decoding: response.encoded, as: UTF8.self) == wire)
}

@Test func responseCodesAreRFC3206Names() {
    #expect(POP3ResponseCode.allCases.map(\.rawValue) == ["AUTH", "SYS/TEMP", "SYS/PERM", "IN-USE", "LOGIN-DELAY"])
}
