//! Organizing pages: a node's teams, campaigns and lessons; a team with its roles and health;
//! a campaign with its strategy, actor map, timeline chart (server-rendered SVG), kept rate and
//! reflections; a lesson with its provenance and endorsements.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::organizing::{self, CampaignRecord, CrewRecord, Place, ReflectionRecord};
use praxis_app::policy::CurrentMember;
use praxis_domain::members::profile::Practice;
use praxis_domain::organizing::{
    RawCampaignFields, RawCrewFields, Reach, ReflectionFields, Subject,
};
use praxis_domain::validation::FieldErrors;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{FormFields, PageMember, Path};
use crate::pages::{Chrome, Typed, render_with_status};
use crate::state::AppState;

pub(crate) mod campaigns;

use self::campaigns::raw_reflection;
pub(crate) mod lessons;
pub(crate) mod teams;

fn status_of(errors: &FieldErrors) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// A team in the node's tree, drawn as nested lists: after its line, either a list of its
/// children opens, or its item closes together with `closes` enclosing lists.
pub(crate) struct TreeRow {
    crew: CrewRecord,
    depth: usize,
    /// People on it.
    size: u64,
    /// Its children follow, one level down.
    opens: bool,
    /// How many enclosing levels end after it.
    closes: usize,
}

/// The teams ordered as a tree: each under its parent, roots first.
fn tree(crews: &[CrewRecord], sizes: &[(praxis_domain::ids::CrewId, u64)]) -> Vec<TreeRow> {
    fn walk(
        crews: &[CrewRecord],
        parent: Option<praxis_domain::ids::CrewId>,
        depth: usize,
        out: &mut Vec<(CrewRecord, usize)>,
    ) {
        if depth > 20 {
            return;
        }
        for c in crews.iter().filter(|c| c.parent_id == parent) {
            out.push((c.clone(), depth));
            walk(crews, Some(c.id), depth + 1, out);
        }
    }
    let mut out = Vec::new();
    // Teams whose parent the viewer does not see hang at the root.
    let roots: Vec<CrewRecord> = crews
        .iter()
        .map(|c| {
            let mut c = c.clone();
            if c.parent_id
                .is_some_and(|p| !crews.iter().any(|o| o.id == p))
            {
                c.parent_id = None;
            }
            c
        })
        .collect();
    walk(&roots, None, 0, &mut out);
    let depths: Vec<usize> = out.iter().map(|(_, d)| *d).collect();
    out.into_iter()
        .enumerate()
        .map(|(i, (crew, depth))| {
            let next = depths.get(i + 1).copied().unwrap_or(0);
            TreeRow {
                size: sizes
                    .iter()
                    .find(|(id, _)| *id == crew.id)
                    .map_or(0, |(_, n)| *n),
                crew,
                depth,
                opens: next > depth,
                closes: depth.saturating_sub(next),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "organizing/node.html")]
pub(crate) struct NodeOrganizingPage {
    c: Chrome,
    place: Place,
    teams: Vec<TreeRow>,
    my_teams: Vec<CrewRecord>,
    campaigns: Vec<CampaignRecord>,
    next: Option<String>,
    reflections: Vec<ReflectionRecord>,
    reflections_next: Option<String>,
    errors: FieldErrors,
    me: praxis_domain::ids::MemberId,
    /// Workshops the member took part in, for a reflection on one.
    workshops: Vec<(praxis_domain::ids::WorkshopId, String)>,
    typed: Typed,
}

impl NodeOrganizingPage {
    /// Its author and the node's stewards may delete a reflection.
    fn may_delete(&self, r: &ReflectionRecord) -> bool {
        self.place.is_steward() || r.author.as_ref().is_some_and(|(a, _)| *a == self.me)
    }
    fn label(&self, prefix: &str, code: &str) -> String {
        self.c.t(&format!("{prefix}-{code}"))
    }
    fn subjects(&self) -> Vec<(&'static str, String)> {
        Subject::ALL
            .iter()
            .map(|r| (r.code(), self.c.t(&format!("subject-{}", r.code()))))
            .collect()
    }
    fn questions(&self) -> Vec<(&'static str, String)> {
        ReflectionFields::QUESTIONS
            .iter()
            .map(|q| (*q, self.c.t(&format!("reflection-{q}"))))
            .collect()
    }
    fn practices(&self) -> Vec<(&'static str, String)> {
        Practice::ALL
            .iter()
            .map(|p| (p.code(), self.c.practice(p)))
            .collect()
    }
    fn reach(&self, r: &Reach) -> String {
        self.c.t(&format!("reach-{}", r.code()))
    }
    fn reaches(&self) -> Vec<(&'static str, String)> {
        Reach::ALL
            .iter()
            .map(|r| (r.code(), self.c.t(&format!("reach-{}", r.code()))))
            .collect()
    }
    fn indent(&self, depth: &usize) -> String {
        "— ".repeat(*depth)
    }
    fn closers(&self, row: &TreeRow) -> String {
        "</ul></li>".repeat(row.closes)
    }
}

#[derive(Deserialize)]
pub(crate) struct ListParams {
    after: Option<String>,
    /// The last reflection of the previous page (the node's page).
    reflections_after: Option<String>,
}

async fn node_page(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    slug: &str,
    (after, reflections_after): (Option<&str>, Option<&str>),
    errors: FieldErrors,
    typed: Typed,
) -> Result<Response, PageError> {
    let organizing::NodeCrews {
        place,
        crews,
        sizes,
        mine,
    } = organizing::node_crews(&state.ctx, me, slug).await?;
    let (_, campaigns, next) = organizing::node_campaigns(&state.ctx, me, slug, after).await?;
    let (reflections, reflections_next) =
        organizing::node_reflections(&state.ctx, me, slug, reflections_after).await?;
    let workshops = if place.standing.is_member() {
        organizing::my_workshops(&state.ctx, me).await?
    } else {
        Vec::new()
    };
    let my_teams = crews
        .iter()
        .filter(|c| mine.contains(&c.id))
        .cloned()
        .collect();
    Ok(render_with_status(
        status_of(&errors),
        &NodeOrganizingPage {
            c,
            teams: tree(&crews, &sizes),
            place,
            my_teams,
            campaigns,
            next,
            reflections,
            reflections_next,
            errors,
            me: me.id,
            workshops,
            typed,
        },
    ))
}

pub(crate) async fn show_node(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    Query(p): Query<ListParams>,
) -> Result<Response, PageError> {
    node_page(
        &state,
        &me,
        c,
        &slug,
        (p.after.as_deref(), p.reflections_after.as_deref()),
        FieldErrors::new(),
        Typed::default(),
    )
    .await
}

pub(crate) async fn create_team(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let raw = RawCrewFields {
        name: form.text("name"),
        purpose: form.text("purpose"),
        norms: form.text("norms"),
    };
    match organizing::create_crew(
        &state.ctx,
        &me,
        &slug,
        &form.text("parent"),
        raw,
        &form.text("role"),
    )
    .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/teams/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            node_page(
                &state,
                &me,
                c,
                &slug,
                (None, None),
                errors,
                Typed::of("team", &form),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn node_reflection(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    match organizing::reflect_in_node(
        &state.ctx,
        &me,
        &slug,
        &form.text("team"),
        &form.text("workshop_id"),
        raw_reflection(&form),
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/nodes/{slug}/organizing#reflections")).into_response()),
        Err(AppError::Invalid(errors)) => {
            node_page(
                &state,
                &me,
                c,
                &slug,
                (None, None),
                errors,
                Typed::of("reflection", &form),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

fn raw_campaign(form: &FormFields) -> RawCampaignFields {
    RawCampaignFields {
        title: form.text("title"),
        reach: form.text("reach"),
        constituency: form.text("constituency"),
        problem: form.text("problem"),
        vision: form.text("vision"),
        goal_statement: form.text("goal_statement"),
        goal_metric: form.text("goal_metric"),
        goal_target: form.text("goal_target"),
        goal_deadline: form.text("goal_deadline"),
        toc_if: form.text("toc_if"),
        toc_then: form.text("toc_then"),
        toc_because: form.text("toc_because"),
        os_who: form.text("os_who"),
        os_what: form.text("os_what"),
        os_how: form.text("os_how"),
        os_when: form.text("os_when"),
    }
}

pub(crate) async fn create_campaign(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    match organizing::create_campaign(
        &state.ctx,
        &me,
        &slug,
        &form.text("team"),
        raw_campaign(&form),
    )
    .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/campaigns/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            node_page(
                &state,
                &me,
                c,
                &slug,
                (None, None),
                errors,
                Typed::of("campaign", &form),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use praxis_domain::ids::{CrewId, NodeId};
    use praxis_domain::organizing::CrewFields;

    use super::{CrewRecord, tree};

    fn crew(name: &str, parent: Option<CrewId>) -> CrewRecord {
        CrewRecord {
            id: CrewId::generate(),
            node_id: NodeId::generate(),
            parent_id: parent,
            fields: CrewFields {
                name: name.to_owned(),
                purpose: String::new(),
                norms: String::new(),
            },
        }
    }

    /// Renders the rows the way the template does, as a string of brackets.
    fn shape(rows: &[super::TreeRow]) -> String {
        let mut out = String::from("[");
        for r in rows {
            out.push_str(&format!("({}", r.crew.fields.name));
            if r.opens {
                out.push('[');
            } else {
                out.push(')');
                out.push_str(&"])".repeat(r.closes));
            }
        }
        out.push(']');
        out
    }

    #[test]
    fn the_tree_nests_each_team_under_its_parent_and_closes_every_level() {
        let core = crew("core", None);
        let door = crew("door", Some(core.id));
        let street = crew("street", Some(door.id));
        let media = crew("media", Some(core.id));
        let youth = crew("youth", None);
        // A team under a parent the viewer does not see hangs at the root.
        let orphan = crew("orphan", Some(CrewId::generate()));
        let crews = [
            core.clone(),
            door.clone(),
            street,
            media.clone(),
            youth,
            orphan,
        ];
        let rows = tree(&crews, &[(core.id, 5), (media.id, 2)]);
        assert_eq!(
            shape(&rows),
            "[(core[(door[(street)])(media)])(youth)(orphan)]"
        );
        assert_eq!(rows[0].size, 5);
        assert_eq!(rows[1].size, 0);
    }
}
