//! Pathways: who oversees the pipeline — network admins for the network, a node's stewards for
//! their node. The safety setting wins over a network admin's oversight: a node whose members
//! are at risk is overseen by its stewards alone, so no pipeline, step or answer tells anyone
//! else who belongs to it.

use praxis_domain::ids::NodeId;
use praxis_domain::nodes::Standing;

use super::nodes::{may_see_members, visible_node};
use crate::policy::CurrentMember;
use crate::{AppError, AppResult, Context};

/// The node whose pipeline the member oversees (`None` for the whole network, admins only).
///
/// # Errors
/// `Forbidden` for members who oversee neither; `NotFound` for a node they may not see.
pub async fn oversee(
    ctx: &Context,
    me: &CurrentMember,
    node: Option<&str>,
) -> AppResult<Option<NodeId>> {
    match node.map(str::trim).filter(|n| !n.is_empty()) {
        None if me.is_admin => Ok(None),
        None => Err(AppError::Forbidden),
        Some(key) => {
            let (node, standing) = visible_node(ctx, Some(me), key).await?;
            let admin_may = me.is_admin && may_see_members(&node, Some(me), standing);
            if standing == Standing::Steward || admin_may {
                Ok(Some(node.id))
            } else {
                Err(AppError::Forbidden)
            }
        }
    }
}
