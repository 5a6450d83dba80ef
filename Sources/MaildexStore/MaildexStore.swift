// MaildexStore
