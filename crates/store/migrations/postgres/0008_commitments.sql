-- Commitments, the unit of action: who asked whom for what by when, and its path.

CREATE TABLE commitments (
    commitment_id TEXT PRIMARY KEY,
    asker_id TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    asked_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    what TEXT NOT NULL,
    due TEXT NOT NULL,
    context TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('asked', 'agreed', 'confirmed', 'done', 'flaked', 'declined')),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX commitments_asker ON commitments (asker_id, due);
CREATE INDEX commitments_asked ON commitments (asked_id, due);

CREATE TABLE commitment_events (
    commitment_id TEXT NOT NULL REFERENCES commitments (commitment_id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    by_id TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    at BIGINT NOT NULL
);

CREATE INDEX commitment_events_commitment ON commitment_events (commitment_id, at);
