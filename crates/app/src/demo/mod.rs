//! A believable demo network for a newcomer's first look: a few hundred members across
//! regions, domains and languages (Arabic and Serbian names among them), with profiles.
//! Deterministic: the same seed gives the same network.

mod data;
mod library;
mod organizing;

use self::data::{BIOS, DOMAINS, DemoNode, NODES, ORGANIZATIONS, REGIONS, Region};

use praxis_domain::ids::MemberId;
use praxis_domain::members::credentials::Email;
use praxis_domain::members::profile::{Availability, Level, Practice, Profile, Role, Visibility};
use praxis_store::members::NewMember;

use crate::secrets::hash_password;
use crate::{AppError, AppResult, Context};
use praxis_domain::ids::NodeId;
use praxis_domain::nodes::{JoinPolicy, NodeFields, NodeKind, NodeVisibility};

/// The demo member a newcomer can sign in as.
pub const DEMO_EMAIL: &str = "amira@demo.example";
/// The password of every demo member.
pub const DEMO_PASSWORD: &str = "practise-together";

/// What `seed_demo` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoOutcome {
    /// The database was empty and now holds this many demo members.
    Created(usize),
    /// The database already had members; nothing was added.
    AlreadyPopulated,
}

// SplitMix64: tiny, deterministic and good enough to vary demo data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Fills an empty database with `count` demo members; leaves a populated one alone.
pub async fn seed_demo(ctx: &Context, count: usize, seed: u64) -> AppResult<DemoOutcome> {
    if ctx.store.count_members().await? > 0 {
        return Ok(DemoOutcome::AlreadyPopulated);
    }
    // One hash for every demo account: hashing hundreds of passwords would take minutes.
    let password_hash = hash_password(DEMO_PASSWORD.to_owned()).await?;
    let mut rng = Rng(seed);
    let now = ctx.now();
    let mut members = Vec::with_capacity(count);
    let mut joins: Vec<(MemberId, Vec<&'static str>)> = Vec::with_capacity(count);
    for i in 0..count {
        let (member, region) = demo_member(&mut rng, i, &password_hash, now)?;
        let mut slugs: Vec<&'static str> = region_nodes(region.name).to_vec();
        for domain in &member.profile.domains {
            slugs.extend(domain_node(domain));
        }
        joins.push((member.id, slugs));
        members.push(member);
    }
    for batch in members.chunks(1000) {
        ctx.store.create_members(batch).await?;
    }
    seed_nodes(ctx, &joins, &mut rng).await?;
    seed_organizations(ctx, &joins).await?;
    if let (Some((author, _)), Some((adapter, _))) = (joins.first(), joins.get(1)) {
        library::seed_library(ctx, *author, *adapter).await?;
        library::seed_workshop(ctx, *author).await?;
        let tenants: Vec<MemberId> = joins
            .iter()
            .skip(1)
            .filter(|(_, slugs)| slugs.contains(&"amman"))
            .map(|(m, _)| *m)
            .take(4)
            .collect();
        organizing::seed_organizing(ctx, *author, &tenants).await?;
    }
    tracing::info!(demo.members = count, "demo network created");
    Ok(DemoOutcome::Created(count))
}

/// Fills an empty database with a large synthetic network for benchmarks: `count` members
/// (created a thousand per transaction) and `node_count` nested nodes of every visibility,
/// each member in one to four of them. The first member is the demo account.
pub async fn seed_scale(
    ctx: &Context,
    count: usize,
    node_count: usize,
    seed: u64,
) -> AppResult<DemoOutcome> {
    if ctx.store.count_members().await? > 0 {
        return Ok(DemoOutcome::AlreadyPopulated);
    }
    let password_hash = hash_password(DEMO_PASSWORD.to_owned()).await?;
    let mut rng = Rng(seed);
    let now = ctx.now();
    let mut ids = Vec::with_capacity(count);
    let mut batch = Vec::with_capacity(1000);
    for i in 0..count {
        let (member, _) = demo_member(&mut rng, i, &password_hash, now)?;
        ids.push(member.id);
        batch.push(member);
        if batch.len() == 1000 || i + 1 == count {
            ctx.store.create_members(&batch).await?;
            batch.clear();
        }
    }
    let Some(founder) = ids.first().copied() else {
        return Ok(DemoOutcome::Created(0));
    };
    let mut nodes: Vec<NodeId> = Vec::with_capacity(node_count);
    for n in 0..node_count {
        let id = NodeId::generate();
        let parent = if n < 20 || nodes.is_empty() {
            None
        } else {
            Some(nodes[rng.below(nodes.len())])
        };
        let (visibility, safety) = match rng.below(20) {
            0 => (NodeVisibility::Secret, false),
            1 => (NodeVisibility::Public, true),
            2..=5 => (NodeVisibility::Members, false),
            _ => (NodeVisibility::Public, false),
        };
        let fields = NodeFields {
            name: format!("{} {n:04}", rng.pick(DOMAINS)),
            slug: if visibility == NodeVisibility::Secret {
                crate::nodes::secret_slug(&format!("node-{n:04}"))?
            } else {
                format!("node-{n:04}")
            },
            kind: if n % 3 == 0 {
                NodeKind::Domain
            } else {
                NodeKind::Region
            },
            description: String::new(),
            languages: Vec::new(),
            visibility,
            join_policy: JoinPolicy::Open,
            safety,
        };
        ctx.store
            .create_node(id, parent, &fields, founder, now)
            .await?;
        nodes.push(id);
    }
    if !nodes.is_empty() {
        let mut memberships = Vec::with_capacity(4000);
        for (i, member) in ids.iter().enumerate() {
            for _ in 0..=rng.below(4) {
                memberships.push((nodes[rng.below(nodes.len())], *member));
            }
            if memberships.len() >= 4000 || i + 1 == ids.len() {
                ctx.store.add_node_memberships(&memberships, now).await?;
                memberships.clear();
            }
        }
    }
    tracing::info!(
        demo.members = count,
        demo.nodes = node_count,
        "scale network created"
    );
    Ok(DemoOutcome::Created(count))
}

/// The `i`-th demo member and their region.
fn demo_member(
    rng: &mut Rng,
    i: usize,
    password_hash: &str,
    now: praxis_domain::timestamps::Timestamp,
) -> AppResult<(NewMember, &'static Region)> {
    let region = if i == 0 {
        &REGIONS[0]
    } else {
        rng.pick(REGIONS)
    };
    let name = format!("{} {}", rng.pick(region.given), rng.pick(region.family));
    let email = if i == 0 {
        DEMO_EMAIL.to_owned()
    } else {
        format!("member{i}@demo.example")
    };
    let mut profile = Profile::new(if i == 0 {
        "Amira Haddad".to_owned()
    } else {
        name
    });
    profile.bio = rng.pick(BIOS).to_string();
    profile.roles = Role::ALL.into_iter().filter(|_| rng.chance(40)).collect();
    if profile.roles.is_empty() {
        profile.roles.push(Role::Organizer);
    }
    for practice in Practice::ALL {
        if rng.chance(60)
            && let Some(level) = Level::new(i64::try_from(rng.below(6)).unwrap_or(0))
        {
            profile.practices.push((practice, level));
        }
    }
    let first_domain = rng.pick(DOMAINS).to_string();
    let second_domain = rng.pick(DOMAINS).to_string();
    profile.domains = vec![first_domain.clone()];
    if second_domain != first_domain {
        profile.domains.push(second_domain);
    }
    profile.regions = vec![region.country.to_owned(), region.name.to_owned()];
    profile.languages = region.languages.iter().map(|l| (*l).to_owned()).collect();
    profile.time_zone = Some(region.time_zone.to_owned());
    let coach = profile.roles.contains(&Role::Educator) && rng.chance(70);
    profile.availability = Availability {
        coach,
        mentor: rng.chance(20),
        capacity: if coach { 4 } else { 0 },
    };
    profile.visibility = match rng.below(10) {
        0 => Visibility::Private,
        1..=3 => Visibility::Public,
        _ => Visibility::Members,
    };
    if i == 0 {
        profile.visibility = Visibility::Public;
    }
    let member = NewMember {
        id: MemberId::generate(),
        email: Email::parse(&email)
            .map_err(|_| AppError::Unexpected(anyhow::anyhow!("demo address invalid")))?,
        password_hash: password_hash.to_owned(),
        profile,
        email_verified: true,
        make_admin: false,
        created_at: now.plus_seconds(-(i64::try_from(i).unwrap_or(0) * 60)),
    };
    Ok((member, region))
}

fn region_nodes(city: &str) -> &'static [&'static str] {
    match city {
        "Amman" => &["jordan", "amman", "amman-tenants"],
        "Beirut" => &["lebanon"],
        "Belgrade" => &["serbia", "belgrade"],
        "Sarajevo" => &["bosnia", "sarajevo"],
        "Mexico City" => &["mexico"],
        "Boston" => &["boston"],
        "Nairobi" => &["kenya"],
        "Istanbul" => &["turkiye"],
        _ => &[],
    }
}

