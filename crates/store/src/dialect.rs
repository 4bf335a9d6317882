//! The few places where SQLite and PostgreSQL differ.

/// The database behind a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

impl Backend {
    /// The backend a URL names, by its scheme.
    pub fn from_url(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }

    /// The migration folder's name.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A SQLite URL that creates the file when it is missing (`mode=rwc`).
pub(crate) fn sqlite_url_creating_file(url: &str) -> String {
    if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

/// An aggregate joining `expr` over a group's rows into newline-separated lines, ordered by
/// `order_by`; NULL for no rows.
pub(crate) fn ordered_lines(backend: Backend, expr: &str, order_by: &str) -> String {
    match backend {
        Backend::Sqlite => format!("group_concat({expr}, char(10) ORDER BY {order_by})"),
        Backend::Postgres => format!("string_agg({expr}, chr(10) ORDER BY {order_by})"),
    }
}

/// A condition that `column` starts with the text bound at `low`, given `high` = that text
/// followed by U+10FFFF: a range over the index in byte order (PostgreSQL's collations
/// would otherwise compare by language rules).
pub(crate) fn prefix_range(backend: Backend, column: &str, low: &str, high: &str) -> String {
    match backend {
        Backend::Sqlite => format!("{column} >= {low} AND {column} < {high}"),
        Backend::Postgres => {
            format!("{column} COLLATE \"C\" >= {low} AND {column} COLLATE \"C\" < {high}")
        }
    }
}

/// The statement that serialises migrations between processes, if the backend needs one.
/// SQLite's single writer already serialises them.
pub(crate) fn migration_lock(backend: Backend) -> Option<&'static str> {
    match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some("SELECT pg_advisory_xact_lock(7243001)"),
    }
}

/// The statement that empties the write-ahead log into the database file (SQLite only).
pub(crate) fn checkpoint(backend: Backend) -> Option<&'static str> {
    match backend {
        Backend::Sqlite => Some("PRAGMA wal_checkpoint(TRUNCATE)"),
        Backend::Postgres => None,
    }
}
