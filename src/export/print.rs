//! The worksheet and the answer key as printable web pages. Both are
//! written once, in Markdown (worksheet.rs); this renders that Markdown to
//! one self-contained HTML page with the handout's print styles, so a
//! teacher can print either from a browser on two A4 or Letter pages.
//!
//! Data text in that Markdown is already escaped as text (markdown::t), so
//! it cannot open HTML; any HTML the parser still meets is written out as
//! visible text, never as markup.

use pulldown_cmark::{Event, Options, Parser, html::push_html};

use super::html::{STYLE, esc};

/// Styles the Markdown forms need beyond the handout's: the empty map grid
/// (a preformatted block) kept whole, and room to write on: a discussion
/// question's lines of underscores are thematic breaks to CommonMark,
/// drawn here as ruled lines.
const SHEET_STYLE: &str = "\
@page { margin: 9mm 11mm; }
th, td { padding: .08em .3em; }
pre { font: 8.5pt/1.05 'DejaVu Sans Mono', monospace; margin: .2em 0 .4em; break-inside: avoid; }
h2 + p, h2 + ul, h2 + table { break-before: avoid; }
tr, li { break-inside: avoid; }
ol > li > p { margin: .15em 0; }
li hr { border: 0; border-bottom: 1px solid #888; height: 1.7em; margin: 0; }
.worksheet table:has(th:nth-child(5)) th:nth-child(2) { width: 42%; }
.worksheet table:has(th:nth-child(5)) th:last-child { width: 30%; }
.key { font-size: 8.6pt; }
.key th:last-child { width: 64%; }
";

/// `markdown` as a page titled `title`; `class` on its body says which
/// sheet it is (the worksheet's tables keep room to write in).
pub fn page(title: &str, lang: &str, class: &str, markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES).map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        e => e,
    });
    let mut body = String::with_capacity(markdown.len() * 2);
    push_html(&mut body, parser);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{STYLE}{SHEET_STYLE}</style>\n</head>\n<body class=\"{class}\">\n{body}</body>\n</html>\n",
        esc(lang),
        esc(title)
    )
}
