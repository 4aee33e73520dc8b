//! Part 4: the full articles, each sentence marked as part of a claim, as
//! reported by this outlet only, or as page chrome.

use super::context::{Context, claim_anchor, doc_anchor, sentence_anchor};
use super::escape::{escape, put};

pub(super) fn render(out: &mut String, context: &Context) {
    out.push_str("<section id=\"articles\">\n<h2>Full articles</h2>\n");
    out.push_str("<p class=\"meta\"><span class=\"sent in-claim\">Shaded, underlined sentences</span> carry a shared claim (the tag links to it); <span class=\"sent unmatched\">italic sentences</span> tagged “only here” no other outlet carries; <span class=\"sent chrome\">grey text</span> is page chrome (bylines, share buttons, links), not compared.</p>\n");
    for (d, doc) in context.cmp.documents.iter().enumerate() {
        let document = &doc.document;
        put!(
            out,
            "<article class=\"doc\" id=\"{}\">\n<h3>{}</h3>\n<p class=\"meta\">id {}{} · {} · {} sentences</p>\n<p>",
            doc_anchor(d),
            escape(document.label()),
            escape(&document.id),
            document
                .date
                .as_deref()
                .map_or(String::new(), |date| format!(" · {}", escape(date))),
            doc.language,
            doc.sentences.len()
        );
        let mut previous_end = 0;
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let gap = document
                .text
                .get(previous_end..sentence.sentence.start)
                .unwrap_or("");
            if s > 0 {
                out.push_str(if gap.contains('\n') { "</p>\n<p>" } else { " " });
            }
            previous_end = sentence.sentence.end;
            let key = (d, s);
            let (class, tag) = if let Some(&claim) = context.claim_of.get(&key) {
                (
                    "sent in-claim",
                    format!(
                        "<a class=\"tag\" href=\"#{}\">claim {}</a>",
                        claim_anchor(claim),
                        claim + 1
                    ),
                )
            } else if context.linked.contains(&key) {
                (
                    "sent in-claim",
                    "<span class=\"tag\">linked</span>".to_string(),
                )
            } else if sentence.sentence.kind.is_content() {
                (
                    "sent unmatched",
                    "<span class=\"tag\">only here</span>".to_string(),
                )
            } else {
                ("sent chrome", String::new())
            };
            put!(
                out,
                "<span class=\"{class}\" id=\"{}\">{}</span>{tag}",
                sentence_anchor(key),
                escape(&sentence.text)
            );
        }
        out.push_str("</p>\n</article>\n");
    }
    out.push_str("</section>\n");
}
