CREATE TABLE setting (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE user (
    name TEXT PRIMARY KEY NOT NULL,
    password_hash TEXT NOT NULL,
    home TEXT,
    quota_bytes INTEGER,
    quota_messages INTEGER,
    created_at REAL NOT NULL
);
