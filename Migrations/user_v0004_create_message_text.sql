-- The raw header block, for SEARCH HEADER <field> and TEXT, and MessageDetail.headers.headerText.
-- A table of its own: it is kilobytes per message and SEARCH is nearly its only reader.
CREATE TABLE message_header_block (
    message_id INTEGER PRIMARY KEY REFERENCES message(id) ON DELETE CASCADE,
    header_text TEXT NOT NULL
);

-- Trigram FTS5 over the header block and the decoded body text, filled by the catch-up indexer
-- (MailIndex.indexPendingBodies) up to the watermark state.body_fts_indexed_through. Rows above
-- it are searched by reading their files. Contentless: the body text is read from the message
-- file when the indexer reaches it, so the index never holds a second copy of every message.
-- A contentless table cannot delete rows; rows of expunged messages stay until a rebuild and
-- never match, because searches join on message ids, which AUTOINCREMENT never reuses.
CREATE VIRTUAL TABLE message_text_fts USING fts5(
    header_text, body_text, content='', tokenize='trigram', columnsize=0
);

INSERT INTO state (key, value) VALUES ('body_fts_indexed_through', 0);
