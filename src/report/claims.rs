//! Part 3: claim by claim, the outlets' sentences side by side with their
//! differences marked.

use std::collections::BTreeSet;

use super::context::{Context, claim_anchor, sentence_anchor};
use super::escape::{escape, put};
use super::stance::{cues, shown};
use crate::align::Claim;
use crate::diff::{Category, Difference, DifferenceKind};
use crate::framing::certainty::Stance;

/// The category as a reader names it.
pub(super) fn category_label(category: Category) -> &'static str {
    match category {
        Category::ActorLabel => "actor label",
        Category::Hedging => "hedging",
        Category::Attribution => "attribution",
        Category::SpellingVariant => "spelling variant",
        Category::Quantity => "quantity",
        Category::ScareQuotes => "scare quotes",
        Category::Evaluative => "evaluative",
        Category::Other => "other wording",
    }
}

/// The label printed after each mark, so marks read without colour; none
/// for `other`, which its faint dotted underline tells apart.
fn tag_html(category: Category) -> String {
    if category == Category::Other {
        String::new()
    } else {
        format!("<span class=\"tag\">{}</span>", category_tag(category))
    }
}

/// The short label of a category, as printed after its marks.
fn category_tag(category: Category) -> &'static str {
    match category {
        Category::ActorLabel => "actor",
        Category::Hedging => "hedge",
        Category::Attribution => "source",
        Category::SpellingVariant => "spelling",
        Category::Quantity => "number",
        Category::ScareQuotes => "quotes",
        Category::Evaluative => "loaded",
        Category::Other => "other",
    }
}

pub(super) fn category_class(category: Category) -> &'static str {
    match category {
        Category::ActorLabel => "d-actor_label",
        Category::Hedging => "d-hedging",
        Category::Attribution => "d-attribution",
        Category::SpellingVariant => "d-spelling_variant",
        Category::Quantity => "d-quantity",
        Category::ScareQuotes => "d-scare_quotes",
        Category::Evaluative => "d-evaluative",
        Category::Other => "d-other",
    }
}

fn category_style(category: Category) -> &'static str {
    match category {
        Category::ActorLabel => "solid underline",
        Category::Hedging => "italics, dotted underline",
        Category::Attribution => "dashed underline",
        Category::SpellingVariant => "wavy underline",
        Category::Quantity => "bold",
        Category::ScareQuotes => "lines above and below",
        Category::Evaluative => "double underline",
        Category::Other => "thin dotted underline, no label",
    }
}

pub(super) fn render(out: &mut String, context: &Context) {
    out.push_str("<section id=\"claims\">\n<h2>Claim by claim</h2>\n");
    legend(out);
    let mut claims: Vec<&Claim> = context.cmp.claims.iter().collect();
    claims.sort_by_key(|c| c.id);
    for claim in claims {
        render_claim(out, context, claim);
    }
    out.push_str("</section>\n");
}

fn legend(out: &mut String) {
    out.push_str("<div class=\"legend\" role=\"note\"><p><strong>How to read the cards.</strong> Each card is one outlet's sentence. A marked stretch differs from another outlet's sentence of the same claim: the label after it and its line style name the kind of difference, and hovering it shows what the other outlet writes. The line under a card says whether its outlet states the claim, attributes it to a source or hedges it (left out when every outlet states it as fact).</p>");
    for category in Category::ALL {
        put!(
            out,
            "<span><mark class=\"{}\">{}</mark>{} {}</span>",
            category_class(category),
            category_label(category),
            tag_html(category),
            category_style(category)
        );
    }
    out.push_str("</div>\n");
}

