//! An item's family: the original at the root and every adaptation of adaptations below it.

use praxis_domain::ids::ItemId;
use sqlx::{AssertSqlSafe, Row as _};

use super::{ITEM_COLUMNS, ItemRecord, item_from_row};
use crate::{Describe as _, Store, StoreResult};

/// The most items a family listing returns.
pub const MAX_FAMILY: u32 = 500;

/// One item of a family (its body left out), deleted ones included as places in the tree.
pub type FamilyMember = ItemRecord;

impl Store {
    /// The whole family of an item: the root original found by walking up, then everything
    /// adapted from it, oldest first (one recursive query each way, at most [`MAX_FAMILY`]).
    pub async fn item_family(&self, id: ItemId) -> StoreResult<Vec<FamilyMember>> {
        let root: Option<String> = sqlx::query(
            "WITH RECURSIVE up (item_id, adapted_from, depth) AS (
                SELECT item_id, adapted_from, 0 FROM library_items WHERE item_id = $1
                UNION ALL
                SELECT p.item_id, p.adapted_from, up.depth + 1
                FROM library_items p JOIN up ON p.item_id = up.adapted_from
                WHERE up.depth < 200
             )
             SELECT item_id FROM up ORDER BY depth DESC LIMIT 1",
        )
        .bind(id.to_string())
        .fetch_optional(&self.read)
        .await
        .describe("finding an item's original")?
        .map(|row| row.try_get("item_id"))
        .transpose()
        .describe("item_id")?;
        let Some(root) = root else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "WITH RECURSIVE down (item_id, depth) AS (
                SELECT item_id, 0 FROM library_items WHERE item_id = $1
                UNION ALL
                SELECT c.item_id, down.depth + 1
                FROM library_items c JOIN down ON c.adapted_from = down.item_id
                WHERE down.depth < 200
             )
             SELECT {ITEM_COLUMNS} FROM library_items i
             WHERE i.item_id IN (SELECT item_id FROM down)
             ORDER BY i.created_at, i.item_id LIMIT $2"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(root)
            .bind(i64::from(MAX_FAMILY))
            .fetch_all(&self.read)
            .await
            .describe("listing an item's family")?;
        rows.iter().map(|r| item_from_row(r, false)).collect()
    }
}
