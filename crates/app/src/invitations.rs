//! Invitations to nodes: stewards invite people by email (one use each) or make an
//! invitation link (any number of uses for a week). Invitation-only and secret nodes are
//! joined this way.

use praxis_domain::members::credentials::Email;
use praxis_store::hash_token;
use tracing::instrument;

use crate::i18n::Locale;
use crate::mail::{self, MailKind};
use crate::markdown::render_markdown;
use crate::policy::CurrentMember;
use crate::policy::nodes::{outreach_node, stewarded_node};
use crate::quotas::{Sender, spend_mail};
use crate::secrets::new_secret;
use crate::{AppError, AppResult, Context};

/// Days an invitation works.
pub const INVITATION_DAYS: i64 = 14;

/// What inviting a list of addresses did, address by address.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InviteReport {
    /// Addresses that were sent an invitation.
    pub invited: Vec<String>,
    /// Addresses already invited or already members (nothing new was sent).
    pub skipped: Vec<String>,
    /// Entries that are not addresses.
    pub invalid: Vec<String>,
}

/// Invites each address (commas, semicolons, spaces or lines between them), skipping those
/// already invited or already members, and reports what happened to each.
///
/// # Errors
/// `NotFound` for a node the member may not see, `Forbidden` for non-stewards.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn invite_by_email(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
    addresses: &str,
) -> AppResult<InviteReport> {
    let node = outreach_node(ctx, me, key).await?;
    let mut report = InviteReport::default();
    let now = ctx.now();
    let mut to_invite = Vec::new();
    for entry in addresses
        .split([',', ';', '\n', '\r', ' ', '\t'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let Ok(email) = Email::parse(entry) else {
            report.invalid.push(entry.to_owned());
            continue;
        };
        if to_invite.contains(&email)
            || report.skipped.iter().any(|e| e == email.as_str())
            || ctx.store.is_invited_or_member(node.id, &email, now).await?
        {
            report.skipped.push(email.as_str().to_owned());
            continue;
        }
        to_invite.push(email);
    }
    spend_mail(ctx, Sender::Member(me), to_invite.len()).await?;
    let locale = me.locale.unwrap_or(Locale::En);
    for email in to_invite {
        let token = new_secret("pxi_")?;
        ctx.store
            .create_invitation(
                node.id,
                Some(&email),
                &hash_token(&token),
                me.id,
                now,
                now.plus_seconds(INVITATION_DAYS * 86_400),
            )
            .await?;
        let link = format!("{}/invitations/{token}", ctx.settings.base_url);
        mail::queue(
            ctx,
            locale,
            &email,
            MailKind::NodeInvitation {
                node: node.fields.name.clone(),
                link,
            },
        )
        .await?;
        report.invited.push(email.as_str().to_owned());
    }
    tracing::info!(node.id = %node.id, invited = report.invited.len(), "invitations sent");
    Ok(report)
}

/// Makes an invitation link anyone can use until it expires; returns the link (shown once).
///
/// # Errors
/// `NotFound` for a node the member may not see, `Forbidden` for non-stewards.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn create_invitation_link(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
) -> AppResult<String> {
    let node = outreach_node(ctx, me, key).await?;
    let token = new_secret("pxi_")?;
    let now = ctx.now();
    ctx.store
        .create_invitation(
            node.id,
            None,
            &hash_token(&token),
            me.id,
            now,
            now.plus_seconds(INVITATION_DAYS * 86_400),
        )
        .await?;
    Ok(format!("{}/invitations/{token}", ctx.settings.base_url))
}

/// What an invitation's holder may see before accepting.
#[derive(Debug, Clone)]
pub struct InvitationView {
    /// The node's name.
    pub node_name: String,
    /// The node's slug.
    pub node_slug: String,
    /// The node's description as safe HTML.
    pub description_html: String,
}

/// The node an invitation opens (the invitation is the proof its holder may know it).
///
/// # Errors
/// `NotFound` for an unknown, used or expired invitation.
pub async fn view_invitation(ctx: &Context, token: &str) -> AppResult<InvitationView> {
    let invitation = ctx
        .store
        .find_invitation(&hash_token(token), ctx.now())
        .await?
        .ok_or(AppError::NotFound)?;
    let node = ctx.store.get_node(invitation.node_id).await?;
    Ok(InvitationView {
        description_html: render_markdown(&node.fields.description),
        node_name: node.fields.name,
        node_slug: node.fields.slug,
    })
}

/// Accepts an invitation; returns the node's slug.
///
/// # Errors
/// `NotFound` for an unknown, used or expired invitation.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn accept_invitation(
    ctx: &Context,
    me: &CurrentMember,
    token: &str,
) -> AppResult<String> {
    let node = ctx
        .store
        .accept_invitation(&hash_token(token), me.id, ctx.now())
        .await?;
    tracing::info!(node.id = %node, "invitation accepted");
    Ok(ctx.store.get_node(node).await?.fields.slug)
}

/// The node's pending invitations (stewards only).
///
/// # Errors
/// `NotFound` for a node the member may not see, `Forbidden` for non-stewards.
pub async fn list_invitations(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
) -> AppResult<Vec<praxis_store::invitations::PendingInvitation>> {
    let node = stewarded_node(ctx, me, key).await?;
    Ok(ctx
        .store
        .list_pending_invitations(node.id, ctx.now(), 200)
        .await?)
}

/// Withdraws one of the node's invitations (stewards only): a leaked link stops working.
///
/// # Errors
/// `NotFound` for no such invitation or a node the member may not see, `Forbidden` for
/// non-stewards.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn revoke_invitation(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
    invitation_id: &str,
) -> AppResult<()> {
    let node = stewarded_node(ctx, me, key).await?;
    ctx.store.revoke_invitation(node.id, invitation_id).await?;
    tracing::info!(node.id = %node.id, "invitation revoked");
    Ok(())
}
