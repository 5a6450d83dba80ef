// MaildexPOP3Codec
