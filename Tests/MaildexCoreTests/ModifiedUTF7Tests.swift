import MaildexCore
import Testing

@Suite struct ModifiedUTF7Tests {
    // RFC 3501 §5.1.3 examples and Dovecot-style names.
    @Test(arguments: [
        ("INBOX", "INBOX"),
        ("Entwürfe", "Entw&APw-rfe"),
        ("日本語", "&ZeVnLIqe-"),
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("Tom & Jerry", "Tom &- Jerry"),
        ("😀", "&2D3eAA-"),
        ("", ""),
    ])
    func roundTrip(_ decoded: String, _ encoded: String) throws {
        #expect(ModifiedUTF7.encode(decoded) == encoded)
        #expect(try ModifiedUTF7.decode(encoded) == decoded)
    }

    @Test(arguments: [
        "&ZeVnLIqe",      // unterminated shift
        "&Jjo!-",         // '!' is not in the base64 alphabet
        "&AGE-",          // "a" encoded: printable ASCII must stand for itself
        "&2D0-",          // lone high surrogate
        "tab\there",      // control character outside a shift
        "&ZeVnLIq-",      // bits left over
    ])
    func rejects(_ encoded: String) {
        #expect(throws: InvalidModifiedUTF7.self) { try ModifiedUTF7.decode(encoded) }
    }
}
