-- Organizations: their profiles and the members affiliated with them (claimed by the member,
-- confirmed by an organization admin).

CREATE TABLE organizations (
    org_id TEXT PRIMARY KEY,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    domains TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    contact_visibility TEXT NOT NULL CHECK (contact_visibility IN ('public', 'members', 'admins')),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT organizations_slug_key UNIQUE (slug)
);

CREATE INDEX organizations_name ON organizations (name, org_id);

-- Lower-case domains and words (of the name, region and description), for the directory.
CREATE TABLE organization_terms (
    org_id TEXT NOT NULL REFERENCES organizations (org_id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('domain', 'region', 'word')),
    term TEXT NOT NULL,
    PRIMARY KEY (org_id, kind, term)
);

CREATE INDEX organization_terms_term ON organization_terms (kind, term COLLATE "C", org_id);

CREATE TABLE organization_members (
    org_id TEXT NOT NULL REFERENCES organizations (org_id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (member_id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    status TEXT NOT NULL CHECK (status IN ('claimed', 'confirmed')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, member_id)
);

CREATE INDEX organization_members_member ON organization_members (member_id);

-- A node may be hosted by an organization (set by its stewards, who must belong to it).
ALTER TABLE nodes ADD COLUMN organization_id TEXT REFERENCES organizations (org_id) ON DELETE SET NULL;

CREATE INDEX nodes_organization ON nodes (organization_id);
