-- Header fields parsed once at delivery (decoded text; empty string when absent), so SEARCH on
-- them is an index query. A narrow table of its own: short-needle searches scan it row by row.
-- references_text holds the message-ids space-separated (NULL when none). Written once.
CREATE TABLE message_header (
    message_id INTEGER PRIMARY KEY REFERENCES message(id) ON DELETE CASCADE,
    from_text TEXT NOT NULL,
    to_text TEXT NOT NULL,
    cc_text TEXT NOT NULL,
    bcc_text TEXT NOT NULL,
    subject TEXT NOT NULL,
    sent_date REAL,
    message_id_text TEXT,
    in_reply_to_text TEXT,
    references_text TEXT
);

-- The FETCH strings, so FETCH ENVELOPE/BODYSTRUCTURE/BODY never opens the message file. Written once.
CREATE TABLE message_detail (
    message_id INTEGER PRIMARY KEY REFERENCES message(id) ON DELETE CASCADE,
    envelope TEXT NOT NULL,
    body_structure TEXT NOT NULL,
    body TEXT NOT NULL
);

-- Substring search on the address, subject and message-id fields: trigram FTS5
-- (case-insensitive), kept in step by triggers, so it is written in the delivery transaction.
CREATE VIRTUAL TABLE message_header_fts USING fts5(
    from_text, to_text, cc_text, bcc_text, subject, message_id_text, in_reply_to_text, references_text,
    content='message_header', content_rowid='message_id', tokenize='trigram', columnsize=0
);

CREATE TRIGGER message_header_ai AFTER INSERT ON message_header BEGIN
    INSERT INTO message_header_fts (rowid, from_text, to_text, cc_text, bcc_text, subject, message_id_text, in_reply_to_text, references_text)
    VALUES (new.message_id, new.from_text, new.to_text, new.cc_text, new.bcc_text, new.subject, new.message_id_text, new.in_reply_to_text, new.references_text);
END;

CREATE TRIGGER message_header_ad AFTER DELETE ON message_header BEGIN
    INSERT INTO message_header_fts (message_header_fts, rowid, from_text, to_text, cc_text, bcc_text, subject, message_id_text, in_reply_to_text, references_text)
    VALUES ('delete', old.message_id, old.from_text, old.to_text, old.cc_text, old.bcc_text, old.subject, old.message_id_text, old.in_reply_to_text, old.references_text);
END;
