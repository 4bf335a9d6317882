//! Validation of single profile fields: names, time zones, practice levels (tags and languages
//! are checked by `crate::fields`, shared with every feature).

use super::{Level, MAX_NAME_CHARS, Practice};
use crate::fields::parse_name;
use crate::validation::FieldErrors;

/// Checks a display name: 1–80 characters once trimmed, no control characters.
pub fn parse_display_name(input: &str) -> Result<String, &'static str> {
    parse_name(input, MAX_NAME_CHARS)
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