fn render_claim(out: &mut String, context: &Context, claim: &Claim) {
    let keys: Vec<(usize, usize)> = claim
        .sentences
        .iter()
        .filter_map(|r| context.key(r))
        .collect();
    let outlets = context.outlets_of_claim(claim).len();
    put!(
        out,
        "<section class=\"claim\" id=\"{}\">\n<h3>Claim {} <span class=\"meta\">· {outlets} {}</span></h3>\n<div class=\"side-by-side\">\n",
        claim_anchor(claim.id),
        claim.id + 1,
        if outlets == 1 { "outlet" } else { "outlets" }
    );
    let pairs = claim_pairs(context, claim);
    // A claim every outlet states as fact needs no line under each card.
    let all_state = context.outlets_of_claim(claim).iter().all(|&o| {
        context
            .certainty(claim.id, o)
            .is_some_and(|c| c.stance == Stance::States)
    });
    for &key in &keys {
        let sentence = context.sentence(key);
        let marks = marks_for(context, &pairs, key);
        put!(
            out,
            "<div class=\"card\"><h4><span>{}</span>{}</h4>\n<p>",
            escape(context.label(key.0)),
            context.article_link(
                &sentence_anchor(key),
                " class=\"ui\" title=\"this sentence in the full article\"",
                &format!("sentence {} ↗", key.1)
            )
        );
        highlighted(out, &sentence.text, &marks);
        out.push_str("</p>");
        if !all_state {
            stance_line(out, context, claim, context.outlet_of(key.0));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
    difference_list(out, context, &pairs);
    out.push_str("</section>\n");
}

/// Under a card: whether its outlet states, attributes or hedges the claim,
/// and the words that show it.
fn stance_line(out: &mut String, context: &Context, claim: &Claim, outlet: usize) {
    let Some(certainty) = context.certainty(claim.id, outlet) else {
        return;
    };
    let look = shown(Some(certainty.stance));
    let cues = cues(certainty);
    let cues = if cues.is_empty() {
        String::new()
    } else {
        format!(": {}", escape(&cues.join(", ")))
    };
    put!(
        out,
        "<p class=\"stance {}\">{} {}{cues}</p>",
        look.class,
        look.symbol,
        look.meaning
    );
}

/// The differences between two sentences of the claim, with both sides.
struct Pair<'a> {
    /// The sentences of each side (two when an outlet split the claim).
    a: Vec<(usize, usize)>,
    b: Vec<(usize, usize)>,
    differences: &'a [Difference],
}

fn claim_pairs<'a>(context: &Context<'a>, claim: &Claim) -> Vec<Pair<'a>> {
    let links = context
        .claim_links
        .get(&claim.id)
        .map_or(&[][..], Vec::as_slice);
    links
        .iter()
        .filter_map(|&i| {
            let link = &context.cmp.alignments[i];
            let (a, b) = context.sides(link)?;
            Some(Pair {
                a,
                b,
                differences: &link.differences,
            })
        })
        .collect()
}

/// A marked stretch of a sentence, in bytes from the sentence's start.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mark {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    /// What the other outlets say instead, for the tooltip.
    pub note: String,
}

fn marks_for(context: &Context, pairs: &[Pair], key: (usize, usize)) -> Vec<Mark> {
    let sentence = &context.sentence(key).sentence;
    let mut marks = Vec::new();
    for pair in pairs {
        let (this_is_a, other) = if pair.a.contains(&key) {
            (true, pair.b[0])
        } else if pair.b.contains(&key) {
            (false, pair.a[0])
        } else {
            continue;
        };
        for difference in pair.differences.iter().filter(|d| !d.minor) {
            let (span, partner) = if this_is_a {
                (difference.a_span, &difference.b)
            } else {
                (difference.b_span, &difference.a)
            };
            let Some((start, end)) = span else { continue };
            // A difference in a side of two sentences may run across both:
            // each sentence marks its own part.
            let (start, end) = (start.max(sentence.start), end.min(sentence.end));
            if start >= end {
                continue;
            }
            let note = match partner {
                Some(text) => format!(
                    "{}: {} writes “{}”",
                    category_label(difference.category),
                    context.label(other.0),
                    text
                ),
                None => format!(
                    "{}: not in {}",
                    category_label(difference.category),
                    context.label(other.0)
                ),
            };
            marks.push(Mark {
                start: start - sentence.start,
                end: end - sentence.start,
                category: difference.category,
                note,
            });
        }
    }
    marks
}

