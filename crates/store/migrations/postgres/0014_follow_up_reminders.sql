-- The author of a one-on-one is reminded once when its follow-up is due.

ALTER TABLE one_on_ones ADD COLUMN reminded_at BIGINT;
CREATE INDEX one_on_ones_follow_up ON one_on_ones (follow_up);