fn domain_node(domain: &str) -> Option<&'static str> {
    match domain {
        "Climate" => Some("climate"),
        "Faith communities" => Some("faith"),
        "Health care" => Some("health"),
        _ => None,
    }
}

/// Creates the demo's nodes (the first demo member is the first steward of each) and lets
/// members join the nodes of their region and domains; some wait for approval, and the first
/// joiner of each node becomes a steward too.
async fn seed_nodes(
    ctx: &Context,
    joins: &[(MemberId, Vec<&'static str>)],
    rng: &mut Rng,
) -> AppResult<()> {
    let Some((founder, _)) = joins.first() else {
        return Ok(());
    };
    let now = ctx.now();
    let mut ids: Vec<(&str, NodeId)> = Vec::new();
    for node in NODES {
        let DemoNode {
            slug,
            name,
            kind,
            parent,
            visibility,
            join_policy,
            safety,
            description,
        } = node;
        let id = NodeId::generate();
        let parent_id = parent.and_then(|p| ids.iter().find(|(s, _)| *s == p).map(|(_, id)| *id));
        let fields = NodeFields {
            name: (*name).to_owned(),
            slug: if *visibility == NodeVisibility::Secret {
                crate::nodes::secret_slug(slug)?
            } else {
                (*slug).to_owned()
            },
            kind: *kind,
            description: (*description).to_owned(),
            languages: Vec::new(),
            visibility: *visibility,
            join_policy: *join_policy,
            safety: *safety,
        };
        ctx.store
            .create_node(id, parent_id, &fields, *founder, now)
            .await?;
        ids.push((slug, id));
    }
    let mut has_steward: Vec<&str> = Vec::new();
    for (member, slugs) in joins.iter().skip(1) {
        for slug in slugs {
            let Some((_, node)) = ids.iter().find(|(s, _)| s == slug) else {
                continue;
            };
            // The secret circle takes only some of Amman's members, and never by request.
            if *slug == "amman-tenants" && !rng.chance(30) {
                continue;
            }
            let requested = *slug != "amman-tenants" && rng.chance(10);
            ctx.store
                .add_node_member(*node, *member, requested, *member, false, now)
                .await?;
            if !requested && !has_steward.contains(slug) {
                ctx.store
                    .set_node_steward(*node, *member, true, *founder, now)
                    .await?;
                has_steward.push(slug);
            }
        }
    }
    Ok(())
}

/// Organizations with a few confirmed members each (the first demo member is their admin).
async fn seed_organizations(
    ctx: &Context,
    joins: &[(MemberId, Vec<&'static str>)],
) -> AppResult<()> {
    let Some((founder, _)) = joins.first() else {
        return Ok(());
    };
    let now = ctx.now();
    for (i, (slug, name, region, domain, website, description)) in ORGANIZATIONS.iter().enumerate()
    {
        let id = praxis_domain::ids::OrganizationId::generate();
        let fields = praxis_domain::organizations::OrganizationFields {
            name: (*name).to_owned(),
            slug: (*slug).to_owned(),
            description: (*description).to_owned(),
            region: (*region).to_owned(),
            domains: vec![(*domain).to_owned()],
            website: (*website).to_owned(),
            contact: "organizers@example.org".to_owned(),
            contact_visibility: praxis_domain::organizations::ContactVisibility::Members,
        };
        ctx.store
            .create_organization(id, &fields, *founder, now)
            .await?;
        for (member, _) in joins.iter().skip(1 + i).step_by(25).take(6) {
            ctx.store.claim_affiliation(id, *member, now).await?;
            ctx.store.decide_affiliation(id, *member, true).await?;
        }
    }
    Ok(())
}
