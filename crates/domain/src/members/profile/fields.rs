//! Validation of single profile fields: names, tags, languages, time zones, practice levels.

use super::{Level, MAX_NAME_CHARS, MAX_TAG_CHARS, MAX_TAGS, Practice};
use crate::validation::FieldErrors;

/// Checks a display name: 1–80 characters once trimmed, no control characters.
pub fn parse_display_name(input: &str) -> Result<String, &'static str> {
    let name = input.trim();
    if name.is_empty() {
        Err("error-required")
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err("error-too-long")
    } else if name.chars().any(char::is_control) {
        Err("error-invalid-characters")
    } else {
        Ok(name.to_owned())
    }
}

pub(super) fn parse_practices(
    pairs: &[(String, i64)],
    errors: &mut FieldErrors,
) -> Option<Vec<(Practice, Level)>> {
    let mut out: Vec<(Practice, Level)> = Vec::new();
    let mut ok = true;
    for (code, level) in pairs {
        let Some(practice) = Practice::from_code(code.trim()) else {
            errors.add("practices", "error-unknown-choice");
            ok = false;
            continue;
        };
        let Some(level) = Level::new(*level) else {
            errors.add(format!("practice_{}", practice.code()), "error-level-range");
            ok = false;
            continue;
        };
        out.retain(|(p, _)| *p != practice);
        out.push((practice, level));
    }
    out.sort();
    ok.then_some(out)
}

pub(crate) fn parse_tags(tags: &[String]) -> Result<Vec<String>, &'static str> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > MAX_TAG_CHARS {
            return Err("error-too-long");
        }
        if tag.chars().any(char::is_control) {
            return Err("error-invalid-characters");
        }
        if !out.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            out.push(tag.to_owned());
        }
    }
    if out.len() > MAX_TAGS {
        return Err("error-too-many");
    }
    Ok(out)
}

/// Checks a list of language codes such as `ar`, `sr-Latn` or `pt-BR`; returns them lower-cased.
pub fn parse_languages(codes: &[String]) -> Result<Vec<String>, &'static str> {
    let mut out: Vec<String> = Vec::new();
    for code in codes {
        let code = code.trim().to_lowercase();
        if code.is_empty() {
            continue;
        }
        let mut parts = code.split('-');
        let base_ok = parts.next().is_some_and(|b| {
            (2..=3).contains(&b.len()) && b.chars().all(|c| c.is_ascii_lowercase())
        });
        let rest_ok = parts
            .all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if !base_ok || !rest_ok {
            return Err("error-language-code");
        }
        if !out.contains(&code) {
            out.push(code);
        }
    }
    if out.len() > MAX_TAGS {
        return Err("error-too-many");
    }
    Ok(out)
}

/// Checks an IANA time zone name (`UTC`, `Asia/Amman`, `America/Argentina/Buenos_Aires`);
/// an empty input clears the time zone.
pub fn parse_time_zone(input: &str) -> Result<Option<String>, &'static str> {
    let tz = input.trim();
    if tz.is_empty() {
        return Ok(None);
    }
    let well_formed = tz.len() <= 64
        && (tz == "UTC"
            || (tz.contains('/')
                && tz.split('/').all(|part| {
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
                })));
    if well_formed {
        Ok(Some(tz.to_owned()))
    } else {
        Err("error-time-zone")
    }
}
