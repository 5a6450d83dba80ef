import Foundation
import Testing

/// One line of Fixtures/doveadm-vectors.txt: `SCHEME<TAB>password<TAB>hash`.
struct DoveadmVector: CustomTestStringConvertible, Sendable {
    var scheme: String
    var password: String
    var hash: String
    var line: Int

    var testDescription: String { "line \(line): \(scheme) \"\(password)\"" }

    static let all: [DoveadmVector] = {
        guard let url = Bundle.module.url(forResource: "doveadm-vectors", withExtension: "txt", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { return nil }
            return DoveadmVector(scheme: fields[0], password: fields[1], hash: fields[2], line: index + 1)
        }
    }()
}
