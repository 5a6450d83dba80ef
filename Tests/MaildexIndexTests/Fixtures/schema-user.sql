CREATE TABLE expunged (
    mailbox_id INTEGER NOT NULL REFERENCES mailbox(id) ON DELETE CASCADE,
    uid INTEGER NOT NULL,
    mod_seq INTEGER NOT NULL,
    PRIMARY KEY (mailbox_id, uid)
) WITHOUT ROWID;
CREATE TABLE mailbox (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    uid_validity INTEGER NOT NULL,
    uid_next INTEGER NOT NULL DEFAULT 1,
    highest_mod_seq INTEGER NOT NULL DEFAULT 1,
    special_use TEXT,
    synced_new_mtime REAL NOT NULL DEFAULT 0,
    synced_cur_mtime REAL NOT NULL DEFAULT 0
);
CREATE TABLE message (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    mailbox_id INTEGER NOT NULL REFERENCES mailbox(id) ON DELETE CASCADE,
    uid INTEGER NOT NULL,
    mod_seq INTEGER NOT NULL,
    system_flags INTEGER NOT NULL DEFAULT 0,
    keywords TEXT,
    internal_date REAL NOT NULL,
    size INTEGER NOT NULL,
    virtual_size INTEGER NOT NULL,
    base_name TEXT NOT NULL,
    file_name TEXT NOT NULL,
    UNIQUE (mailbox_id, uid)
);
CREATE TABLE message_detail (
    message_id INTEGER PRIMARY KEY REFERENCES message(id) ON DELETE CASCADE,
    envelope TEXT NOT NULL,
    body_structure TEXT NOT NULL,
    body TEXT NOT NULL
);
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
, base_subject TEXT, from_sort TEXT, to_sort TEXT, cc_sort TEXT, display_from TEXT, display_to TEXT);
CREATE TRIGGER message_header_ad AFTER DELETE ON message_header
WHEN old.message_id <= (SELECT value FROM state WHERE key = 'header_fts_indexed_through') BEGIN
    INSERT INTO message_header_fts (message_header_fts, rowid, from_text, to_text, cc_text, bcc_text, subject, message_id_text, in_reply_to_text, references_text)
    VALUES ('delete', old.message_id, old.from_text, old.to_text, old.cc_text, old.bcc_text, old.subject, old.message_id_text, old.in_reply_to_text, old.references_text);
END;
CREATE TABLE message_header_block (
    message_id INTEGER PRIMARY KEY REFERENCES message(id) ON DELETE CASCADE,
    header_text TEXT NOT NULL
);
CREATE VIRTUAL TABLE message_header_fts USING fts5(
    from_text, to_text, cc_text, bcc_text, subject, message_id_text, in_reply_to_text, references_text,
    content='message_header', content_rowid='message_id', tokenize='trigram', columnsize=0
);
CREATE TABLE 'message_header_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'message_header_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'message_header_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE VIRTUAL TABLE message_text_fts USING fts5(
    header_text, body_text, content='', tokenize='trigram', columnsize=0
);
CREATE TABLE 'message_text_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'message_text_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'message_text_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE quota_usage (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    storage INTEGER NOT NULL,
    messages INTEGER NOT NULL
);
CREATE TRIGGER quota_usage_delete AFTER DELETE ON message BEGIN
    UPDATE quota_usage SET storage = storage - old.virtual_size, messages = messages - 1 WHERE id = 1;
END;
CREATE TRIGGER quota_usage_insert AFTER INSERT ON message BEGIN
    UPDATE quota_usage SET storage = storage + new.virtual_size, messages = messages + 1 WHERE id = 1;
END;
CREATE TRIGGER quota_usage_update AFTER UPDATE OF virtual_size ON message BEGIN
    UPDATE quota_usage SET storage = storage - old.virtual_size + new.virtual_size WHERE id = 1;
END;
CREATE TABLE sqlite_sequence(name,seq);
CREATE TABLE state (
    key TEXT PRIMARY KEY NOT NULL,
    value INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE subscription (
    name TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;
