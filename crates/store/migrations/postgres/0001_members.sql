-- Members, their profiles, sign-in sessions, tokens, the mail outbox and log-in throttling.
-- Times are BIGINT unix milliseconds and booleans BIGINT 0/1 (see STYLE.md section 6).

CREATE TABLE members (
    member_id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    email_verified_at BIGINT,
    is_admin BIGINT NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    ui_language TEXT,
    display_name TEXT NOT NULL,
    bio TEXT NOT NULL DEFAULT '',
    time_zone TEXT,
    available_to_coach BIGINT NOT NULL DEFAULT 0 CHECK (available_to_coach IN (0, 1)),
    available_to_mentor BIGINT NOT NULL DEFAULT 0 CHECK (available_to_mentor IN (0, 1)),
    capacity BIGINT NOT NULL DEFAULT 0 CHECK (capacity BETWEEN 0 AND 20),
    visibility TEXT NOT NULL DEFAULT 'members' CHECK (visibility IN ('public', 'members', 'private')),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT members_email_key UNIQUE (email)
);

-- Listings walk profiles by name (keyset pagination) and filter by visibility as they go.
CREATE INDEX members_name_id ON members (display_name, member_id);

CREATE TABLE member_practices (
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    practice TEXT NOT NULL CHECK (practice IN ('public_narrative', 'relationships', 'structure', 'strategy', 'action', 'coaching')),
    level BIGINT NOT NULL CHECK (level BETWEEN 0 AND 5),
    PRIMARY KEY (member_id, practice)
);

CREATE INDEX member_practices_practice_level ON member_practices (practice, level, member_id);

CREATE TABLE member_tags (
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('role', 'domain', 'region', 'language')),
    value TEXT NOT NULL,
    -- The value lower-cased: filters match "climate" and "Climate" alike, through the index.
    value_key TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (member_id, kind, value)
);

CREATE INDEX member_tags_kind_key ON member_tags (kind, value_key, member_id);

-- The words of each member's name, regions, domains and bio, lower-cased: the directory's
-- text query matches word prefixes through this index (byte order, so a prefix is a range).
CREATE TABLE member_terms (
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    term TEXT NOT NULL,
    PRIMARY KEY (member_id, term)
);

CREATE INDEX member_terms_term ON member_terms (term COLLATE "C", member_id);

CREATE TABLE instance_flags (
    flag TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    session_hash TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX sessions_member ON sessions (member_id);

CREATE TABLE access_tokens (
    token_id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);

CREATE INDEX access_tokens_member ON access_tokens (member_id);

CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'change_email')),
    new_email TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE INDEX email_tokens_member ON email_tokens (member_id);

CREATE TABLE outbox (
    message_id TEXT PRIMARY KEY,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT NOT NULL DEFAULT 0,
    last_error TEXT
);

CREATE INDEX outbox_due ON outbox (next_attempt_at);

CREATE TABLE login_failures (
    failure_id TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    failed_at BIGINT NOT NULL
);

CREATE INDEX login_failures_scope ON login_failures (scope, failed_at);
