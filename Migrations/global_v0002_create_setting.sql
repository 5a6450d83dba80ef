-- Free-form server settings (key -> value), e.g. values mailadm remembers between runs.
CREATE TABLE setting (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