/// The sentence with its marks; overlapping marks keep the first, longest
/// one, and marks off a character boundary are left out.
pub(super) fn highlighted(out: &mut String, text: &str, marks: &[Mark]) {
    let mut marks: Vec<&Mark> = marks
        .iter()
        .filter(|m| {
            m.end <= text.len() && text.is_char_boundary(m.start) && text.is_char_boundary(m.end)
        })
        .collect();
    marks.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
    let mut at = 0;
    let mut notes: Vec<String> = Vec::new();
    let mut i = 0;
    while i < marks.len() {
        let mark = marks[i];
        if mark.start < at {
            i += 1;
            continue;
        }
        notes.clear();
        // Marks of the same span from several pairs share one highlight.
        while i < marks.len() && (marks[i].start, marks[i].end) == (mark.start, mark.end) {
            if !notes.contains(&marks[i].note) {
                notes.push(marks[i].note.clone());
            }
            i += 1;
        }
        out.push_str(&escape(&text[at..mark.start]));
        put!(
            out,
            "<mark class=\"{}\" title=\"{}\">{}</mark>{}",
            category_class(mark.category),
            escape(&notes.join("; ")),
            escape(&text[mark.start..mark.end]),
            tag_html(mark.category)
        );
        at = mark.end;
    }
    out.push_str(&escape(&text[at..]));
}

/// The claim's differences in words, one line each: the named kinds first,
/// each with its substitutions before its additions and omissions.
fn difference_list(out: &mut String, context: &Context, pairs: &[Pair]) {
    // (category, whether a substitution, the line): substitutions first.
    let mut lines: Vec<(Category, bool, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut minor = 0;
    for pair in pairs {
        let (a, b) = (
            escape(context.label(pair.a[0].0)),
            escape(context.label(pair.b[0].0)),
        );
        for d in pair.differences {
            if d.minor {
                minor += 1;
                continue;
            }
            let quote = |text: &Option<String>| escape(text.as_deref().unwrap_or(""));
            let what = match d.kind {
                DifferenceKind::Substitution => {
                    format!("{a} “{}” ↔ {b} “{}”", quote(&d.a), quote(&d.b))
                }
                DifferenceKind::Addition => format!("{b} adds “{}”; {a} does not", quote(&d.b)),
                DifferenceKind::Omission => format!("{a} has “{}”; {b} does not", quote(&d.a)),
            };
            let line = format!(
                "<li><span class=\"tag\">{}</span> {what}</li>",
                category_tag(d.category)
            );
            if seen.insert(line.clone()) {
                lines.push((d.category, d.kind == DifferenceKind::Substitution, line));
            }
        }
    }
    if lines.is_empty() && minor == 0 {
        return;
    }
    // Stable: within a kind, the pairs keep story order.
    lines.sort_by_key(|(category, substitution, _)| (*category, !substitution));
    let named = lines
        .iter()
        .position(|(category, _, _)| *category == Category::Other)
        .unwrap_or(lines.len());
    out.push_str("<ul class=\"plain diffs\">\n");
    for (_, _, line) in &lines[..named] {
        out.push_str(line);
        out.push('\n');
    }
    // Other wording is there to check, not to read first: folded.
    let other = &lines[named..];
    if !other.is_empty() {
        put!(
            out,
            "<li><details><summary>{} other wording {}</summary><ul>\n",
            other.len(),
            if other.len() == 1 {
                "change"
            } else {
                "changes"
            }
        );
        for (_, _, line) in other {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str("</ul></details></li>\n");
    }
    if minor > 0 {
        put!(
            out,
            "<li class=\"meta\">and {minor} minor {} (function words only)</li>\n",
            if minor == 1 { "change" } else { "changes" }
        );
    }
    out.push_str("</ul>\n");
}
