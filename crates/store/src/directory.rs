//! The people directory: profiles filtered by practice, role, domain, region, language,
//! availability and node, as visibility allows, in pages by name.

use praxis_domain::ids::{MemberId, NodeId};
use praxis_domain::members::profile::{Level, Practice, Role};
use sqlx::AssertSqlSafe;

use crate::corrupt;
use crate::members::{ListScope, ProfileSummary, profile_from_row, text};
use crate::{Describe as _, Store, StoreResult, dialect};

/// What the directory is asked for; every set field must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirectoryFilter {
    /// A practice at or above a level.
    pub practice: Option<(Practice, Level)>,
    /// A role.
    pub role: Option<Role>,
    /// A domain (any case).
    pub domain: Option<String>,
    /// A region (any case).
    pub region: Option<String>,
    /// A language code.
    pub language: Option<String>,
    /// Only people available to coach.
    pub available_to_coach: bool,
    /// Only active members of this node (the caller checks the viewer may see them).
    pub node: Option<NodeId>,
    /// Words that must each begin a word of the name, regions, domains or bio (lower case).
    pub words: Vec<String>,
}

/// Below this many matches a filter drives the search instead of testing each row.
pub(crate) const DRIVE_BELOW: i64 = 3000;

impl Store {
    /// How many rows `select` gives, counting no further than the drive threshold (so common
    /// values cost as little as rare ones).
    async fn bounded_count(&self, select: &str, values: &[String]) -> StoreResult<i64> {
        let mut sql = select.to_owned();
        for n in 0..values.len() {
            sql = sql.replace(&format!("{{{n}}}"), &format!("${}", n + 1));
        }
        let sql = format!(
            "SELECT COUNT(*) FROM ({sql} LIMIT {}) AS bounded",
            self.drive_below.max(1)
        );
        let mut query = sqlx::query_scalar(AssertSqlSafe(sql));
        for value in values {
            query = query.bind(value.clone());
        }
        query
            .fetch_one(&self.read)
            .await
            .describe("estimating a filter")
    }

    /// A page of the profiles that match `filter` and that `scope` allows, by display name
    /// then id, after `after`. One query: each filter is an indexed `EXISTS`.
    pub async fn search_directory(
        &self,
        filter: &DirectoryFilter,
        scope: ListScope,
        after: Option<(&str, MemberId)>,
        limit: u32,
    ) -> StoreResult<Vec<ProfileSummary>> {
        let (visibility_clause, viewer) = match scope {
            ListScope::PublicOnly => ("visibility = 'public' AND member_id <> $1", String::new()),
            ListScope::MembersOf(viewer) => (
                "(visibility IN ('public', 'members') OR member_id = $1)",
                viewer.to_string(),
            ),
        };
        let (after_name, after_id) = after.map_or((String::new(), String::new()), |(n, id)| {
            (n.to_owned(), id.to_string())
        });
        let mut binds: Vec<String> = vec![viewer, after_name, after_id];
        let mut clauses: Vec<String> = vec![
            visibility_clause.to_owned(),
            "(display_name, member_id) > ($2, $3)".to_owned(),
        ];
        // Each filter is a membership test on an index. Walking the name index and testing
        // each row is best when matches are common; when some filter matches few people the
        // walk would pass over most of the network, so that filter drives instead (its few
        // ids are looked up and sorted). A bounded count decides, the same on both backends.
        let mut filters: Vec<(String, Vec<String>)> = Vec::new();
        if let Some((practice, level)) = filter.practice {
            filters.push((
                "SELECT member_id FROM member_practices WHERE practice = {0} AND level >= CAST({1} AS BIGINT)".to_owned(),
                vec![practice.code().to_owned(), level.value().to_string()],
            ));
        }
        let tags = [
            ("role", filter.role.map(|r| r.code().to_owned())),
            (
                "domain",
                filter.domain.as_ref().map(|d| d.trim().to_lowercase()),
            ),
            (
                "region",
                filter.region.as_ref().map(|r| r.trim().to_lowercase()),
            ),
            (
                "language",
                filter.language.as_ref().map(|l| l.trim().to_lowercase()),
            ),
        ];
        for (kind, value) in tags {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                filters.push((
                    format!("SELECT member_id FROM member_tags WHERE kind = '{kind}' AND value_key = {{0}}"),
                    vec![value],
                ));
            }
        }
        if let Some(node) = filter.node {
            filters.push((
                "SELECT member_id FROM node_members WHERE node_id = {0} AND status = 'active'"
                    .to_owned(),
                vec![node.to_string()],
            ));
        }
        for word in filter.words.iter().take(8) {
            let range = dialect::prefix_range(self.backend, "term", "{0}", "{1}");
            filters.push((
                format!("SELECT member_id FROM member_terms WHERE {range}"),
                vec![word.clone(), format!("{word}\u{10FFFF}")],
            ));
        }
        let mut driver: Option<(usize, i64)> = None;
        for (i, (select, values)) in filters.iter().enumerate() {
            let count = self.bounded_count(select, values).await?;
            if count < self.drive_below && driver.is_none_or(|(_, best)| count < best) {
                driver = Some((i, count));
            }
        }
        let mut bind = |value: String| {
            binds.push(value);
            format!("${}", binds.len())
        };
        for (i, (select, values)) in filters.iter().enumerate() {
            let mut sql = select.clone();
            for (n, value) in values.iter().enumerate() {
                sql = sql.replace(&format!("{{{n}}}"), &bind(value.clone()));
            }
            if driver.is_some_and(|(d, _)| d == i) {
                clauses.push(format!("member_id IN ({sql})"));
            } else {
                clauses.push(format!("EXISTS ({sql} AND member_id = members.member_id)"));
            }
        }
        if filter.available_to_coach {
            clauses.push("available_to_coach = 1".to_owned());
        }
        let limit_param = bind(limit.to_string());
        let sql = self.profile_query(
            "",
            &format!(
                "WHERE {} ORDER BY display_name, member_id LIMIT CAST({limit_param} AS BIGINT)",
                clauses.join(" AND ")
            ),
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for value in binds {
            query = query.bind(value);
        }
        let rows = query
            .fetch_all(&self.read)
            .await
            .describe("searching the directory")?;
        rows.iter()
            .map(|row| {
                Ok(ProfileSummary {
                    id: text(row, "member_id")?
                        .parse()
                        .map_err(|_| corrupt("member_id"))?,
                    profile: profile_from_row(row)?.1,
                })
            })
            .collect()
    }
}
