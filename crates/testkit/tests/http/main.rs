//! HTTP integration tests: the pages and the API as a browser and a script use them.

mod access;
mod accounts;
mod api;
mod applications;
mod coaching;
mod commitments;
mod directory;
mod i18n;
mod library;
mod narratives;
mod nodes;
mod operations;
mod organizations;
mod organizing;
mod pathways;
mod privacy;
mod profiles;
mod recovery;
mod rosters;
mod search;
mod sessions;
mod teams;
mod workshops;
