//! praxis-domain: the network's vocabulary as validated types and pure rules.
//!
//! Every value that exists here is valid: constructors check their input and fields are
//! private. This crate does no I/O and knows nothing of databases, HTTP or async runtimes;
//! it must not depend on sqlx, axum, tokio, serde_json, askama or tracing.

pub mod applications;
pub mod campaigns;
pub mod coaching;
pub mod commitments;
pub mod fields;
pub mod ids;
pub mod lessons;
pub mod library;
pub mod members;
pub mod narratives;
pub mod nodes;
pub mod organizations;
pub mod organizing;
pub mod pathways;
pub mod rosters;
pub mod teams;
pub mod timestamps;
pub mod validation;
pub mod workshops;
