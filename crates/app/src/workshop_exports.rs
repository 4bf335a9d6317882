//! CSV exports of a workshop for its managing staff: applications with their answers, teams,
//! attendance. Every cell is defused against spreadsheet formulas; private coaching notes are
//! never exported.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use praxis_domain::applications::Audience;
use praxis_domain::ids::WorkshopId;
use praxis_domain::rosters::spreadsheet_safe;

use crate::policy::CurrentMember;
use crate::policy::workshops::managed_workshop;
use crate::rosters::csv_cell;
use crate::{AppError, AppResult, Context};

fn line(out: &mut String, cells: &[String]) {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| csv_cell(&spreadsheet_safe(c)))
        .collect();
    let _ = write!(out, "{}\r\n", cells.join(","));
}

/// One export as (file name, CSV text): `applications`, `teams` or `attendance`.
///
/// # Errors
/// `NotFound` for an unknown export or workshop, `Forbidden` for non-managers.
pub async fn export(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    what: &str,
) -> AppResult<(String, String)> {
    let w = managed_workshop(ctx, me, workshop).await?;
    let mut out = String::new();
    match what {
        "applications" => {
            let mut questions = ctx
                .store
                .list_questions(w.id, Audience::Participant)
                .await?;
            questions.extend(ctx.store.list_questions(w.id, Audience::Coach).await?);
            let answers: BTreeMap<_, _> = ctx
                .store
                .workshop_answers(w.id)
                .await?
                .into_iter()
                .map(|(a, q, v)| ((a, q), v))
                .collect();
            let mut header = vec![
                "application_id".to_owned(),
                "display_name".to_owned(),
                "role".to_owned(),
                "status".to_owned(),
                "applied_at".to_owned(),
            ];
            header.extend(questions.iter().map(|q| q.question.prompt.clone()));
            line(&mut out, &header);
            for page in 0..100u32 {
                let list = ctx
                    .store
                    .list_applications(w.id, None, None, page * 1000, 1000)
                    .await?;
                for a in &list {
                    let mut cells = vec![
                        a.id.to_string(),
                        a.display_name.clone(),
                        a.role.code().to_owned(),
                        a.status.code().to_owned(),
                        a.created_at.rfc3339(),
                    ];
                    cells.extend(questions.iter().map(|q| {
                        answers
                            .get(&(a.id, q.id))
                            .cloned()
                            .unwrap_or_default()
                            .replace('\n', "; ")
                    }));
                    line(&mut out, &cells);
                }
                if list.len() < 1000 {
                    break;
                }
            }
        }
        "teams" => {
            line(
                &mut out,
                &[
                    "team",
                    "language",
                    "coach",
                    "co_coach",
                    "member_id",
                    "display_name",
                ]
                .map(str::to_owned),
            );
            for t in ctx.store.list_teams(w.id).await? {
                for m in &t.members {
                    line(
                        &mut out,
                        &[
                            t.position.to_string(),
                            t.language.clone(),
                            t.coach.as_ref().map(|(_, n)| n.clone()).unwrap_or_default(),
                            t.co_coach
                                .as_ref()
                                .map(|(_, n)| n.clone())
                                .unwrap_or_default(),
                            m.id.to_string(),
                            m.display_name.clone(),
                        ],
                    );
                }
            }
        }
        "attendance" => {
            let sessions = ctx.store.list_workshop_sessions(w.id).await?;
            let marks: BTreeMap<_, _> = ctx
                .store
                .workshop_attendance(w.id)
                .await?
                .into_iter()
                .map(|(s, m, p)| ((s, m), p))
                .collect();
            let mut header = vec!["member_id".to_owned(), "display_name".to_owned()];
            header.extend(
                sessions
                    .iter()
                    .map(|s| format!("{} {}", s.fields.date, s.fields.start)),
            );
            line(&mut out, &header);
            let people = ctx
                .store
                .list_applications(
                    w.id,
                    Some(Audience::Participant),
                    Some(praxis_domain::applications::ApplicationStatus::Accepted),
                    0,
                    10_000,
                )
                .await?;
            for p in people {
                let mut cells = vec![p.member_id.to_string(), p.display_name.clone()];
                cells.extend(
                    sessions
                        .iter()
                        .map(|s| match marks.get(&(s.id, p.member_id)) {
                            Some(true) => "present".to_owned(),
                            Some(false) => "absent".to_owned(),
                            None => String::new(),
                        }),
                );
                line(&mut out, &cells);
            }
        }
        _ => return Err(AppError::NotFound),
    }
    Ok((format!("workshop-{}-{what}.csv", w.id), out))
}
