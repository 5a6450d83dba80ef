-- Accounts kept in the global database (passdb/userdb driver "sql").
-- name is the normalised (lower-case) Username; password_hash carries its scheme ("{SHA512-CRYPT}$6$...").
CREATE TABLE user (
    name TEXT PRIMARY KEY NOT NULL,
    password_hash TEXT NOT NULL,
    home TEXT,
    quota_bytes INTEGER,
    quota_messages INTEGER,
    created_at REAL NOT NULL
);
