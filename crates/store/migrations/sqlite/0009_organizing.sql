-- Organizing inside a node: teams (the snowflake model; "crews" in the code), their health
-- checks, campaigns with their actor map and timeline, reflections and lessons.

CREATE TABLE crews (
    crew_id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES nodes (node_id) ON DELETE CASCADE,
    parent_id TEXT REFERENCES crews (crew_id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    purpose TEXT NOT NULL,
    norms TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX crews_node ON crews (node_id, name);

CREATE TABLE crew_members (
    crew_id TEXT NOT NULL REFERENCES crews (crew_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (crew_id, member_id)
);
CREATE INDEX crew_members_member ON crew_members (member_id);

CREATE TABLE crew_health_checks (
    crew_id TEXT NOT NULL REFERENCES crews (crew_id) ON DELETE CASCADE,
    checked_at BIGINT NOT NULL,
    by_id TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    real_team BIGINT NOT NULL,
    compelling_purpose BIGINT NOT NULL,
    right_people BIGINT NOT NULL,
    sound_structure BIGINT NOT NULL,
    supportive_context BIGINT NOT NULL,
    team_coaching BIGINT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX crew_health_checks_crew ON crew_health_checks (crew_id, checked_at);

CREATE TABLE campaigns (
    campaign_id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES nodes (node_id) ON DELETE CASCADE,
    crew_id TEXT REFERENCES crews (crew_id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    reach TEXT NOT NULL CHECK (reach IN ('team', 'node', 'network')),
    constituency TEXT NOT NULL DEFAULT '',
    problem TEXT NOT NULL DEFAULT '',
    vision TEXT NOT NULL DEFAULT '',
    goal_statement TEXT NOT NULL DEFAULT '',
    goal_metric TEXT NOT NULL DEFAULT '',
    goal_target BIGINT,
    goal_deadline TEXT,
    toc_if TEXT NOT NULL DEFAULT '',
    toc_then TEXT NOT NULL DEFAULT '',
    toc_because TEXT NOT NULL DEFAULT '',
    os_who TEXT NOT NULL DEFAULT '',
    os_what TEXT NOT NULL DEFAULT '',
    os_how TEXT NOT NULL DEFAULT '',
    os_when TEXT NOT NULL DEFAULT '',
    created_by TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX campaigns_node ON campaigns (node_id, created_at);

CREATE TABLE campaign_actors (
    actor_id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns (campaign_id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    interests TEXT NOT NULL DEFAULT '',
    resources TEXT NOT NULL DEFAULT ''
);
CREATE INDEX campaign_actors_campaign ON campaign_actors (campaign_id);

CREATE TABLE campaign_phases (
    phase_id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns (campaign_id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    on_date TEXT NOT NULL,
    goal BIGINT NOT NULL,
    actual BIGINT
);
CREATE INDEX campaign_phases_campaign ON campaign_phases (campaign_id, on_date);

ALTER TABLE commitments ADD COLUMN campaign_id TEXT REFERENCES campaigns (campaign_id) ON DELETE SET NULL;
CREATE INDEX commitments_campaign ON commitments (campaign_id);

CREATE TABLE reflections (
    reflection_id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES nodes (node_id) ON DELETE CASCADE,
    crew_id TEXT REFERENCES crews (crew_id) ON DELETE SET NULL,
    campaign_id TEXT REFERENCES campaigns (campaign_id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    label TEXT NOT NULL,
    reach TEXT NOT NULL CHECK (reach IN ('team', 'node', 'network')),
    intended TEXT NOT NULL,
    happened TEXT NOT NULL,
    difference TEXT NOT NULL DEFAULT '',
    sustain TEXT NOT NULL DEFAULT '',
    improve TEXT NOT NULL DEFAULT '',
    numbers TEXT NOT NULL DEFAULT '',
    participants TEXT NOT NULL DEFAULT '',
    author_id TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX reflections_campaign ON reflections (campaign_id, created_at);
CREATE INDEX reflections_node ON reflections (node_id, created_at);

CREATE TABLE lessons (
    lesson_id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES nodes (node_id) ON DELETE CASCADE,
    crew_id TEXT REFERENCES crews (crew_id) ON DELETE SET NULL,
    statement TEXT NOT NULL,
    practices TEXT NOT NULL DEFAULT '',
    domains TEXT NOT NULL DEFAULT '',
    regions TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('observation', 'identified', 'adopted')),
    reach TEXT NOT NULL CHECK (reach IN ('team', 'node', 'network')),
    author_id TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX lessons_node ON lessons (node_id, created_at);

CREATE TABLE lesson_sources (
    lesson_id TEXT NOT NULL REFERENCES lessons (lesson_id) ON DELETE CASCADE,
    reflection_id TEXT NOT NULL REFERENCES reflections (reflection_id) ON DELETE CASCADE,
    PRIMARY KEY (lesson_id, reflection_id)
);
CREATE INDEX lesson_sources_reflection ON lesson_sources (reflection_id);

CREATE TABLE lesson_endorsements (
    lesson_id TEXT NOT NULL REFERENCES lessons (lesson_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    context TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (lesson_id, member_id)
);

CREATE TABLE lesson_items (
    lesson_id TEXT NOT NULL REFERENCES lessons (lesson_id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES library_items (item_id) ON DELETE CASCADE,
    PRIMARY KEY (lesson_id, item_id)
);

-- Lessons join the search change log. SQLite cannot alter a CHECK: the table is rebuilt, its
-- AUTOINCREMENT position kept so no change id is ever handed out twice.
ALTER TABLE search_changes RENAME TO search_changes_old;
CREATE TABLE search_changes (
    change_id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL CHECK (entity IN ('item', 'node', 'member', 'lesson')),
    entity_id TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);
INSERT INTO search_changes (change_id, entity, entity_id, changed_at)
    SELECT change_id, entity, entity_id, changed_at FROM search_changes_old;
DELETE FROM sqlite_sequence WHERE name = 'search_changes';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'search_changes', seq FROM sqlite_sequence WHERE name = 'search_changes_old';
DROP TABLE search_changes_old;
CREATE INDEX search_changes_at ON search_changes (changed_at);
