import COpenSSL

extension DistinguishedName {
    /// Builds a new `X509_NAME` (the caller frees it) after ``validate()``.
    func makeX509Name() throws -> OpaquePointer {
        try validate()
        guard let name = X509_NAME_new() else { throw openSSLFailure("allocate subject name") }
        var ok = false
        defer { if !ok { X509_NAME_free(name) } }
        for field in fields {
            let bytes = Array(field.value.utf8)
            let added = X509_NAME_add_entry_by_txt(name, field.shortName, MBSTRING_UTF8, bytes, Int32(bytes.count), -1, 0)
            guard added == 1 else { throw openSSLFailure("add subject field \(field.shortName)=\(field.value)") }
        }
        ok = true
        return name
    }
}
