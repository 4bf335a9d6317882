//! The translation layer (Project Fluent): every string a person reads, in pages and in mail,
//! comes from `locales/<lang>/main.ftl`. English and Arabic are complete; Arabic is written
//! right to left.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Arabic (right to left).
    Ar,
}

impl Locale {
    /// Every interface language, in the order the switcher lists them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Ar];

    /// The BCP 47 code (`en`, `ar`).
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ar => "ar",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Ar => "العربية",
        }
    }

    /// `rtl` for right-to-left scripts, else `ltr`.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::En => "ltr",
            Locale::Ar => "rtl",
        }
    }

    /// The interface language with this code (`ar`, `ar-JO` and `AR` all give Arabic).
    pub fn from_code(code: &str) -> Option<Self> {
        let base = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == base)
    }

    /// The best interface language for an `Accept-Language` header, by quality order.
    pub fn negotiate(accept_language: &str) -> Option<Self> {
        let mut ranges: Vec<(f32, &str)> = accept_language
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .find_map(|p| {
                        p.trim()
                            .strip_prefix("q=")
                            .and_then(|q| q.parse::<f32>().ok())
                    })
                    .unwrap_or(1.0);
                (!tag.is_empty() && q > 0.0).then_some((q, tag))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranges.into_iter().find_map(|(_, tag)| Self::from_code(tag))
    }
}

const SOURCES: [(Locale, &str); 2] = [
    (Locale::En, include_str!("../locales/en/main.ftl")),
    (Locale::Ar, include_str!("../locales/ar/main.ftl")),
];

/// Every translation, loaded once at start-up.
pub struct Translator {
    bundles: Vec<(Locale, FluentBundle<FluentResource>)>,
}

impl std::fmt::Debug for Translator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translator").finish_non_exhaustive()
    }
}

impl Default for Translator {
    fn default() -> Self {
        Self::new()
    }
}

impl Translator {
    /// Loads the embedded translations. A syntax error in a `.ftl` file is caught by this
    /// crate's tests, so here a broken entry is skipped rather than stopping the server.
    pub fn new() -> Self {
        let bundles = SOURCES
            .into_iter()
            .map(|(locale, source)| {
                let langid: LanguageIdentifier = locale.code().parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![langid]);
                // Pages isolate user-supplied names themselves with <bdi>.
                bundle.set_use_isolating(false);
                let resource = FluentResource::try_new(source.to_owned())
                    .unwrap_or_else(|(partial, _)| partial);
                let _ = bundle.add_resource(resource);
                (locale, bundle)
            })
            .collect();
        Self { bundles }
    }

    /// The message `key` in `locale`, falling back to English, then to the key itself.
    pub fn t(&self, locale: Locale, key: &str) -> String {
        self.format(locale, key, None)
    }

    /// The message `key` with named arguments.
    pub fn t_args(&self, locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            // Whole numbers go in as numbers, so plural variants ([one], [few], …) apply.
            match value.parse::<i64>() {
                Ok(n) => fluent_args.set(*name, n),
                Err(_) => fluent_args.set(*name, value.to_string()),
            }
        }
        self.format(locale, key, Some(&fluent_args))
    }

    fn format(&self, locale: Locale, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for wanted in [locale, Locale::En] {
            let Some((_, bundle)) = self.bundles.iter().find(|(l, _)| *l == wanted) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        key.to_owned()
    }

    /// Every message key of a locale (for completeness checks).
    pub fn keys(locale: Locale) -> Vec<String> {
        let source = SOURCES
            .iter()
            .find(|(l, _)| *l == locale)
            .map_or("", |(_, s)| s);
        source
            .lines()
            .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
            .filter_map(|line| line.split_once('=').map(|(k, _)| k.trim().to_owned()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_choose_the_plural_form_of_each_language() {
        let t = Translator::new();

        assert_eq!(
            t.t_args(Locale::En, "search-total", &[("count", "1")]),
            "One result"
        );
        assert_eq!(
            t.t_args(Locale::En, "search-total", &[("count", "7")]),
            "7 results"
        );
        assert_eq!(
            t.t_args(Locale::Ar, "search-total", &[("count", "0")]),
            "لا نتائج"
        );
        assert_eq!(
            t.t_args(Locale::Ar, "search-total", &[("count", "2")]),
            "نتيجتان"
        );
    }

    #[test]
    fn every_translation_file_parses() {
        for (locale, source) in SOURCES {
            assert!(
                FluentResource::try_new(source.to_owned()).is_ok(),
                "{} has a syntax error",
                locale.code()
            );
        }
    }

    #[test]
    fn arabic_has_every_english_message_and_no_stray_ones() {
        let en = Translator::keys(Locale::En);
        let ar = Translator::keys(Locale::Ar);

        let missing: Vec<_> = en.iter().filter(|k| !ar.contains(k)).collect();
        let extra: Vec<_> = ar.iter().filter(|k| !en.contains(k)).collect();

        assert!(missing.is_empty(), "missing in Arabic: {missing:?}");
        assert!(extra.is_empty(), "only in Arabic: {extra:?}");
        assert!(en.len() > 50);
    }

    #[test]
    fn messages_differ_by_language_and_take_arguments() {
        let t = Translator::new();

        assert_eq!(t.t(Locale::En, "nav-sign-in"), "Sign in");
        assert_ne!(t.t(Locale::Ar, "nav-sign-in"), "Sign in");
        assert!(
            t.t_args(Locale::En, "mail-verify-subject", &[("site", "Praxis")])
                .contains("Praxis")
        );
        assert_eq!(t.t(Locale::Ar, "no-such-key"), "no-such-key");
    }

    #[test]
    fn the_browser_language_is_negotiated_by_quality() {
        assert_eq!(
            Locale::negotiate("ar-JO,ar;q=0.9,en;q=0.8"),
            Some(Locale::Ar)
        );
        assert_eq!(
            Locale::negotiate("sr;q=1.0, en;q=0.5, ar;q=0.4"),
            Some(Locale::En)
        );
        assert_eq!(Locale::negotiate("en;q=0.2, ar"), Some(Locale::Ar));
        assert_eq!(Locale::negotiate("fr, de"), None);
        assert_eq!(Locale::negotiate(""), None);
    }
}
