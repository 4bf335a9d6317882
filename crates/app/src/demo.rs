//! A believable demo network for a newcomer's first look: a few hundred members across
//! regions, domains and languages (Arabic and Serbian names among them), with profiles.
//! Deterministic: the same seed gives the same network.

use praxis_domain::ids::MemberId;
use praxis_domain::members::credentials::Email;
use praxis_domain::members::profile::{Availability, Level, Practice, Profile, Role, Visibility};
use praxis_store::members::NewMember;

use crate::secrets::hash_password;
use crate::{AppError, AppResult, Context};

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

struct Region {
    name: &'static str,
    country: &'static str,
    time_zone: &'static str,
    languages: &'static [&'static str],
    given: &'static [&'static str],
    family: &'static [&'static str],
}

const REGIONS: &[Region] = &[
    Region {
        name: "Amman",
        country: "Jordan",
        time_zone: "Asia/Amman",
        languages: &["ar", "en"],
        given: &[
            "أميرة",
            "عمر",
            "ليلى",
            "يوسف",
            "نور",
            "سامي",
            "رنا",
            "خالد",
            "Amira",
            "Omar",
            "Layla",
            "Yousef",
        ],
        family: &[
            "حداد",
            "خليل",
            "نصار",
            "العلي",
            "Haddad",
            "Khalil",
            "Nassar",
            "Al-Ali",
        ],
    },
    Region {
        name: "Beirut",
        country: "Lebanon",
        time_zone: "Asia/Beirut",
        languages: &["ar", "fr", "en"],
        given: &["هبة", "جاد", "مايا", "كريم", "Hiba", "Jad", "Maya", "Karim"],
        family: &["سلامة", "عون", "فرح", "Salameh", "Aoun", "Farah"],
    },
    Region {
        name: "Belgrade",
        country: "Serbia",
        time_zone: "Europe/Belgrade",
        languages: &["sr", "en"],
        given: &[
            "Милица",
            "Марко",
            "Јована",
            "Никола",
            "Ана",
            "Milica",
            "Marko",
            "Jovana",
            "Nikola",
            "Ana",
        ],
        family: &[
            "Јовановић",
            "Петровић",
            "Ђорђевић",
            "Јovanović",
            "Petrović",
            "Đorđević",
            "Nikolić",
        ],
    },
    Region {
        name: "Sarajevo",
        country: "Bosnia and Herzegovina",
        time_zone: "Europe/Sarajevo",
        languages: &["bs", "en"],
        given: &["Amra", "Emir", "Lejla", "Adnan", "Selma"],
        family: &["Hodžić", "Begić", "Kovačević", "Mehić"],
    },
    Region {
        name: "Mexico City",
        country: "Mexico",
        time_zone: "America/Mexico_City",
        languages: &["es", "en"],
        given: &["Lucía", "Mateo", "Valeria", "Diego", "Ximena"],
        family: &["Hernández", "García", "Ramírez", "Torres"],
    },
    Region {
        name: "Boston",
        country: "United States",
        time_zone: "America/New_York",
        languages: &["en", "es"],
        given: &["Grace", "Marcus", "Hannah", "Devon", "Rosa"],
        family: &["Okafor", "Sullivan", "Nguyen", "Brooks"],
    },
    Region {
        name: "Nairobi",
        country: "Kenya",
        time_zone: "Africa/Nairobi",
        languages: &["sw", "en"],
        given: &["Wanjiru", "Otieno", "Amani", "Zawadi"],
        family: &["Mwangi", "Odhiambo", "Kamau", "Njeri"],
    },
    Region {
        name: "Istanbul",
        country: "Türkiye",
        time_zone: "Europe/Istanbul",
        languages: &["tr", "en"],
        given: &["Elif", "Emre", "Zeynep", "Can"],
        family: &["Yılmaz", "Demir", "Şahin", "Kaya"],
    },
];

const DOMAINS: &[&str] = &[
    "Climate",
    "Faith communities",
    "Health care",
    "Labor",
    "Education",
    "Housing",
    "Migration",
    "Water",
];

const BIOS: &[&str] = &[
    "I organize **tenants** in my neighbourhood. Ask me about one-on-ones and house meetings.",
    "Coach with the network since 2019. I care about *story of self* and teams that last.",
    "Researcher working with practitioners on what makes volunteer teams **keep going**.",
    "Student organizer. Learning strategy the hard way — happy to share what went wrong.",
    "Faith leader building a cross-congregation campaign on water justice.",
    "Nurse and union steward. Structure first: *real teams, compelling purpose*.",
    "Trainer of trainers. I run public narrative workshops in two languages.",
    "Climate organizer focused on commitments: asked → agreed → done.",
];

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
    for i in 0..count {
        let region = rng.pick(REGIONS);
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
            password_hash: password_hash.clone(),
            profile,
            email_verified: true,
            make_admin: false,
            created_at: now.plus_seconds(-(i64::try_from(i).unwrap_or(0) * 3600)),
        };
        ctx.store.create_member(&member).await?;
    }
    tracing::info!(demo.members = count, "demo network created");
    Ok(DemoOutcome::Created(count))
}
