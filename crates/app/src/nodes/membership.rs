//! Joining and leaving nodes, and what stewards decide about their members.

use praxis_domain::ids::MemberId;
use praxis_domain::nodes::{JoinPolicy, Standing};
use praxis_domain::validation::FieldErrors;
use praxis_store::{Constraint, StoreError};
use tracing::instrument;

use crate::i18n::Locale;
use crate::mail::{self, MailKind};
use crate::policy::CurrentMember;
use crate::policy::nodes::{find_node, stewarded_node, visible_node};
use crate::{AppError, AppResult, Context};

/// What joining did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinOutcome {
    /// The member is in.
    Joined,
    /// A steward will answer the request.
    Requested,
}

/// Joins an open node, or asks to join one that takes requests.
///
/// # Errors
/// `NotFound` for a node the member may not see; `Forbidden` for an invitation-only node.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn join_node(ctx: &Context, me: &CurrentMember, slug: &str) -> AppResult<JoinOutcome> {
    let (node, standing) = visible_node(ctx, Some(me), slug).await?;
    match (standing, node.fields.join_policy) {
        (Standing::Banned, _) => Err(AppError::Forbidden),
        (s, _) if s.is_member() => Ok(JoinOutcome::Joined),
        (Standing::Requested, _) => Ok(JoinOutcome::Requested),
        (_, JoinPolicy::Invite) => Err(AppError::Forbidden),
        (_, JoinPolicy::Open) => {
            ctx.store
                .add_node_member(node.id, me.id, false, me.id, false, ctx.now())
                .await?;
            Ok(JoinOutcome::Joined)
        }
        (_, JoinPolicy::Request) => {
            ctx.store
                .add_node_member(node.id, me.id, true, me.id, false, ctx.now())
                .await?;
            Ok(JoinOutcome::Requested)
        }
    }
}

/// Leaves a node (or withdraws a request).
///
/// # Errors
/// `NotFound` when the member has no standing; `Invalid` for the last steward.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn leave_node(ctx: &Context, me: &CurrentMember, slug: &str) -> AppResult<()> {
    let node = find_node(ctx, slug).await?;
    last_steward_is_invalid(
        ctx.store
            .remove_node_member(node.id, me.id, me.id, "left", false, ctx.now())
            .await,
    )
}

/// What a steward does with a member or a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StewardAction {
    /// Accept a request to join.
    Approve,
    /// Turn a request down.
    Decline,
    /// Remove a member.
    Remove,
    /// Make a member a steward.
    MakeSteward,
    /// Make a steward a plain member.
    RemoveSteward,
    /// Remove a member or requester and keep them out.
    Ban,
}

/// Applies a steward's decision about `member`; recorded in the stewards' log.
///
/// # Errors
/// `NotFound` when the node is not visible or the member has no matching standing;
/// `Forbidden` for non-stewards who can see the node; `Invalid` for the last steward.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn act_as_steward(
    ctx: &Context,
    me: &CurrentMember,
    slug: &str,
    member: MemberId,
    action: StewardAction,
) -> AppResult<()> {
    let node = stewarded_node(ctx, me, slug).await?;
    let now = ctx.now();
    let store = &ctx.store;
    let result = match action {
        StewardAction::Approve => {
            store
                .approve_node_request(node.id, member, me.id, now)
                .await
        }
        StewardAction::Decline => {
            if store.node_standing(node.id, member).await? != Standing::Requested {
                return Err(AppError::NotFound);
            }
            store
                .remove_node_member(node.id, member, me.id, "declined", true, now)
                .await
        }
        StewardAction::Remove => {
            store
                .remove_node_member(node.id, member, me.id, "removed", true, now)
                .await
        }
        StewardAction::MakeSteward => {
            store
                .set_node_steward(node.id, member, true, me.id, now)
                .await
        }
        StewardAction::RemoveSteward => {
            store
                .set_node_steward(node.id, member, false, me.id, now)
                .await
        }
        StewardAction::Ban => {
            if member == me.id {
                return Err(AppError::Invalid(FieldErrors::single(
                    "member",
                    "error-ban-self",
                )));
            }
            store.ban_node_member(node.id, member, me.id, now).await
        }
    };
    last_steward_is_invalid(result)?;
    tracing::info!(node.id = %node.id, action = ?action, "steward action");
    if matches!(action, StewardAction::Approve | StewardAction::Decline) {
        // The requester is told either way, in their own language.
        let account = ctx.store.get_account(member).await?;
        let locale = account
            .ui_language
            .as_deref()
            .and_then(Locale::from_code)
            .unwrap_or_default();
        let link = format!("{}/nodes/{}", ctx.settings.base_url, node.fields.slug);
        let kind = if action == StewardAction::Approve {
            MailKind::RequestApproved {
                node: node.fields.name.clone(),
                link,
            }
        } else {
            MailKind::RequestDeclined {
                node: node.fields.name.clone(),
            }
        };
        mail::queue(ctx, locale, &account.email, kind).await?;
    }
    Ok(())
}

fn last_steward_is_invalid(result: Result<(), StoreError>) -> AppResult<()> {
    match result {
        Err(StoreError::Conflict(Constraint::LastSteward)) => Err(AppError::Invalid(
            FieldErrors::single("member", "error-last-steward"),
        )),
        other => Ok(other?),
    }
}
