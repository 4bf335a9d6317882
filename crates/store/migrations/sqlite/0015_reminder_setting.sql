-- Reminder mail is a member's choice: some would rather no mail from the network reached
-- their inbox more often than needed.

ALTER TABLE members ADD COLUMN reminders BIGINT NOT NULL DEFAULT 1 CHECK (reminders IN (0, 1));
