// MaildexAdmin
