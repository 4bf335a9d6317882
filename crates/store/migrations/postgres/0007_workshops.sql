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

-- The workshop's own application questions, for participants or coaches.
CREATE TABLE workshop_questions (
    question_id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (workshop_id) ON DELETE CASCADE,
    audience TEXT NOT NULL CHECK (audience IN ('participant', 'coach')),
    position BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('short', 'long', 'single', 'multiple', 'scale')),
    prompt TEXT NOT NULL,
    choices TEXT NOT NULL DEFAULT '',
    required BIGINT NOT NULL CHECK (required IN (0, 1)),
    created_at BIGINT NOT NULL
);

CREATE INDEX workshop_questions_workshop ON workshop_questions (workshop_id, audience, position);

CREATE TABLE workshop_applications (
    application_id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (workshop_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('participant', 'coach')),
    status TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'waitlisted', 'declined', 'withdrawn')),
    -- When it joined the waiting list: the order in which seats are offered.
    waitlisted_at BIGINT,
    created_at BIGINT NOT NULL,
    decided_at BIGINT,
    CONSTRAINT workshop_applications_once UNIQUE (workshop_id, member_id, role)
);

CREATE INDEX workshop_applications_review ON workshop_applications (workshop_id, role, status, created_at);
CREATE INDEX workshop_applications_member ON workshop_applications (member_id);

CREATE TABLE workshop_answers (
    application_id TEXT NOT NULL REFERENCES workshop_applications (application_id) ON DELETE CASCADE,
    question_id TEXT NOT NULL REFERENCES workshop_questions (question_id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (application_id, question_id)
);

-- Teams: a proposal from the engine (a draft the trainers review and change), then published.
CREATE TABLE workshop_teams (
    team_id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (workshop_id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    coach_id TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    co_coach_id TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    language TEXT NOT NULL,
    published_at BIGINT,
    created_at BIGINT NOT NULL
);

CREATE INDEX workshop_teams_workshop ON workshop_teams (workshop_id, position);

CREATE TABLE workshop_team_members (
    team_id TEXT NOT NULL REFERENCES workshop_teams (team_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    -- Why the engine placed them here, one reason code per line (empty once moved by hand).
    reasons TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (team_id, member_id)
);

CREATE INDEX workshop_team_members_member ON workshop_team_members (member_id);

-- Who came to each session.
CREATE TABLE workshop_attendance (
    session_id TEXT NOT NULL REFERENCES workshop_sessions (session_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    present BIGINT NOT NULL CHECK (present IN (0, 1)),
    recorded_by TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, member_id)
);

-- Coaching logs, following the coaching model. The private note is for its author and the
-- workshop's lead trainers only, and every read of it is recorded; the shared note is also
-- for the participant it is about.
CREATE TABLE coaching_logs (
    log_id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (workshop_id) ON DELETE CASCADE,
    session_id TEXT REFERENCES workshop_sessions (session_id) ON DELETE SET NULL,
    author_id TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    -- About one participant, or about a whole team.
    subject_id TEXT REFERENCES members (member_id) ON DELETE CASCADE,
    team_id TEXT REFERENCES workshop_teams (team_id) ON DELETE CASCADE,
    challenge TEXT NOT NULL CHECK (challenge IN ('heart', 'hands', 'head')),
    observation TEXT NOT NULL DEFAULT '',
    diagnosis TEXT NOT NULL DEFAULT '',
    intervention TEXT NOT NULL DEFAULT '',
    debrief TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    next_check_in TEXT,
    shared_note TEXT NOT NULL DEFAULT '',
    private_note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    CHECK ((subject_id IS NULL) <> (team_id IS NULL))
);

CREATE INDEX coaching_logs_workshop ON coaching_logs (workshop_id, created_at);
CREATE INDEX coaching_logs_subject ON coaching_logs (subject_id, workshop_id);

CREATE TABLE private_note_reads (
    log_id TEXT NOT NULL REFERENCES coaching_logs (log_id) ON DELETE CASCADE,
    reader_id TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    read_at BIGINT NOT NULL
);

CREATE INDEX private_note_reads_log ON private_note_reads (log_id, read_at);

-- Completion certificates: a public page at an unguessable address verifies one.
CREATE TABLE certificates (
    certificate_id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    workshop_id TEXT NOT NULL REFERENCES workshops (workshop_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    issued_by TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    issued_at BIGINT NOT NULL,
    revoked_at BIGINT,
    CONSTRAINT certificates_code_key UNIQUE (code),
    CONSTRAINT certificates_once UNIQUE (workshop_id, member_id)
);

-- Talent pathways: the steps a member reached (participant → paired coach → coach →
-- meta-coach or upfront trainer → lead trainer), and nominations of emerging leaders.
CREATE TABLE pathway_steps (
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    step TEXT NOT NULL CHECK (step IN ('participant', 'paired_coach', 'coach', 'meta_coach',
        'upfront_trainer', 'lead_trainer')),
    reached_on TEXT NOT NULL,
    recorded_by TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (member_id, step)
);

CREATE INDEX pathway_steps_step ON pathway_steps (step, reached_on);

CREATE TABLE nominations (
    nomination_id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    nominated_by TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    step TEXT NOT NULL,
    evidence TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX nominations_created ON nominations (created_at);

-- Plus/delta after a session: what worked, what to change, and a rating from 1 to 5.
CREATE TABLE session_feedback (
    session_id TEXT NOT NULL REFERENCES workshop_sessions (session_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    rating BIGINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    plus TEXT NOT NULL DEFAULT '',
    delta TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, member_id)
);

-- Pre- and post-workshop self-assessment: confidence in each practice of the workshop, 1 to 5.
CREATE TABLE survey_answers (
    workshop_id TEXT NOT NULL REFERENCES workshops (workshop_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    phase TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
    practice TEXT NOT NULL,
    rating BIGINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workshop_id, member_id, phase, practice)
);
