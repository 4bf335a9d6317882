-- A reflection on a workshop names the workshop, so the workshop's page can show what was
-- learned from it (to those who may read each reflection).

ALTER TABLE reflections ADD COLUMN workshop_id TEXT REFERENCES workshops (workshop_id) ON DELETE SET NULL;
CREATE INDEX reflections_workshop ON reflections (workshop_id, created_at);
