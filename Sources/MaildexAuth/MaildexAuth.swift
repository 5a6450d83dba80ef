// MaildexAuth
