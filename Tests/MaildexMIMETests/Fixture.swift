import Foundation

/// The .eml files in Fixtures/, loaded through the test bundle.
enum Fixture {
    static let names = [
        "plain", "alternative", "attachment", "forwarded", "japanese", "latin1", "group", "bare-lf",
        "no-final-newline", "broken",
    ]

    static func bytes(_ name: String) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "eml", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url)
        else { return [] }
        return [UInt8](data)
    }
}
