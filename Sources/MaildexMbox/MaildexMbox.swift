// MaildexMbox
