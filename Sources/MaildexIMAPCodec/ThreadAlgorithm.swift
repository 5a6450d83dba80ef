/// A threading algorithm of THREAD (RFC 5256 §3 `thread-alg`): ORDEREDSUBJECT (§4) or
/// REFERENCES (§5), advertised as `THREAD=ORDEREDSUBJECT THREAD=REFERENCES`.
///
///     C: A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000
///     S: * THREAD (166)(167)(168)(169)(172)(170)(171)(173)(174 (175)(176)(178)(181)(180))
public enum ThreadAlgorithm: String, Sendable, Equatable, CaseIterable {
    case orderedSubject = "ORDEREDSUBJECT"
    case references = "REFERENCES"
}
