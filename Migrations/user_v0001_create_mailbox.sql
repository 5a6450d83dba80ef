-- One row per mailbox (RFC 3501 §2.3.1.1 UIDVALIDITY/UIDNEXT, RFC 7162 HIGHESTMODSEQ,
-- RFC 6154 special-use), plus the Maildir sync state: the mtimes of new/ and cur/ seen at the
-- last reconciliation.
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

-- Subscriptions are by name: a subscription may name a mailbox that does not exist (RFC 3501 §6.3.6).
CREATE TABLE subscription (
    name TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;

-- Small counters of the per-user index (last issued UIDVALIDITY, body FTS watermark).
CREATE TABLE state (
    key TEXT PRIMARY KEY NOT NULL,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO state (key, value) VALUES ('last_uid_validity', 0);
