//! Nodes of practice: the permission matrix (who knows which node exists, who sees its
//! members, on every page and API route of the feature), creation and editing, joining, and
//! invitations.

mod creation;
mod invitations;
mod joining;
mod matrix;

use praxis_domain::ids::NodeId;
use praxis_domain::nodes::{JoinPolicy, NodeFields, NodeKind, NodeVisibility};
use praxis_testkit::{TestApp, TestMember};

pub(crate) fn fields(
    slug: &str,
    visibility: NodeVisibility,
    join_policy: JoinPolicy,
    safety: bool,
) -> NodeFields {
    NodeFields {
        name: format!("Node {slug}"),
        slug: slug.to_owned(),
        kind: NodeKind::Region,
        description: format!("About {slug}"),
        languages: vec!["en".into()],
        visibility,
        join_policy,
        safety,
    }
}

pub(crate) async fn make_node(
    app: &TestApp,
    steward: &TestMember,
    parent: Option<NodeId>,
    f: &NodeFields,
) -> NodeId {
    let id = NodeId::generate();
    app.store
        .create_node(id, parent, f, steward.id, app.ctx.now())
        .await
        .unwrap();
    id
}
