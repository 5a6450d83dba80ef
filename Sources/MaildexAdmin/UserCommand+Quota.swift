import ArgumentParser
import MaildexIndex
import MaildexStore

extension UserCommand {
    struct SetQuota: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-quota",
            abstract: "Set a user's storage and message limits (IMAP QUOTA, LMTP 552 5.2.2 when full).",
            discussion: "`mailadm user set-quota alice 2G --messages 100000`; `none` removes a limit. A limit left out is kept.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        // Collected as unrecognized input, so that a negative number reaches the check that
        // names the problem instead of being taken for an option.
        @Argument(parsing: .allUnrecognized,
                  help: "Storage limit: bytes, or with a K, M, G or T suffix (powers of 1024); none for unlimited.")
        var storageArguments: [String] = []
        @Option(parsing: .unconditional, help: "Message count limit; none for unlimited.") var messages: String?

        func run() async throws {
            guard storageArguments.count <= 1 else {
                throw AdminError("one storage limit expected, got \(storageArguments.map { "'\($0)'" }.joined(separator: " "))")
            }
            let storage = storageArguments.first
            guard storage != nil || messages != nil else {
                throw AdminError("give a storage limit (e.g. 2G, or none) and/or --messages N")
            }
            let store = try global.openStore()
            let record = try lookUp(name, in: store)
            var limits = record.quotaLimits
            if let storage { limits.storage = try QuotaArgument.bytes(storage) }
            if let messages { limits.messages = try QuotaArgument.messages(messages) }
            try store.global.setQuotaLimits(limits, of: record.username)
            print("quota of \(record.username): \(QuotaLine(limits: limits, usage: nil))")
        }
    }
}

/// `storage 1.5 MiB of 2 GiB (0%), messages 12 of 1000 (1%)`, or without usage
/// `storage 2 GiB, messages unlimited`.
struct QuotaLine: CustomStringConvertible {
    var limits: QuotaLimits
    var usage: QuotaUsage?

    var description: String {
        "storage " + part(usage.map { QuotaArgument.describe($0.storage) }, limits.storage.map(QuotaArgument.describe),
                          usage?.storage, limits.storage)
            + ", messages " + part(usage.map { "\($0.messages)" }, limits.messages.map { "\($0)" }, usage?.messages, limits.messages)
    }

    private func part(_ used: String?, _ limit: String?, _ usedValue: Int64?, _ limitValue: Int64?) -> String {
        guard let used else { return limit ?? "unlimited" }
        guard let limit, let usedValue, let limitValue else { return "\(used) of unlimited" }
        let percent = limitValue > 0 ? usedValue * 100 / limitValue : (usedValue > 0 ? 100 : 0)
        return "\(used) of \(limit) (\(percent)%)"
    }
}
