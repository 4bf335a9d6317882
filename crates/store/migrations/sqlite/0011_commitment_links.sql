-- A commitment is made somewhere: besides a campaign, at a workshop session (an event) or in
-- a one-on-one (a meeting). The link is dropped, the commitment kept, when either goes.

ALTER TABLE commitments ADD COLUMN session_id TEXT REFERENCES workshop_sessions (session_id) ON DELETE SET NULL;
ALTER TABLE commitments ADD COLUMN one_on_one_id TEXT REFERENCES one_on_ones (one_on_one_id) ON DELETE SET NULL;
CREATE INDEX commitments_session ON commitments (session_id);
CREATE INDEX commitments_one_on_one ON commitments (one_on_one_id);
