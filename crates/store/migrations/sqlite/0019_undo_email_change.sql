-- An email change leaves the old address a link to undo it, for some days (a new purpose of
-- email link). SQLite cannot alter a CHECK: the small table is rebuilt.
CREATE TABLE email_tokens_new (
    token_hash TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'change_email', 'undo_email_change')),
    new_email TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

INSERT INTO email_tokens_new (token_hash, member_id, purpose, new_email, created_at, expires_at, used_at)
SELECT token_hash, member_id, purpose, new_email, created_at, expires_at, used_at FROM email_tokens;

DROP TABLE email_tokens;

ALTER TABLE email_tokens_new RENAME TO email_tokens;

CREATE INDEX email_tokens_member ON email_tokens (member_id);
