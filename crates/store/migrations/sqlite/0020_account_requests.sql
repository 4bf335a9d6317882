-- Sign-ups and password-reset requests wait here, queued by the request in one insert whether
-- or not the address is registered (so the answer's timing tells nothing), and are carried out
-- by a background worker that leases them (so several processes never do one twice).
CREATE TABLE account_requests (
    request_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('sign_up', 'reset_password')),
    email TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '',
    locale TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    claimed_until BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX account_requests_claimed ON account_requests (claimed_until, created_at);
