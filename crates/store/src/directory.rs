//! The people directory: profiles filtered by practice, role, domain, region, language,
//! availability and node, as visibility allows, in pages by name.

use praxis_domain::ids::{MemberId, NodeId};
use praxis_domain::members::profile::{Level, Practice, Role};
use sqlx::AssertSqlSafe;

use crate::members::{ListScope, ProfileSummary, corrupt, profile_from_row, text};
use crate::{Describe as _, Store, StoreResult};

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
}

impl Store {
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
        let mut bind = |value: String| {
            binds.push(value);
            format!("${}", binds.len())
        };
        if let Some((practice, level)) = filter.practice {
            let (p, l) = (
                bind(practice.code().to_owned()),
                bind(level.value().to_string()),
            );
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM member_practices mp WHERE mp.member_id = members.member_id
                    AND mp.practice = {p} AND mp.level >= CAST({l} AS BIGINT))"
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
                let v = bind(value);
                clauses.push(format!(
                    "EXISTS (SELECT 1 FROM member_tags mt WHERE mt.member_id = members.member_id
                        AND mt.kind = '{kind}' AND mt.value_key = {v})"
                ));
            }
        }
        if filter.available_to_coach {
            clauses.push("available_to_coach = 1".to_owned());
        }
        if let Some(node) = filter.node {
            let n = bind(node.to_string());
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM node_members nm WHERE nm.member_id = members.member_id
                    AND nm.node_id = {n} AND nm.status = 'active')"
            ));
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
