-- One-on-one logs (private to their author unless shared with a team) and public narrative
-- drafts with their versions, reviewers and threaded feedback.

CREATE TABLE one_on_ones (
    one_on_one_id TEXT PRIMARY KEY,
    author_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    with_name TEXT NOT NULL,
    met_on TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    values_heard TEXT NOT NULL DEFAULT '',
    interests TEXT NOT NULL DEFAULT '',
    resources TEXT NOT NULL DEFAULT '',
    exchanged TEXT NOT NULL DEFAULT '',
    commitment TEXT NOT NULL DEFAULT '',
    follow_up TEXT,
    crew_id TEXT REFERENCES crews (crew_id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX one_on_ones_author ON one_on_ones (author_id, met_on);
CREATE INDEX one_on_ones_crew ON one_on_ones (crew_id, met_on);

CREATE TABLE narratives (
    narrative_id TEXT PRIMARY KEY,
    author_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('self', 'us', 'now')),
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX narratives_author ON narratives (author_id, created_at);

CREATE TABLE narrative_versions (
    narrative_id TEXT NOT NULL REFERENCES narratives (narrative_id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    challenge TEXT NOT NULL,
    choice TEXT NOT NULL,
    outcome TEXT NOT NULL,
    values_aimed TEXT NOT NULL DEFAULT '',
    emotions TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    PRIMARY KEY (narrative_id, version)
);

CREATE TABLE narrative_reviewers (
    narrative_id TEXT NOT NULL REFERENCES narratives (narrative_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    PRIMARY KEY (narrative_id, member_id)
);
CREATE INDEX narrative_reviewers_member ON narrative_reviewers (member_id);

CREATE TABLE narrative_feedback (
    feedback_id TEXT PRIMARY KEY,
    narrative_id TEXT NOT NULL REFERENCES narratives (narrative_id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    parent_id TEXT REFERENCES narrative_feedback (feedback_id) ON DELETE CASCADE,
    author_id TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX narrative_feedback_narrative ON narrative_feedback (narrative_id, version, created_at);
