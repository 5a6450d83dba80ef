// MaildexLMTPCodec
