/// One `resource-name SP resource-limit` pair of SETQUOTA (RFC 9208 §4.1.3).
///
/// ```
/// C: S0001 SETQUOTA "" (STORAGE 512)
///    -> .setQuota(root: "", limits: [SetQuotaResource(name: "STORAGE", limit: 512)])
/// ```
public struct SetQuotaResource: Sendable, Equatable {
    /// The resource name, upper-cased (`STORAGE`, `MESSAGE`, or an extension's atom).
    public var name: String
    /// The new limit (number64); STORAGE is in units of 1024 octets (RFC 9208 §5.1).
    public var limit: UInt64

    public init(name: String, limit: UInt64) {
        self.name = name
        self.limit = limit
    }
}
