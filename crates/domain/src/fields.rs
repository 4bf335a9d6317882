//! Parsers shared by every feature's fields: bounded text, one-line text, calendar dates and
//! times of day, tag lists and language codes. Each answers a translation key on failure.

use crate::members::profile::{MAX_TAG_CHARS, MAX_TAGS};

/// Checks free text: trimmed, at most `max` characters, no control characters but line
/// breaks and tabs; empty only when not `required`.
pub fn bounded(input: &str, max: usize, required: bool) -> Result<String, &'static str> {
    let value = input.trim();
    if required && value.is_empty() {
        Err("error-required")
    } else if value.chars().count() > max {
        Err("error-too-long")
    } else if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        Err("error-invalid-characters")
    } else {
        Ok(value.to_owned())
    }
}

/// Checks one line of text: as [`bounded`], without line breaks or tabs, and without the
/// characters that reorder text around them ([`is_bidi_control`]).
pub fn one_line(input: &str, max: usize, required: bool) -> Result<String, &'static str> {
    let value = bounded(input, max, required)?;
    if value.contains(['\n', '\r', '\t']) {
        return Err("error-invalid-characters");
    }
    if value.chars().any(is_bidi_control) {
        return Err("error-bidi-control");
    }
    Ok(value)
}

/// True for the invisible controls that reorder the text around them (embeddings, overrides
/// and isolates, U+202A–U+202E and U+2066–U+2069): in a name or a title they can make one
/// thing read as another (`txt.exe` shown as `exe.txt`), so names, titles and addresses refuse
/// them. The marks U+200E and U+200F change no order and stay allowed.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Checks a name (of a person, a node, an organization): trimmed, `1..=max` characters, no
/// control characters, no reordering controls.
pub fn parse_name(input: &str, max: usize) -> Result<String, &'static str> {
    let name = input.trim();
    if name.is_empty() {
        Err("error-required")
    } else if name.chars().count() > max {
        Err("error-too-long")
    } else if name.chars().any(char::is_control) {
        Err("error-invalid-characters")
    } else if name.chars().any(is_bidi_control) {
        Err("error-bidi-control")
    } else {
        Ok(name.to_owned())
    }
}

/// Checks a calendar date written YYYY-MM-DD.
pub fn parse_date(input: &str) -> Result<Option<String>, &'static str> {
    let d = input.trim();
    if d.is_empty() {
        return Ok(None);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(d, &format)
        .map(|_| Some(d.to_owned()))
        .map_err(|_| "error-date")
}

/// Checks a time of day written HH:MM (24 hours).
pub fn parse_time_of_day(input: &str) -> Result<String, &'static str> {
    let t = input.trim();
    let format = time::macros::format_description!("[hour]:[minute]");
    time::Time::parse(t, &format)
        .map(|_| t.to_owned())
        .map_err(|_| "error-time-of-day")
}

/// Checks a list of free tags (domains, regions, authors …): trimmed, each at most
/// [`MAX_TAG_CHARS`], at most [`MAX_TAGS`], duplicates (ignoring case) dropped.
pub fn parse_tags(tags: &[String]) -> Result<Vec<String>, &'static str> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_titles_refuse_the_controls_that_reorder_text() {
        for c in ['\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}'] {
            let text = format!("invoice{c}fdp.exe");

            assert_eq!(parse_name(&text, 80), Err("error-bidi-control"), "{c:?}");
            assert_eq!(
                one_line(&text, 80, true),
                Err("error-bidi-control"),
                "{c:?}"
            );
        }
        assert_eq!(
            parse_name("نور\u{200F} Haddad", 80),
            Ok("نور\u{200F} Haddad".to_owned())
        );
        assert_eq!(
            bounded("a body\u{2067}", 80, true),
            Ok("a body\u{2067}".to_owned())
        );
    }
}
