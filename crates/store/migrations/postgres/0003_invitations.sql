-- Invitations to nodes: by email (single use) or as a link (many uses until it expires).
-- Only a hash of each invitation's secret is stored.

CREATE TABLE node_invitations (
    invitation_id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES nodes (node_id) ON DELETE CASCADE,
    email TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT,
    accepted_by TEXT REFERENCES members (member_id) ON DELETE SET NULL
);

CREATE INDEX node_invitations_node_email ON node_invitations (node_id, email);
