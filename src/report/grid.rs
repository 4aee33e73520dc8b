//! Part 2: the coverage grid, claims in story order × outlets.

use super::context::{Context, claim_anchor, sentence_anchor};
use super::escape::{escape, excerpt, put};
use super::stance::{LEGEND, cues, shown};
use crate::align::Claim;

pub(super) fn render(out: &mut String, context: &Context) {
    out.push_str("<section id=\"coverage\">\n<h2>Coverage grid</h2>\n");
    if context.cmp.claims.is_empty() {
        out.push_str(
            "<p class=\"meta\">No claim is shared by two or more articles.</p>\n</section>\n",
        );
        return;
    }
    legend(out);
    put!(
        out,
        "<div class=\"grid-wrap\">\n<table class=\"grid\" style=\"min-width: {}rem\">\n<thead><tr><th class=\"claim\" scope=\"col\">Claim</th>",
        20 + 6 * context.outlets.len()
    );
    for outlet in &context.outlets {
        put!(out, "<th scope=\"col\">{}</th>", escape(&outlet.label));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut claims: Vec<&Claim> = context.cmp.claims.iter().collect();
    claims.sort_by_key(|c| c.id);
    for claim in claims {
        let first = claim.sentences.iter().find_map(|r| context.key(r));
        let text = first.map_or("", |key| context.sentence(key).text.as_str());
        put!(
            out,
            "<tr><th class=\"claim\" scope=\"row\"><a href=\"#{}\">{}</a>. {}</th>",
            claim_anchor(claim.id),
            claim.id + 1,
            escape(&excerpt(text, 90))
        );
        for (i, _) in context.outlets.iter().enumerate() {
            cell(out, context, claim, i);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

fn legend(out: &mut String) {
    out.push_str("<p class=\"meta\">One row per claim two or more articles carry, in story order; each cell says how the outlet words the claim, with the words that show it:");
    for stance in LEGEND {
        let look = shown(stance);
        let meaning = match stance {
            None => "carries it (certainty is compared only between outlets)",
            Some(_) => look.meaning,
        };
        put!(
            out,
            " <span class=\"stance {}\">{} {}</span>: {meaning};",
            look.class,
            look.symbol,
            look.word
        );
    }
    out.push_str(" <span class=\"stance\">—</span>: does not carry it. Each mark links to the sentence in its article.</p>\n");
}

/// One outlet's cell: how it words the claim, from the certainty profile.
fn cell(out: &mut String, context: &Context, claim: &Claim, outlet: usize) {
    let Some(first) = claim
        .sentences
        .iter()
        .filter_map(|r| context.key(r))
        .find(|&(d, _)| context.outlet_of(d) == outlet)
    else {
        out.push_str("<td class=\"cell absent\"><span class=\"stance\">—</span><span class=\"sr\"> not carried</span></td>");
        return;
    };
    let certainty = context.certainty(claim.id, outlet);
    let look = shown(certainty.map(|c| c.stance));
    let cues = certainty.map_or(&[][..], cues);
    // Without the full articles, the cell links to the claim's cards.
    let (target, title) = if context.articles {
        (
            sentence_anchor(first),
            format!("sentence {} of the article", first.1),
        )
    } else {
        (claim_anchor(claim.id), "the claim side by side".to_string())
    };
    let cues = if cues.is_empty() {
        String::new()
    } else {
        format!(
            "<span class=\"cues\">{}</span>",
            escape(&excerpt(&cues.join(", "), 28))
        )
    };
    put!(
        out,
        "<td class=\"cell {class}\"><a class=\"stance {class}\" href=\"#{target}\" title=\"{title}\">{} {}</a>{cues}</td>",
        look.symbol,
        look.word,
        class = look.class,
    );
}
