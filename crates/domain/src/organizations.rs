//! Organizations: the groups members work with, and who may see their contact details.

use crate::fields::parse_name;
use crate::members::profile::Viewer;
use crate::nodes::parse_slug;
use crate::validation::FieldErrors;

/// Who may see an organization's contact details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactVisibility {
    /// Anyone.
    Public,
    /// Signed-in members.
    Members,
    /// The organization's own admins only.
    Admins,
}

impl ContactVisibility {
    /// Every choice, most open first.
    pub const ALL: [ContactVisibility; 3] = [
        ContactVisibility::Public,
        ContactVisibility::Members,
        ContactVisibility::Admins,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            ContactVisibility::Public => "public",
            ContactVisibility::Members => "members",
            ContactVisibility::Admins => "admins",
        }
    }

    /// The choice with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// True when `viewer` may see the contact details.
pub fn can_see_contact(visibility: ContactVisibility, viewer: Viewer, is_org_admin: bool) -> bool {
    match visibility {
        ContactVisibility::Public => true,
        ContactVisibility::Members => matches!(viewer, Viewer::Member(_)),
        ContactVisibility::Admins => is_org_admin,
    }
}

/// An organization's fields as typed.
#[derive(Debug, Clone, Default)]
pub struct RawOrganizationFields {
    /// Name.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Markdown description.
    pub description: String,
    /// Region.
    pub region: String,
    /// Domains, comma separated.
    pub domains: Vec<String>,
    /// Website address.
    pub website: String,
    /// Contact details (an address, a phone, a person).
    pub contact: String,
    /// Contact visibility code.
    pub contact_visibility: String,
}

/// An organization's validated fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationFields {
    /// Name.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Markdown description.
    pub description: String,
    /// Region.
    pub region: String,
    /// Domains.
    pub domains: Vec<String>,
    /// Website (`https://…`), or empty.
    pub website: String,
    /// Contact details, or empty.
    pub contact: String,
    /// Who may see the contact details.
    pub contact_visibility: ContactVisibility,
}

impl OrganizationFields {
    /// Validates every field, naming each that is wrong.
    pub fn parse(raw: RawOrganizationFields) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors
            .check("name", parse_name(&raw.name, 120))
            .unwrap_or_default();
        let slug = errors.check("slug", parse_slug(&raw.slug));
        if raw.description.chars().count() > 10_000 {
            errors.add("description", "error-too-long");
        }
        let region = raw.region.trim().to_owned();
        if region.chars().count() > 60 {
            errors.add("region", "error-too-long");
        }
        let domains: Vec<String> = raw
            .domains
            .iter()
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty())
            .collect();
        if domains.len() > 20 || domains.iter().any(|d| d.chars().count() > 60) {
            errors.add("domains", "error-too-many");
        }
        let website = raw.website.trim().to_owned();
        if !website.is_empty()
            && (!(website.starts_with("https://") || website.starts_with("http://"))
                || website.len() > 200
                || website
                    .chars()
                    .any(|c| c.is_whitespace() || c == '"' || c == '<'))
        {
            errors.add("website", "error-website");
        }
        let contact = raw.contact.trim().to_owned();
        if contact.chars().count() > 200 {
            errors.add("contact", "error-too-long");
        }
        let contact_visibility = ContactVisibility::from_code(raw.contact_visibility.trim());
        if contact_visibility.is_none() {
            errors.add("contact_visibility", "error-unknown-choice");
        }
        match (slug, contact_visibility) {
            (Some(slug), Some(contact_visibility)) if errors.is_empty() => Ok(Self {
                name,
                slug,
                description: raw.description.trim().replace("\r\n", "\n"),
                region,
                domains,
                website,
                contact,
                contact_visibility,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::MemberId;

    #[test]
    fn contact_details_follow_their_visibility() {
        let member = Viewer::Member(MemberId::generate());
        assert!(can_see_contact(
            ContactVisibility::Public,
            Viewer::Anonymous,
            false
        ));
        assert!(!can_see_contact(
            ContactVisibility::Members,
            Viewer::Anonymous,
            false
        ));
        assert!(can_see_contact(ContactVisibility::Members, member, false));
        assert!(!can_see_contact(ContactVisibility::Admins, member, false));
        assert!(can_see_contact(ContactVisibility::Admins, member, true));
    }

    #[test]
    fn a_website_must_be_a_web_address() {
        let raw = |website: &str| RawOrganizationFields {
            name: "Org".into(),
            slug: "org".into(),
            website: website.into(),
            contact_visibility: "members".into(),
            ..Default::default()
        };
        assert!(OrganizationFields::parse(raw("https://example.org")).is_ok());
        assert!(OrganizationFields::parse(raw("")).is_ok());
        for bad in [
            "javascript:alert(1)",
            "example.org",
            "https://x\" onclick=\"y",
        ] {
            assert_eq!(
                OrganizationFields::parse(raw(bad))
                    .unwrap_err()
                    .key_for("website"),
                Some("error-website"),
                "{bad}"
            );
        }
    }
}
