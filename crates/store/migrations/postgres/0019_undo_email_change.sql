-- An email change leaves the old address a link to undo it, for some days (a new purpose of
-- email link).
ALTER TABLE email_tokens DROP CONSTRAINT email_tokens_purpose_check;

ALTER TABLE email_tokens ADD CONSTRAINT email_tokens_purpose_check
    CHECK (purpose IN ('verify_email', 'reset_password', 'change_email', 'undo_email_change'));
