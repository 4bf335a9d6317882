//! Mail allowances: every action that sends mail spends from its sender's allowance — the
//! member's and their client address's, or for a visitor (sign-up, password reset) the client
//! address's and the recipient's — so the server cannot be made a mail relay or a way to flood
//! someone's inbox. Counted in the database, so every process of a deployment counts the same.

use praxis_domain::timestamps::Timestamp;
use praxis_store::hash_token;

use crate::policy::CurrentMember;
use crate::{AppError, AppResult, Context};

/// How much mail may be sent, and by whom.
#[derive(Debug, Clone, Copy)]
pub struct MailQuota {
    /// Mails one member's actions may send per day (invitations count one per address).
    pub member_per_day: i64,
    /// Mails the actions from one client address may send per day.
    pub address_per_day: i64,
    /// Mails visitors (sign-up, password reset) from one client address may cause per hour.
    pub visitor_address_per_hour: i64,
    /// Mails to one address that visitors may cause per hour.
    pub recipient_per_hour: i64,
}

impl Default for MailQuota {
    fn default() -> Self {
        Self {
            member_per_day: 1_000,
            address_per_day: 2_000,
            visitor_address_per_hour: 30,
            recipient_per_hour: 5,
        }
    }
}

/// Who causes mail to be sent.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Sender<'a> {
    /// A signed-in member.
    Member(&'a CurrentMember),
    /// Someone not signed in, from a client address, to an address they typed.
    Visitor {
        /// Their network address (`None` from the CLI).
        client: Option<&'a str>,
        /// The address the mail goes to.
        recipient: &'a str,
    },
}

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

fn window(now: Timestamp, length_ms: i64) -> Timestamp {
    Timestamp::from_unix_ms(now.unix_ms() - now.unix_ms().rem_euclid(length_ms))
}

/// Spends `mails` from the sender's allowances, all or nothing.
///
/// # Errors
/// `TooManyAttempts` (nothing spent) when one allowance would be overspent, with the seconds
/// until its window ends.
pub(crate) async fn spend_mail(ctx: &Context, sender: Sender<'_>, mails: usize) -> AppResult<()> {
    if mails == 0 {
        return Ok(());
    }
    let quota = ctx.settings.mail_quota;
    let now = ctx.now();
    let (day, hour) = (window(now, DAY_MS), window(now, HOUR_MS));
    let mut allowances: Vec<(String, Timestamp, i64, i64)> = Vec::new();
    let address = |a: &str| format!("mail-address:{}", hash_token(a));
    match sender {
        Sender::Member(me) => {
            allowances.push((
                format!("mail-member:{}", me.id),
                day,
                quota.member_per_day,
                DAY_MS,
            ));
            if let Some(a) = &me.client_address {
                allowances.push((address(a), day, quota.address_per_day, DAY_MS));
            }
        }
        Sender::Visitor { client, recipient } => {
            if let Some(a) = client {
                allowances.push((
                    format!("visitor-{}", address(a)),
                    hour,
                    quota.visitor_address_per_hour,
                    HOUR_MS,
                ));
            }
            allowances.push((
                format!("mail-recipient:{}", hash_token(&recipient.to_lowercase())),
                hour,
                quota.recipient_per_hour,
                HOUR_MS,
            ));
        }
    }
    let spend: Vec<(&str, Timestamp, i64)> = allowances
        .iter()
        .map(|(scope, start, limit, _)| (scope.as_str(), *start, *limit))
        .collect();
    let amount = i64::try_from(mails).unwrap_or(i64::MAX);
    match ctx.store.spend_allowance(&spend, amount).await? {
        None => Ok(()),
        Some(start) => {
            let length = allowances
                .iter()
                .find(|(_, s, _, _)| *s == start)
                .map_or(HOUR_MS, |(_, _, _, l)| *l);
            let ends = start.unix_ms() + length;
            tracing::warn!(mails, "a mail allowance is spent");
            Err(AppError::TooManyAttempts {
                retry_after_secs: u64::try_from((ends - now.unix_ms()) / 1000 + 1).unwrap_or(60),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_start_on_the_hour_and_the_day() {
        let t = Timestamp::from_unix_ms(DAY_MS * 3 + HOUR_MS * 5 + 1234);

        assert_eq!(window(t, HOUR_MS).unix_ms(), DAY_MS * 3 + HOUR_MS * 5);
        assert_eq!(window(t, DAY_MS).unix_ms(), DAY_MS * 3);
    }
}
