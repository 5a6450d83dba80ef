-- The raw header block and the decoded body text, for SEARCH HEADER <field>, BODY and TEXT.
-- They live here, beside the FTS, rather than in message_header: together they are kilobytes per
-- message, and SEARCH is the only reader besides MessageDetail.headers.headerText.
CREATE TABLE message_body (
    message_id INTEGER PRIMARY KEY REFERENCES message(id) ON DELETE CASCADE,
    header_text TEXT NOT NULL,
    body_text TEXT NOT NULL
);

-- Trigram FTS5 over both, filled by the catch-up indexer (MailIndex.indexPendingBodies) up to
-- the watermark state.body_fts_indexed_through; rows above it are searched by a direct scan.
CREATE VIRTUAL TABLE message_body_fts USING fts5(
    header_text, body_text,
    content='message_body', content_rowid='message_id', tokenize='trigram', columnsize=0
);

INSERT INTO state (key, value) VALUES ('body_fts_indexed_through', 0);

-- Only rows at or below the watermark are in the FTS; removing others would corrupt it.
CREATE TRIGGER message_body_ad AFTER DELETE ON message_body
WHEN old.message_id <= (SELECT value FROM state WHERE key = 'body_fts_indexed_through') BEGIN
    INSERT INTO message_body_fts (message_body_fts, rowid, header_text, body_text)
    VALUES ('delete', old.message_id, old.header_text, old.body_text);
END;
