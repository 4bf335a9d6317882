//! The store contract suite: written once, run on SQLite and (with PRAXIS_TEST_BACKEND=postgres)
//! on PostgreSQL by `scripts/test`.

mod directory;
mod members;
mod outbox;
mod sessions;
