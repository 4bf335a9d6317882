//! Markdown typed by members, rendered to HTML that is safe to put in a page.

use pulldown_cmark::{Options, Parser, html};

/// Renders Markdown and removes anything unsafe (scripts, event handlers, `javascript:`
/// links, raw iframes). Links get `rel="noopener noreferrer nofollow"`.
pub fn render_markdown(source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::with_capacity(source.len() * 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(source, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_survives_and_scripts_do_not() {
        let html = render_markdown(
            "**bold** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
        );

        assert!(html.contains("<strong>bold</strong>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("onerror"));
    }

    #[test]
    fn links_do_not_leak_the_referrer() {
        let html = render_markdown("[site](https://example.org)");

        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
    }
}
