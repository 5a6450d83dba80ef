import Foundation
import MaildexTesting

/// Deterministic generator of realistic messages: several Received lines, DKIM, Message-ID,
/// Date over 2023-2024, From/To/Cc, 25% replies, 5% RFC 2047 subjects, 30% List-Id, sizes from
/// about 2 KB to 200 KB (median about 10 KB). Marker words give searches known answers:
/// "xylophone" in 1% of subjects, "ophelia.quint" as sender of 0.5%, "quasar" in 2% of bodies.
struct CorpusGenerator {

    static let words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore "
        + "et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo "
        + "consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint "
        + "occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum meeting report budget "
        + "schedule release server client network update review").split(separator: " ").map(String.init)
    static let names = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar"]
    static let domains = ["example.com", "example.org", "mail.example.net", "lists.example.edu"]

    let seed: UInt64

    static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()

    struct Message {
        var bytes: [UInt8]
        var date: Date
        var markers: Set<String>
    }

    func message(_ n: Int) -> Message {
        var rng = SplitMix64(seed: seed &+ UInt64(n) &* 0x1000_0001)
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        func roll(_ perMille: UInt64) -> Bool { rng.next() % 1000 < perMille }
        var markers = Set<String>()
        let date = Date(timeIntervalSince1970: 1_672_531_200 + Double(rng.next() % (2 * 365 * 86_400)))
        let from = roll(5) ? "ophelia.quint@example.com" : "\(pick(Self.names))@\(pick(Self.domains))"
        if from.hasPrefix("ophelia") { markers.insert("from") }
        var subjectWords = (0..<(3 + Int(rng.next() % 6))).map { _ in pick(Self.words) }
        if roll(10) { subjectWords.insert("xylophone", at: subjectWords.count / 2); markers.insert("subject") }
        var subject = subjectWords.joined(separator: " ")
        let reply = roll(250)
        if reply { subject = "Re: " + subject }
        if roll(50) { subject = "=?UTF-8?B?" + Data("Grüße – \(subject)".utf8).base64EncodedString() + "?=" }
        let formatter = Self.formatter
        var h = ""
        for hop in 0..<(2 + Int(rng.next() % 3)) {
            h += "Received: from mx\(hop).\(pick(Self.domains)) (mx\(hop).\(pick(Self.domains)) [192.0.2.\(rng.next() % 250)])\r\n\tby mail.example.com with ESMTPS id \(String(rng.next(), radix: 36))\r\n\tfor <bench@example.com>; \(formatter.string(from: date))\r\n"
        }
        h += "DKIM-Signature: v=1; a=rsa-sha256; d=\(pick(Self.domains)); s=s1; b=\(String(repeating: String(rng.next(), radix: 36), count: 6))\r\n"
        h += "Message-ID: <\(n).\(String(rng.next(), radix: 36))@\(pick(Self.domains))>\r\n"
        h += "Date: \(formatter.string(from: date))\r\n"
        h += "From: \(from.split(separator: "@")[0].capitalized) <\(from)>\r\n"
        h += "To: bench@example.com\r\n"
        if roll(400) { h += "Cc: \(pick(Self.names))@\(pick(Self.domains))\r\n" }
        h += "Subject: \(subject)\r\n"
        if reply {
            let ref = "<\(rng.next() % UInt64(max(n, 1))).ref@example.com>"
            h += "In-Reply-To: \(ref)\r\nReferences: \(ref)\r\n"
        }
        if roll(300) { h += "List-Id: <bench.lists.example.edu>\r\n" }
        h += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        // Sizes: log-uniform-ish between 2 KB and 200 KB, median near 10 KB.
        let u = Double(rng.next() % 10_000) / 10_000
        let target = Int(2_000 * pow(100, pow(u, 1.4)))
        var body = ""
        if roll(20) { body += "The quasar report is attached below.\r\n"; markers.insert("body") }
        while body.utf8.count < target {
            body += (0..<12).map { _ in pick(Self.words) }.joined(separator: " ") + "\r\n"
        }
        return Message(bytes: Array((h + body).utf8), date: date, markers: markers)
    }
}
