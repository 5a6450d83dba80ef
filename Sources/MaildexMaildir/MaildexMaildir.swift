// MaildexMaildir
