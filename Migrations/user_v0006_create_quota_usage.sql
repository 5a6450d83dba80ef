-- What counts against the user's quota (RFC 9208 STORAGE and MESSAGE): the sum of RFC822.SIZE
-- (virtual_size) and the number of messages over all mailboxes. Kept by triggers, so that the
-- check before each APPEND, COPY or delivery reads one row: the aggregate over the message table
-- took about 45 ms at 100,000 messages. One row, id 1.
CREATE TABLE quota_usage (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    storage INTEGER NOT NULL,
    messages INTEGER NOT NULL
);
INSERT INTO quota_usage (id, storage, messages) SELECT 1, coalesce(sum(virtual_size), 0), count(*) FROM message;

CREATE TRIGGER quota_usage_insert AFTER INSERT ON message BEGIN
    UPDATE quota_usage SET storage = storage + new.virtual_size, messages = messages + 1 WHERE id = 1;
END;
-- Also fired by the ON DELETE CASCADE of a deleted mailbox.
CREATE TRIGGER quota_usage_delete AFTER DELETE ON message BEGIN
    UPDATE quota_usage SET storage = storage - old.virtual_size, messages = messages - 1 WHERE id = 1;
END;
CREATE TRIGGER quota_usage_update AFTER UPDATE OF virtual_size ON message BEGIN
    UPDATE quota_usage SET storage = storage - old.virtual_size + new.virtual_size WHERE id = 1;
END;
