-- The light message row: what SELECT, FETCH FLAGS/UID/INTERNALDATE/RFC822.SIZE and STORE touch.
-- id is AUTOINCREMENT so an id is never reused: the body FTS watermark relies on ids only growing.
-- system_flags is a bitmask (1 \Seen, 2 \Answered, 4 \Flagged, 8 \Deleted, 16 \Draft);
-- keywords are space-separated atoms, NULL when none.
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

-- Expunged UIDs with the MODSEQ of their expunge, for QRESYNC's VANISHED (RFC 7162 §3.2.10).
CREATE TABLE expunged (
    mailbox_id INTEGER NOT NULL REFERENCES mailbox(id) ON DELETE CASCADE,
    uid INTEGER NOT NULL,
    mod_seq INTEGER NOT NULL,
    PRIMARY KEY (mailbox_id, uid)
) WITHOUT ROWID;
