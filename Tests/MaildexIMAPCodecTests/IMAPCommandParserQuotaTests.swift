import MaildexIMAPCodec
import Testing

// GETQUOTA, GETQUOTAROOT and SETQUOTA (RFC 9208 §4, with the commands of its examples).
@Test(arguments: [
    ParseFixture.ok("a GETQUOTAROOT INBOX", .getQuotaRoot(mailbox: "INBOX")),
    .ok("a getquotaroot \"Lists/swift\"", .getQuotaRoot(mailbox: "Lists/swift")),
    .ok("a GETQUOTAROOT {5}\r\nDraft", .getQuotaRoot(mailbox: "Draft")),
    .ok("a GETQUOTA \"\"", .getQuota(root: "")),
    .ok("a GETQUOTA \"#user/alice\"", .getQuota(root: "#user/alice")),
    .ok("a GETQUOTA !partition/sda4", .getQuota(root: "!partition/sda4")),
    .ok("a SETQUOTA \"#user/alice\" (STORAGE 510)", .setQuota(root: "#user/alice", limits: [.init(name: "STORAGE", limit: 510)])),
    .ok("a SETQUOTA \"\" (storage 512 MESSAGE 1000)",
        .setQuota(root: "", limits: [.init(name: "STORAGE", limit: 512), .init(name: "MESSAGE", limit: 1000)])),
    .ok("a SETQUOTA \"\" ()", .setQuota(root: "", limits: [])),
    .ok("a SETQUOTA \"\" (X-FOO 9223372036854775807)", .setQuota(root: "", limits: [.init(name: "X-FOO", limit: UInt64(Int64.max))])),
    .bad("a GETQUOTAROOT", "missing mailbox name"),
    .bad("a GETQUOTAROOT INBOX Sent", "Sent"),
    .bad("a GETQUOTA", "GETQUOTA"),
    .bad("a GETQUOTA (STORAGE)", "quota root name"),
    .bad("a SETQUOTA \"\"", "SETQUOTA"),
    .bad("a SETQUOTA \"\" STORAGE 512", "("),
    .bad("a SETQUOTA \"\" (STORAGE)", "SETQUOTA"),
    .bad("a SETQUOTA \"\" (STORAGE -1)", "invalid resource limit -1"),
    .bad("a SETQUOTA \"\" (STORAGE 9223372036854775808)", "invalid resource limit 9223372036854775808"),
    .bad("a SETQUOTA \"\" (STORAGE 512", ")"),
    .bad("a SETQUOTA \"\" (512 STORAGE)", "invalid resource limit STORAGE"),  // 512 is an atom
])
func parseQuota(_ fixture: ParseFixture) {
    fixture.check()
}
