//! Pages of profiles: by name for a scope, or for a set of members.

use praxis_domain::ids::MemberId;
use sqlx::AssertSqlSafe;

use super::{ListScope, ProfileSummary, profile_from_row, text};
use crate::corrupt;
use crate::{Describe as _, Store, StoreResult};

impl Store {
    /// A page of profiles the scope allows, ordered by display name then id, starting after
    /// `after` (a display name and id from the previous page). One query whatever the page
    /// size; the keyset walks the `(display_name, member_id)` index.
    pub async fn list_profiles(
        &self,
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
        let sql = self.profile_query(
            "",
            &format!(
                "WHERE {visibility_clause} AND (display_name, member_id) > ($2, $3)
                 ORDER BY display_name, member_id LIMIT $4"
            ),
        );
        let (after_name, after_id) = after.map_or((String::new(), String::new()), |(n, id)| {
            (n.to_owned(), id.to_string())
        });
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(viewer)
            .bind(after_name)
            .bind(after_id)
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing profiles")?;
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

    /// Up to `limit` members' ids after `after`, by id: for rebuilding the search index.
    pub async fn member_ids_after(
        &self,
        after: Option<MemberId>,
        limit: u32,
    ) -> StoreResult<Vec<MemberId>> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT member_id FROM members WHERE member_id > $1 ORDER BY member_id LIMIT $2",
        )
        .bind(after.map(|a| a.to_string()).unwrap_or_default())
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await
        .describe("reading members to index")?;
        ids.iter()
            .map(|id| id.parse().map_err(|_| corrupt("member_id")))
            .collect()
    }

    /// The profiles of these members (any visibility: callers apply the rules), in no order.
    pub async fn profiles_by_ids(&self, ids: &[MemberId]) -> StoreResult<Vec<ProfileSummary>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = (1..=ids.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = self.profile_query("", &format!("WHERE member_id IN ({placeholders})"));
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id.to_string());
        }
        let rows = query
            .fetch_all(&self.read)
            .await
            .describe("loading profiles")?;
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
