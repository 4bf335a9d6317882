-- Nodes of practice, their members and stewards, and their activity (which doubles as the
-- stewards' log).

CREATE TABLE nodes (
    node_id TEXT PRIMARY KEY,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('domain', 'region', 'values')),
    parent_id TEXT REFERENCES nodes (node_id),
    description TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'members', 'secret')),
    join_policy TEXT NOT NULL CHECK (join_policy IN ('open', 'request', 'invite')),
    safety BIGINT NOT NULL DEFAULT 0 CHECK (safety IN (0, 1)),
    -- A member's proposal waits for a network admin; only its proposer and admins see it.
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'proposed')),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT nodes_slug_key UNIQUE (slug)
);

CREATE INDEX nodes_parent_name ON nodes (parent_id, name);

CREATE TABLE node_members (
    node_id TEXT NOT NULL REFERENCES nodes (node_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('member', 'steward')),
    status TEXT NOT NULL CHECK (status IN ('active', 'requested', 'banned')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (node_id, member_id)
);

CREATE INDEX node_members_member ON node_members (member_id, status);

CREATE TABLE node_events (
    event_id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES nodes (node_id) ON DELETE CASCADE,
    actor_id TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    subject_id TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    by_steward BIGINT NOT NULL DEFAULT 0 CHECK (by_steward IN (0, 1)),
    created_at BIGINT NOT NULL
);

CREATE INDEX node_events_node ON node_events (node_id, created_at);
