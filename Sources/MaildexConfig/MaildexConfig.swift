// MaildexConfig
