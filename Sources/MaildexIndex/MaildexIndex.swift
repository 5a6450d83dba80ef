// MaildexIndex
