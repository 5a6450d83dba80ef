// MaildexCertificates
