-- The library: items with every version kept, tags for browsing, attachments, and adaptation
-- lineage (an adaptation points at its original; items are soft-deleted so lineage survives).

CREATE TABLE library_items (
    item_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('guide', 'worksheet', 'agenda', 'case_study',
        'research_summary', 'recording', 'slide_deck', 'other')),
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    practices TEXT NOT NULL DEFAULT '',
    domains TEXT NOT NULL DEFAULT '',
    regions TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '',
    license TEXT NOT NULL DEFAULT '',
    authors TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL CHECK (scope IN ('public', 'members', 'node')),
    node_id TEXT REFERENCES nodes (node_id),
    -- Who may read it, kept in step with the node's visibility: 'public', 'members', or 'node'
    -- (the node's own members: a node-scoped item of a secret node).
    reach TEXT NOT NULL CHECK (reach IN ('public', 'members', 'node')),
    created_by TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    adapted_from TEXT REFERENCES library_items (item_id),
    adapted_language TEXT NOT NULL DEFAULT '',
    adapted_context TEXT NOT NULL DEFAULT '',
    adapted_audience TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT,
    CHECK (scope <> 'node' OR node_id IS NOT NULL)
);

CREATE INDEX library_items_created ON library_items (created_at, item_id);
CREATE INDEX library_items_kind ON library_items (kind, created_at, item_id);
CREATE INDEX library_items_node ON library_items (node_id, created_at, item_id);
CREATE INDEX library_items_adapted_from ON library_items (adapted_from);

-- Lower-case tags, one row per (item, facet, value), for browsing by tag.
CREATE TABLE library_tags (
    item_id TEXT NOT NULL REFERENCES library_items (item_id) ON DELETE CASCADE,
    facet TEXT NOT NULL CHECK (facet IN ('practice', 'domain', 'region', 'language')),
    value TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (item_id, facet, value)
);

CREATE INDEX library_tags_value ON library_tags (facet, value COLLATE "C", created_at, item_id);

-- Every version of every item, the current one included.
CREATE TABLE library_versions (
    item_id TEXT NOT NULL REFERENCES library_items (item_id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    practices TEXT NOT NULL,
    domains TEXT NOT NULL,
    regions TEXT NOT NULL,
    languages TEXT NOT NULL,
    license TEXT NOT NULL,
    authors TEXT NOT NULL,
    scope TEXT NOT NULL,
    node_id TEXT,
    edited_by TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    PRIMARY KEY (item_id, version)
);

CREATE TABLE library_attachments (
    attachment_id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES library_items (item_id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_by TEXT REFERENCES members (member_id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX library_attachments_item ON library_attachments (item_id, created_at);

-- What changed, for the search index of every `praxis serve` process to catch up with.
CREATE TABLE search_changes (
    change_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity TEXT NOT NULL CHECK (entity IN ('item', 'node', 'member')),
    entity_id TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);

CREATE INDEX search_changes_at ON search_changes (changed_at);
