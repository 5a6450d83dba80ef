// MaildexMIME
