import MaildexIMAPCodec
import Testing

// COMPRESS (RFC 4978 §3, §5): any atom parses; the session refuses all but DEFLATE.
@Test(arguments: [
    ParseFixture.ok("a COMPRESS DEFLATE", .compress(algorithm: "DEFLATE")),
    .ok("a compress deflate", .compress(algorithm: "DEFLATE")),
    .ok("a COMPRESS LZW", .compress(algorithm: "LZW")),
    .bad("a COMPRESS", "COMPRESS: missing argument"),
    .bad("a COMPRESS \"DEFLATE\"", "expected compression algorithm"),
    .bad("a COMPRESS DEFLATE X", "unexpected X at end of command"),
])
func compress(_ fixture: ParseFixture) { fixture.check() }

// CREATE with special uses (RFC 6154 §3, §6 `create-param`), from the RFC's examples.
@Test(arguments: [
    ParseFixture.ok("a CREATE MySpecial (USE (\\Drafts \\Sent))", .create(mailbox: "MySpecial", specialUse: ["\\Drafts", "\\Sent"])),
    .ok("a CREATE Sent2 (use (\\sent))", .create(mailbox: "Sent2", specialUse: ["\\sent"])),
    .ok("a CREATE Box (USE ())", .create(mailbox: "Box", specialUse: [])),
    .ok("a CREATE Box (USE (\\Sent \\SENT))", .create(mailbox: "Box", specialUse: ["\\Sent"])),
    .ok("a CREATE Box (USE (\\Frobnicate))", .create(mailbox: "Box", specialUse: ["\\Frobnicate"])),
    .ok("a CREATE \"My Box\" (USE (\\Archive))", .create(mailbox: "My Box", specialUse: ["\\Archive"])),
    .bad("a CREATE Box ()", "CREATE: empty list"),
    .bad("a CREATE Box (USE \\Sent)", "expected ("),
    .bad("a CREATE Box (USE (Sent))", "expected \\ before a special use"),
    .bad("a CREATE Box (FROB (x))", "unknown CREATE parameter FROB"),
    .bad("a CREATE Box (USE (\\Sent)", "expected )"),
    .bad("a CREATE Box USE (\\Sent)", "expected ("),
])
func createSpecialUse(_ fixture: ParseFixture) { fixture.check() }
