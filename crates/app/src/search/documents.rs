//! What the index holds for each item, node and profile, and who may see it.

use praxis_domain::members::profile::Visibility;
use praxis_domain::nodes::NodeVisibility;
use praxis_search::{Access, DocType, SearchDoc};
use praxis_store::library::{ItemReach, ItemRecord};
use praxis_store::members::ProfileSummary;
use praxis_store::nodes::NodeRecord;
use praxis_store::search_changes::{ChangedEntity, SearchChange};

use crate::{AppResult, Context};

pub(super) fn item_doc(item: &ItemRecord) -> SearchDoc {
    let f = &item.fields;
    let mut facets: Vec<(&'static str, String)> = vec![("kind", f.kind.code().to_owned())];
    facets.extend(
        f.practices
            .iter()
            .map(|p| ("practice", p.code().to_owned())),
    );
    facets.extend(f.domains.iter().map(|d| ("domain", d.to_lowercase())));
    facets.extend(f.regions.iter().map(|r| ("region", r.to_lowercase())));
    facets.extend(f.languages.iter().map(|l| ("language", l.clone())));
    SearchDoc {
        doc_type: DocType::Item,
        id: item.id.to_string(),
        title: f.title.clone(),
        body: format!("{}\n\n{}\n\n{}", f.summary, f.body, f.authors.join(", ")),
        languages: f.languages.clone(),
        facets,
        access: match (item.reach, item.node_id) {
            (ItemReach::Public, _) => Access::Public,
            (ItemReach::Members, _) => Access::Members,
            (ItemReach::NodeMembers, Some(node)) => Access::Node(node.to_string()),
            // A node-only item without a node cannot happen; no one but nobody sees it.
            (ItemReach::NodeMembers, None) => Access::Node(String::new()),
        },
    }
}

pub(super) fn node_doc(node: &NodeRecord) -> SearchDoc {
    let f = &node.fields;
    SearchDoc {
        doc_type: DocType::Node,
        id: node.id.to_string(),
        title: f.name.clone(),
        body: f.description.clone(),
        languages: f.languages.clone(),
        facets: f
            .languages
            .iter()
            .map(|l| ("language", l.clone()))
            .collect(),
        access: match f.visibility {
            NodeVisibility::Public => Access::Public,
            NodeVisibility::Members => Access::Members,
            NodeVisibility::Secret => Access::Node(node.id.to_string()),
        },
    }
}

/// A profile's document, or none for a private profile (never indexed).
pub(super) fn member_doc(p: &ProfileSummary) -> Option<SearchDoc> {
    let profile = &p.profile;
    let access = match profile.visibility {
        Visibility::Public => Access::Public,
        Visibility::Members => Access::Members,
        Visibility::Private => return None,
    };
    let mut facets: Vec<(&'static str, String)> = profile
        .practices
        .iter()
        .map(|(practice, _)| ("practice", practice.code().to_owned()))
        .collect();
    facets.extend(profile.domains.iter().map(|d| ("domain", d.to_lowercase())));
    facets.extend(profile.regions.iter().map(|r| ("region", r.to_lowercase())));
    facets.extend(profile.languages.iter().map(|l| ("language", l.clone())));
    Some(SearchDoc {
        doc_type: DocType::Member,
        id: p.id.to_string(),
        title: profile.display_name.clone(),
        body: format!(
            "{}\n\n{}\n\n{}",
            profile.bio,
            profile.domains.join(", "),
            profile.regions.join(", ")
        ),
        languages: profile.languages.clone(),
        facets,
        access,
    })
}

/// A lesson's document, or none for a lesson kept to its team (never indexed). A lesson
/// shared with the network stays inside a secret node's members.
pub(super) fn lesson_doc(
    l: &praxis_store::organizing::LessonRecord,
    node: NodeVisibility,
) -> Option<SearchDoc> {
    use praxis_domain::organizing::Reach;
    let access = match l.reach {
        Reach::Team => return None,
        Reach::Node => Access::Node(l.node_id.to_string()),
        Reach::Network if node == NodeVisibility::Secret => Access::Node(l.node_id.to_string()),
        Reach::Network => Access::Members,
    };
    let f = &l.fields;
    let mut facets: Vec<(&'static str, String)> = f
        .practices
        .iter()
        .map(|p| ("practice", p.code().to_owned()))
        .collect();
    facets.extend(f.domains.iter().map(|d| ("domain", d.to_lowercase())));
    facets.extend(f.regions.iter().map(|r| ("region", r.to_lowercase())));
    let title: String = f.statement.chars().take(120).collect();
    Some(SearchDoc {
        doc_type: DocType::Lesson,
        id: l.id.to_string(),
        title,
        body: format!(
            "{}\n\n{}\n\n{}",
            f.statement,
            f.domains.join(", "),
            f.regions.join(", ")
        ),
        languages: Vec::new(),
        facets,
        access,
    })
}

/// The documents for lessons, with their nodes' visibility (one query each).
pub(super) async fn lesson_docs(
    ctx: &Context,
    lessons: &[praxis_store::organizing::LessonRecord],
) -> AppResult<Vec<(String, Option<SearchDoc>)>> {
    let mut node_ids: Vec<_> = lessons.iter().map(|l| l.node_id).collect();
    node_ids.sort();
    node_ids.dedup();
    let nodes = ctx.store.nodes_by_ids(&node_ids).await?;
    Ok(lessons
        .iter()
        .map(|l| {
            let doc = nodes
                .iter()
                .find(|n| n.id == l.node_id)
                .filter(|n| !n.is_proposed)
                .and_then(|n| lesson_doc(l, n.fields.visibility));
            (l.id.to_string(), doc)
        })
        .collect())
}

/// The documents to write and the ones to remove for a batch of changes (one store query
/// per kind of entity).
pub(super) async fn for_changes(
    ctx: &Context,
    changes: &[SearchChange],
) -> AppResult<(Vec<SearchDoc>, Vec<(DocType, String)>)> {
    let ids = |entity: ChangedEntity| -> Vec<String> {
        let mut ids: Vec<String> = changes
            .iter()
            .filter(|c| c.entity == entity)
            .map(|c| c.entity_id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let mut upserts = Vec::new();
    let mut removals = Vec::new();

    let item_ids = ids(ChangedEntity::Item);
    let parsed: Vec<_> = item_ids.iter().filter_map(|i| i.parse().ok()).collect();
    let items = ctx.store.items_by_ids(&parsed).await?;
    for id in &item_ids {
        match items.iter().find(|i| i.id.to_string() == *id) {
            Some(item) if !item.deleted => upserts.push(item_doc(item)),
            _ => removals.push((DocType::Item, id.clone())),
        }
    }

    let node_ids = ids(ChangedEntity::Node);
    let parsed: Vec<_> = node_ids.iter().filter_map(|i| i.parse().ok()).collect();
    let nodes = ctx.store.nodes_by_ids(&parsed).await?;
    for id in &node_ids {
        match nodes.iter().find(|n| n.id.to_string() == *id) {
            Some(node) if !node.is_proposed => upserts.push(node_doc(node)),
            _ => removals.push((DocType::Node, id.clone())),
        }
    }

    let member_ids = ids(ChangedEntity::Member);
    let parsed: Vec<_> = member_ids.iter().filter_map(|i| i.parse().ok()).collect();
    let profiles = ctx.store.profiles_by_ids(&parsed).await?;
    for id in &member_ids {
        match profiles
            .iter()
            .find(|p| p.id.to_string() == *id)
            .and_then(member_doc)
        {
            Some(doc) => upserts.push(doc),
            None => removals.push((DocType::Member, id.clone())),
        }
    }
    let lesson_ids = ids(ChangedEntity::Lesson);
    let parsed: Vec<_> = lesson_ids.iter().filter_map(|i| i.parse().ok()).collect();
    let lessons = ctx.store.lessons_by_ids(&parsed).await?;
    let docs = lesson_docs(ctx, &lessons).await?;
    for id in &lesson_ids {
        match docs.iter().find(|(d, _)| d == id) {
            Some((_, Some(doc))) => upserts.push(doc.clone()),
            _ => removals.push((DocType::Lesson, id.clone())),
        }
    }
    Ok((upserts, removals))
}
