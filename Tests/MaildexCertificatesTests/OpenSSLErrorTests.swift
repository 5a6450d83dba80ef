import MaildexCertificates
import Testing

@Suite struct OpenSSLErrorTests {
    @Test func namesTheOperationAndTheQueue() {
        let error = OpenSSLError(operation: "sign certificate", queue: ["error:1:a", "error:2:b"])
        #expect(error.description == "sign certificate: error:1:a; error:2:b")
        #expect(OpenSSLError(operation: "sign certificate", queue: []).description == "sign certificate: failed (no OpenSSL error detail)")
    }
}
