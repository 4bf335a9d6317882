//! Organizing inside a node: teams in the snowflake model with their health checks, campaigns
//! planned with the framework, reflections after each peak and the lessons drawn from them.
//!
//! Every object belongs to a node and, often, a team; who sees it is decided in
//! [`crate::policy::organizing`]. Anyone else gets `NotFound`, as if it did not exist.

pub mod campaigns;
pub mod crews;
pub mod lessons;
pub mod reflections;

pub use self::campaigns::{
    ActorRecord, CAMPAIGNS_PER_PAGE, CampaignRecord, CampaignView, PhaseRecord, add_actor,
    add_phase, campaign_markdown, create_campaign, date_of, delete_campaign, node_campaigns,
    remove_actor, set_actual, update_campaign, view_campaign,
};
pub use self::crews::{
    CrewMember, CrewRecord, CrewView, HealthCheck, NodeCrews, check_health, create_crew,
    node_crews, rate_of, remove_member, set_member, update_crew, view_crew,
};
pub use self::lessons::{
    Endorsement, LESSONS_PER_PAGE, LessonRecord, LessonView, delete_lesson, draw_lesson, endorse,
    lessons_citing, link_item, move_lesson, node_lessons, view_lesson,
};
pub use self::reflections::{
    REFLECTIONS_PER_PAGE, ReflectionRecord, delete_reflection, my_workshops, node_reflections,
    reflect, reflect_in_node, view_reflection, workshop_reflections,
};
pub use crate::policy::organizing::Place;
