-- Roster imports: the checked file, then the progress of the import that a background task
-- runs in batches (so a 50,000-row file never holds up a request).

CREATE TABLE roster_imports (
    import_id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES nodes (node_id) ON DELETE CASCADE,
    created_by TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    email_column BIGINT NOT NULL,
    content TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('checked', 'running', 'done', 'failed')),
    total_rows BIGINT NOT NULL,
    processed_rows BIGINT NOT NULL DEFAULT 0,
    invited BIGINT NOT NULL DEFAULT 0,
    merged BIGINT NOT NULL DEFAULT 0,
    rejected BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX roster_imports_node ON roster_imports (node_id, created_at);
