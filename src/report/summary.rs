//! Part 1: the outlets, what they share, what each leaves out, and the
//! strongest framing differences.

use super::ReportOptions;
use super::claims::{category_class, category_label};
use super::context::{Context, claim_anchor, doc_anchor};
use super::escape::{escape, put};
use crate::diff::Category;
use crate::framing::lexicon::LexiconEntry;

pub(super) fn render(out: &mut String, context: &Context, options: &ReportOptions) {
    let cmp = context.cmp;
    out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n");
    let by_all = cmp
        .claims
        .iter()
        .filter(|c| context.outlets_of_claim(c).len() == context.outlets.len())
        .count();
    put!(
        out,
        "<p class=\"lead\">{} {} from {} {}. They share <strong>{} {}</strong> (claims two or more outlets carry); {} of them carried by every outlet.</p>\n",
        cmp.documents.len(),
        plural(cmp.documents.len(), "article", "articles"),
        context.outlets.len(),
        plural(context.outlets.len(), "outlet", "outlets"),
        cmp.claims.len(),
        plural(cmp.claims.len(), "claim", "claims"),
        by_all
    );
    outlet_table(out, context);
    framing_differences(out, context, options.top_differences);
    distinctive_words(out, context, options.distinctive_words);
    out.push_str("</section>\n");
}

fn outlet_table(out: &mut String, context: &Context) {
    out.push_str("<table class=\"outlets\">\n<thead><tr><th>Outlet</th><th>Articles</th><th>Sentences</th><th>Claims carried</th><th>Reported by it alone</th><th>Leaves out (claims two or more others carry; the most widely carried first)</th></tr></thead>\n<tbody>\n");
    for outlet in &context.outlets {
        let sentences: usize = outlet
            .docs
            .iter()
            .map(|&d| context.cmp.documents[d].sentences.len())
            .sum();
        let coverage = context
            .cmp
            .coverage
            .outlets
            .iter()
            .find(|c| c.outlet == outlet.label);
        let carried = coverage.map_or(0, |c| c.claims.len());
        let exclusive = coverage.map_or(0, |c| c.exclusive);
        let omitted = coverage.map_or(&[][..], |c| c.omitted.as_slice());
        let left_out = left_out(context, omitted);
        put!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{sentences}</td><td class=\"num\">{carried}</td><td class=\"num\">{exclusive} {}</td><td>{left_out}</td></tr>\n",
            context.article_link(&doc_anchor(outlet.docs[0]), "", &escape(&outlet.label)),
            outlet.docs.len(),
            plural(exclusive, "sentence", "sentences"),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The claims an outlet leaves out, those most outlets carry first, the
/// first few as links.
fn left_out(context: &Context, omitted: &[usize]) -> String {
    const SHOWN: usize = 10;
    if omitted.is_empty() {
        return "nothing".to_string();
    }
    let mut ranked: Vec<(usize, usize)> = omitted
        .iter()
        .map(|&id| {
            let carriers = context
                .cmp
                .claims
                .iter()
                .find(|c| c.id == id)
                .map_or(0, |c| context.outlets_of_claim(c).len());
            (carriers, id)
        })
        .collect();
    ranked.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    let links: Vec<String> = ranked
        .iter()
        .take(SHOWN)
        .map(|&(carriers, id)| {
            format!(
                "<a href=\"#{}\" title=\"carried by {carriers} outlets\">{}</a>",
                claim_anchor(id),
                id + 1
            )
        })
        .collect();
    let more = if ranked.len() > SHOWN {
        format!(" and {} more", ranked.len() - SHOWN)
    } else {
        String::new()
    };
    format!(
        "{} {}: {}{more}",
        ranked.len(),
        plural(ranked.len(), "claim", "claims"),
        links.join(", ")
    )
}

/// The framing lexicon's strongest named rows: who writes which term, and
/// a claim where the reader sees it.
fn framing_differences(out: &mut String, context: &Context, limit: usize) {
    out.push_str("<h3>Top framing differences</h3>\n");
    let rows: Vec<&LexiconEntry> = context
        .cmp
        .lexicon
        .overall
        .iter()
        .filter(|e| e.category != Category::Other)
        .take(limit)
        .collect();
    if rows.is_empty() {
        out.push_str(
            "<p class=\"meta\">No framing substitution was found between aligned sentences.</p>\n",
        );
        return;
    }
    out.push_str("<p class=\"meta\">Where one outlet uses one word and another a different one for the same thing, counted over every pair of aligned sentences.</p>\n<ul class=\"plain framing\">\n");
    for row in rows {
        let side = |term: &str, outlets: &[String]| {
            let outlets: Vec<String> = outlets.iter().map(|o| escape(o)).collect();
            format!(
                "<mark class=\"{}\">{}</mark> <span class=\"meta\">({})</span>",
                category_class(row.category),
                escape(term),
                outlets.join(", ")
            )
        };
        let example = row
            .examples
            .iter()
            .find_map(|pair| {
                context
                    .key(&pair.a)
                    .and_then(|key| context.claim_of.get(&key))
            })
            .map_or(String::new(), |&claim| {
                format!(
                    " · e.g. <a href=\"#{}\">claim {}</a>",
                    claim_anchor(claim),
                    claim + 1
                )
            });
        put!(
            out,
            "<li>{} ↔ {} <span class=\"meta\">· {} · {} {}{example}</span></li>\n",
            side(&row.a, &row.a_outlets),
            side(&row.b, &row.b_outlets),
            category_label(row.category),
            row.count,
            plural(row.count, "pair", "pairs")
        );
    }
    out.push_str("</ul>\n");
}

fn distinctive_words(out: &mut String, context: &Context, limit: usize) {
    let outlets = &context.cmp.distinctive;
    if outlets.is_empty() || limit == 0 {
        return;
    }
    out.push_str("<h3>Words each outlet favours</h3>\n<p class=\"meta\">Content words an outlet uses more than the others, by the log-odds ratio with an informative prior (Monroe et al. 2008); z above about 2 is clear.</p>\n<div class=\"words\">\n");
    for outlet in outlets {
        let words: Vec<String> = outlet
            .words
            .iter()
            .take(limit)
            .map(|w| {
                let form = w.forms.first().unwrap_or(&w.stem);
                format!("{} <span class=\"meta\">{:.1}</span>", escape(form), w.z)
            })
            .collect();
        let words = if words.is_empty() {
            "<span class=\"meta\">none stands out</span>".to_string()
        } else {
            words.join(", ")
        };
        put!(
            out,
            "<p><strong>{}</strong>: {words}</p>\n",
            escape(&outlet.outlet)
        );
    }
    out.push_str("</div>\n");
}

pub(super) fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
