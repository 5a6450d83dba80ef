import MaildexLMTPCodec
import Testing

@Test(arguments: [
    (LMTPReply(250, .init(2, 1, 5), "OK"), "250 2.1.5 OK\r\n"),
    (LMTPReply(220, nil, "mx Maildex LMTP ready"), "220 mx Maildex LMTP ready\r\n"),
    (LMTPReply(code: 250, lines: ["mx", "PIPELINING", "SIZE 100"]), "250-mx\r\n250-PIPELINING\r\n250 SIZE 100\r\n"),
    (LMTPReply(code: 451, status: .init(4, 3, 0), lines: ["first", "second"]), "451-4.3.0 first\r\n451 4.3.0 second\r\n"),
    (LMTPReply(code: 250, lines: []), "250 \r\n"),
    (LMTPReply(550, .init(5, 1, 1), "<a\r\nb> User doesn't exist"), "550 5.1.1 <a??b> User doesn't exist\r\n"),
])
func encodeReply(_ reply: LMTPReply, _ wire: String) {
    #expect(reply.encoded == Array(wire.utf8))
}

@Test func enhancedStatusCodeText() {
    #expect(EnhancedStatusCode(5, 3, 4).description == "5.3.4")
    #expect(LMTPReply(552, .init(5, 3, 4), "Message too big").isPositive == false)
    #expect(LMTPReply(250, .init(2, 0, 0), "OK").isPositive)
}
