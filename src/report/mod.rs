//! The comparison as one HTML page a journalist opens in a browser.
//!
//! [`html`] renders a [`Comparison`] as a single self-contained file:
//! inline CSS, no script, nothing fetched, readable offline and printed.
//! Its parts come in the order a reader wants them:
//!
//! 1. a summary: the outlets, how many claims they share, what each leaves
//!    out, the strongest framing differences (the top named rows of
//!    [`Comparison::lexicon`], with the outlets on each side), the words
//!    each favours;
//! 2. a coverage grid: claims in story order × outlets, each cell saying
//!    whether the outlet states the claim, attributes it to a source or
//!    hedges it, from [`Comparison::certainty`], with the words that show it;
//! 3. claim by claim, the outlets' sentences side by side with their
//!    differences marked by category (colour, and a line style and a text
//!    label, so the marks read without colour too), each sentence linking
//!    to its place in its article;
//! 4. the full articles, each sentence marked as part of a claim or as
//!    reported by that outlet only.
//!
//! Every piece of input text is escaped: an article that contains
//! `<script>` shows it as text.
//!
//! ```
//! use framediff::{Comparison, Document};
//!
//! let docs = vec![
//!     Document::new("rt", "Les terroristes ont lancé une attaque contre Alep.").with_outlet("RT"),
//!     Document::new("afp", "Les rebelles ont lancé une offensive sur Alep.").with_outlet("AFP"),
//! ];
//! let cmp = Comparison::new(docs, &Default::default())?;
//! let page = framediff::report::html(&cmp);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("AFP") && !page.contains("<script"));
//! // std::fs::write("report.html", page)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod articles;
mod claims;
mod context;
mod escape;
mod grid;
mod stance;
mod style;
mod summary;

use serde::{Deserialize, Serialize};

use crate::compare::Comparison;
use crate::lang::Language;
use context::Context;
use escape::{escape, put};

/// What the report shows.
///
/// ```
/// use framediff::report::ReportOptions;
/// let options = ReportOptions { title: "Syrie, décembre 2024".into(), ..Default::default() };
/// assert!(options.full_articles);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportOptions {
    /// The page title and main heading.
    pub title: String,
    /// Whether to end with the full articles (off for large corpora).
    pub full_articles: bool,
    /// How many framing differences the summary lists.
    pub top_differences: usize,
    /// How many distinctive words the summary lists per outlet.
    pub distinctive_words: usize,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            title: "framediff: how the outlets tell the story".into(),
            full_articles: true,
            top_differences: 8,
            distinctive_words: 8,
        }
    }
}

/// The report with the default options.
///
/// ```
/// let cmp = framediff::Comparison::new(vec![], &Default::default()).unwrap();
/// assert!(framediff::report::html(&cmp).contains("</html>"));
/// ```
pub fn html(comparison: &Comparison) -> String {
    html_with(comparison, &ReportOptions::default())
}

/// The report with the given options.
///
/// ```
/// use framediff::report::{ReportOptions, html_with};
/// use framediff::{Comparison, Document};
///
/// let cmp = Comparison::new(vec![Document::new("a", "Alep & <Hama>.")], &Default::default())?;
/// let options = ReportOptions { title: "Test".into(), full_articles: false, ..Default::default() };
/// let page = html_with(&cmp, &options);
/// assert!(page.contains("<title>Test</title>"));
/// assert!(!page.contains("Alep &amp; &lt;Hama&gt;")); // no full articles
/// # Ok::<(), framediff::Error>(())
/// ```
pub fn html_with(comparison: &Comparison, options: &ReportOptions) -> String {
    let context = Context::new(comparison, options.full_articles);
    let mut out = String::with_capacity(64 * 1024);
    let title = escape(&options.title);
    put!(
        &mut out,
        "<!DOCTYPE html>\n<html{}>\n<head>\n",
        lang_attribute(comparison)
    );
    put!(
        &mut out,
        "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        style::CSS
    );
    put!(&mut out, "<header><h1>{title}</h1>\n");
    put!(
        &mut out,
        "<nav aria-label=\"contents\"><a href=\"#summary\">Summary</a> · <a href=\"#coverage\">Coverage grid</a> · <a href=\"#claims\">Claim by claim</a>{}</nav></header>\n<main>\n",
        if options.full_articles {
            " · <a href=\"#articles\">Full articles</a>"
        } else {
            ""
        }
    );
    summary::render(&mut out, &context, options);
    grid::render(&mut out, &context);
    claims::render(&mut out, &context);
    if options.full_articles {
        articles::render(&mut out, &context);
    }
    out.push_str("</main>\n<footer>Made by framediff. Every mark points to exact bytes of the articles as loaded.</footer>\n</body>\n</html>\n");
    out
}

/// `lang="fr"` when every document has the same language.
fn lang_attribute(comparison: &Comparison) -> String {
    let mut languages = comparison.documents.iter().map(|d| d.language);
    match languages.next() {
        Some(first) if first != Language::Other && languages.all(|l| l == first) => {
            format!(" lang=\"{}\"", first.code())
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests;
