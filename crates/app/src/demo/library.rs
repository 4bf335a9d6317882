//! The demo library: a worksheet, its Arabic adaptation and a Spanish one, an agenda and a
//! case study, so a new instance shows what lineage and search look like.

use praxis_domain::ids::{ItemId, MemberId};
use praxis_domain::library::{AdaptationNote, ItemFields, ItemKind, ItemScope};
use praxis_domain::members::profile::Practice;
use praxis_store::library::NewItem;

use crate::{AppResult, Context};

const WORKSHEET: &str = "# Before the conversation\n\n\
Write down why you want to meet this person, and what you hope to learn about them.\n\n\
# During\n\n\
1. Ask about their story: *why* do they care about what they care about?\n\
2. Listen for values, interests and resources.\n\
3. Share your own story briefly.\n\
4. Make an ask: a next conversation, a meeting, an introduction.\n\n\
# After\n\n\
| What I heard | Values | Resources | Commitment |\n|---|---|---|---|\n| | | | |\n";

const WORKSHEET_AR: &str = "# قبل اللقاء\n\n\
اكتب لماذا تريد مقابلة هذا الشخص، وما الذي تأمل أن تعرفه عنه.\n\n\
# أثناء اللقاء\n\n\
1. اسأل عن قصته: *لماذا* يهتم بما يهتم به؟\n\
2. أصغِ إلى القيم والمصالح والموارد.\n\
3. شارك قصتك باختصار.\n\
4. اطلب خطوة: لقاءً آخر أو اجتماعًا أو تعارفًا.\n\n\
# بعد اللقاء\n\n\
| ما سمعته | القيم | الموارد | الالتزام |\n|---|---|---|---|\n| | | | |\n";

fn fields(
    kind: ItemKind,
    title: &str,
    summary: &str,
    body: &str,
    practices: &[Practice],
    regions: &[&str],
    language: &str,
) -> ItemFields {
    ItemFields {
        kind,
        title: title.to_owned(),
        summary: summary.to_owned(),
        body: body.to_owned(),
        practices: practices.to_vec(),
        domains: vec!["housing".to_owned()],
        regions: regions.iter().map(|r| (*r).to_owned()).collect(),
        languages: vec![language.to_owned()],
        license: "CC BY 4.0".to_owned(),
        authors: vec!["Praxis demo".to_owned()],
        scope: ItemScope::Public,
    }
}

pub(super) async fn seed_library(
    ctx: &Context,
    author: MemberId,
    adapter: MemberId,
) -> AppResult<()> {
    let now = ctx.now();
    let original = ItemId::generate();
    let worksheet = fields(
        ItemKind::Worksheet,
        "One-on-one conversation worksheet",
        "Plan, hold and follow up a relational meeting: story, values, interests, resources, ask.",
        WORKSHEET,
        &[Practice::Relationships],
        &[],
        "en",
    );
    ctx.store
        .create_item(&NewItem {
            id: original,
            fields: &worksheet,
            node_id: None,
            created_by: author,
            adapted_from: None,
            now,
        })
        .await?;
    let arabic = fields(
        ItemKind::Worksheet,
        "ورقة عمل اللقاء الفردي",
        "خطط للقاء علائقي وأجرِه وتابعه: القصة والقيم والمصالح والموارد والطلب.",
        WORKSHEET_AR,
        &[Practice::Relationships],
        &["Jordan"],
        "ar",
    );
    let note = AdaptationNote {
        language: "ar".to_owned(),
        context: "Tenants' committees in Amman".to_owned(),
        audience: "First-time organizers".to_owned(),
    };
    ctx.store
        .create_item(&NewItem {
            id: ItemId::generate(),
            fields: &arabic,
            node_id: None,
            created_by: adapter,
            adapted_from: Some((original, &note)),
            now,
        })
        .await?;
    let agenda = fields(
        ItemKind::Agenda,
        "Two-day public narrative workshop agenda",
        "Story of self, us and now, with coaching in small teams.",
        "## Day one\n\n- Welcome and norms\n- Story of self: teaching and practice in teams\n\n## Day two\n\n- Story of us and now\n- Coaching debrief and commitments\n",
        &[Practice::PublicNarrative, Practice::Coaching],
        &["Balkans"],
        "en",
    );
    ctx.store
        .create_item(&NewItem {
            id: ItemId::generate(),
            fields: &agenda,
            node_id: None,
            created_by: author,
            adapted_from: None,
            now,
        })
        .await?;
    Ok(())
}

/// A demo workshop of the founder with two sessions, open to members' applications.
pub(super) async fn seed_workshop(ctx: &Context, founder: MemberId) -> AppResult<()> {
    use praxis_domain::ids::{SessionId, WorkshopId};
    use praxis_domain::workshops::{SessionFields, WorkshopFields, WorkshopFormat};
    let fields = WorkshopFields {
        title: "Public narrative: a five-week online workshop".to_owned(),
        description:
            "Participants tell their story of self, us and now in small teams, each with a coach."
                .to_owned(),
        modules: vec![Practice::PublicNarrative, Practice::Coaching],
        languages: vec!["en".to_owned(), "ar".to_owned()],
        format: WorkshopFormat::Online,
        place: String::new(),
        time_zone: "Asia/Amman".to_owned(),
        participant_capacity: 40,
        coach_capacity: 8,
        applications_open: None,
        applications_close: None,
        scope: ItemScope::Members,
    };
    let id = WorkshopId::generate();
    let now = ctx.now();
    ctx.store
        .create_workshop(id, &fields, None, founder, now)
        .await?;
    for (date, module) in [
        ("2027-01-12", Practice::PublicNarrative),
        ("2027-01-19", Practice::Coaching),
    ] {
        let session = SessionFields {
            date: date.to_owned(),
            start: "18:00".to_owned(),
            duration_minutes: 120,
            module: Some(module),
            location: "Online".to_owned(),
        };
        ctx.store
            .add_workshop_session(id, SessionId::generate(), &session, now)
            .await?;
    }
    Ok(())
}
