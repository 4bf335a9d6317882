-- Workshops with their sessions and staff. Who may see a workshop follows its scope, like a
-- library item: public, network members, or its node (the node's visibility decides).

CREATE TABLE workshops (
    workshop_id TEXT PRIMARY KEY,
    node_id TEXT REFERENCES nodes (node_id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    modules TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL CHECK (format IN ('online', 'in_person', 'hybrid')),
    place TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL,
    participant_capacity BIGINT NOT NULL,
    coach_capacity BIGINT NOT NULL,
    applications_open TEXT,
    applications_close TEXT,
    scope TEXT NOT NULL CHECK (scope IN ('public', 'members', 'node')),
    reach TEXT NOT NULL CHECK (reach IN ('public', 'members', 'node')),
    created_by TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (scope <> 'node' OR node_id IS NOT NULL)
);

CREATE INDEX workshops_created ON workshops (created_at, workshop_id);
CREATE INDEX workshops_node ON workshops (node_id, created_at, workshop_id);

CREATE TABLE workshop_staff (
    workshop_id TEXT NOT NULL REFERENCES workshops (workshop_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead_trainer', 'trainer', 'coach', 'meta_coach', 'coordinator')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workshop_id, member_id, role)
);

CREATE INDEX workshop_staff_member ON workshop_staff (member_id);

CREATE TABLE workshop_sessions (
    session_id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (workshop_id) ON DELETE CASCADE,
    starts_on TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    duration_minutes BIGINT NOT NULL,
    module TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);

CREATE INDEX workshop_sessions_workshop ON workshop_sessions (workshop_id, starts_on, starts_at);
