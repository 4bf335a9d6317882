-- A participants file imported into a workshop invites every address by mail (whether or not
-- it has an account, so the import tells its staff nothing about who is registered); the
-- person takes their seat by following the link, signed in.
CREATE TABLE workshop_invitations (
    invitation_id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (workshop_id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT,
    accepted_by TEXT REFERENCES members (member_id) ON DELETE SET NULL
);

CREATE INDEX workshop_invitations_workshop ON workshop_invitations (workshop_id, email);
