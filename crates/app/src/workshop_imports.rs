//! Importing a workshop's participants from a CSV file: the same messy-file handling and
//! row-by-row dry run as a node's roster import. Members with an account are accepted (or
//! waitlisted once the seats are taken); an address without an account is reported, not
//! invited — invite them into a node first.

use std::collections::HashSet;

use praxis_domain::applications::{ApplicationStatus, Audience};
use praxis_domain::ids::WorkshopId;
use praxis_domain::rosters::{RowPlan, parse_roster, plan_roster};
use praxis_domain::validation::FieldErrors;

use crate::accounts::CurrentMember;
use crate::policy::workshops::managed_workshop;
use crate::{AppError, AppResult, Context};

/// What became (or would become) of one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// Its line in the file.
    pub line: usize,
    /// The address as written.
    pub email: String,
    /// `accept`, `waitlist`, `already` or a translation key of why it is rejected.
    pub outcome: &'static str,
}

/// The report of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// Every row.
    pub rows: Vec<ImportRow>,
    /// How many were (or would be) added.
    pub added: usize,
    /// True when nothing was written.
    pub dry_run: bool,
}

/// Checks a participants file and, unless `dry_run`, imports it in one transaction.
///
/// # Errors
/// `NotFound`, `Forbidden`; `Invalid` naming `file` for an unreadable file or one without an
/// email column.
pub async fn import_participants(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    bytes: &[u8],
    email_column: Option<&str>,
    dry_run: bool,
) -> AppResult<ImportReport> {
    let w = managed_workshop(ctx, me, workshop).await?;
    let invalid = |key| AppError::Invalid(FieldErrors::single("file", key));
    let roster = parse_roster(bytes).map_err(|e| invalid(e.key()))?;
    let column = roster
        .email_column(email_column)
        .map_err(|e| invalid(e.key()))?;
    let mut already: HashSet<String> = HashSet::new();
    let applied = ctx
        .store
        .list_applications(w.id, Some(Audience::Participant), None, 0, 100_000)
        .await?;
    let applied_ids: HashSet<_> = applied.iter().map(|a| a.member_id).collect();
    let plan = plan_roster(&roster, column, &HashSet::new());
    let emails: Vec<String> = plan
        .iter()
        .filter_map(|r| match &r.plan {
            RowPlan::Invite(e) | RowPlan::AlreadyThere(e) => Some(e.as_str().to_owned()),
            RowPlan::Reject(_) => None,
        })
        .collect();
    let members = ctx.store.members_by_emails(&emails).await?;
    for (email, id) in &members {
        if applied_ids.contains(id) {
            already.insert(email.clone());
        }
    }
    let accepted = ctx
        .store
        .count_applications(w.id, Audience::Participant, ApplicationStatus::Accepted)
        .await?;
    let mut seats = i64::from(w.fields.participant_capacity) - accepted;
    let mut rows = Vec::with_capacity(plan.len());
    let mut entries = Vec::new();
    for r in plan {
        let outcome = match &r.plan {
            RowPlan::Reject(key) => key,
            RowPlan::Invite(email) | RowPlan::AlreadyThere(email) => {
                match members.iter().find(|(e, _)| e == email.as_str()) {
                    None => "error-import-no-account",
                    Some(_) if already.contains(email.as_str()) => "already",
                    Some((_, id)) => {
                        let status = if seats > 0 {
                            seats -= 1;
                            ApplicationStatus::Accepted
                        } else {
                            ApplicationStatus::Waitlisted
                        };
                        entries.push((*id, status));
                        if status == ApplicationStatus::Accepted {
                            "accept"
                        } else {
                            "waitlist"
                        }
                    }
                }
            }
        };
        rows.push(ImportRow {
            line: r.line,
            email: r.email,
            outcome,
        });
    }
    let added = if dry_run {
        entries.len()
    } else {
        let n = ctx
            .store
            .import_applications(w.id, Audience::Participant, &entries, ctx.now())
            .await?;
        usize::try_from(n).unwrap_or(usize::MAX)
    };
    Ok(ImportReport {
        rows,
        added,
        dry_run,
    })
}
