-- The day before a commitment agreed to comes due, the member who made it is reminded once.

ALTER TABLE commitments ADD COLUMN reminded_at BIGINT;
CREATE INDEX commitments_due_status ON commitments (status, due);
