/// The public-key algorithm of a ``PrivateKey``: what `mailadm cert key` offers.
///
/// RSA 2048 is the default, as with `openssl genrsa -out server.key 2048`; EC P-256
/// (`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`) is the smaller alternative.
public enum KeyAlgorithm: Sendable, Equatable {
    /// RSA with a modulus of `bits` bits; 2048 … 16384 are accepted.
    case rsa(bits: Int)
    /// ECDSA on NIST P-256 (prime256v1, RFC 5480).
    case ecP256

    /// RSA 2048.
    public static let `default` = KeyAlgorithm.rsa(bits: 2048)

    /// Smallest RSA modulus we generate: NIST SP 800-57 deprecates anything below 2048 bits.
    public static let minimumRSABits = 2048
    /// Largest RSA modulus we generate: libcrypto's own limit (OPENSSL_RSA_MAX_MODULUS_BITS).
    public static let maximumRSABits = 16384
}

extension KeyAlgorithm: CustomStringConvertible {
    /// `RSA 2048` or `EC P-256`.
    public var description: String {
        switch self {
        case .rsa(let bits): "RSA \(bits)"
        case .ecP256: "EC P-256"
        }
    }
}
