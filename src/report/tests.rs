use super::*;
use crate::Document;
use crate::diff::{Category, Difference, DifferenceKind};

/// Two outlets' sentences, compared by the whole pipeline.
fn pair(a: &str, b: &str) -> Comparison {
    let docs = vec![
        Document::new("rt", a).with_outlet("RT"),
        Document::new("afp", b).with_outlet("AFP"),
    ];
    let cmp = Comparison::new(docs, &Default::default()).unwrap();
    assert_eq!(cmp.alignments.len(), 1, "the test sentences must align");
    cmp
}

const RT: &str = "Les terroristes ont lancé une attaque contre Alep.";
const AFP: &str = "Selon l'OSDH, les rebelles ont lancé une offensive sur Alep.";

/// The part of the page between two sections.
fn part<'p>(page: &'p str, from: &str, to: &str) -> &'p str {
    let at = |id: &str| page.find(&format!("<section id=\"{id}\"")).expect(id);
    &page[at(from)..at(to)]
}

/// The cards of a claim, in order.
fn cards(page: &str) -> Vec<&str> {
    page.split("<div class=\"card\">").skip(1).collect()
}

#[test]
fn input_text_is_escaped_everywhere() {
    let docs = vec![
        Document::new(
            "x\"1",
            "<script>alert('x')</script> Alep & Hama sont \"tombées\".",
        )
        .with_outlet("<b>Evil</b>"),
    ];
    let cmp = Comparison::new(docs, &Default::default()).unwrap();
    let options = ReportOptions {
        title: "<i>Title</i>".into(),
        ..Default::default()
    };
    let page = html_with(&cmp, &options);
    assert!(
        !page.contains("<script"),
        "a script tag from the input survived"
    );
    assert!(!page.contains("<b>Evil") && !page.contains("<i>Title"));
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(page.contains("Alep &amp; Hama sont &quot;tombées&quot;."));
    assert!(page.contains("id x&quot;1"));
}

#[test]
fn the_computed_differences_are_marked_in_both_cards() {
    let cmp = pair(RT, AFP);
    let page = html(&cmp);
    let cards = cards(part(&page, "claims", "articles"));
    assert_eq!(cards.len(), 2);
    assert!(cards[0].contains(
        "<mark class=\"d-actor_label\" title=\"actor label: AFP writes “rebelles”\">terroristes</mark><span class=\"tag\">actor</span>"
    ));
    assert!(cards[1].contains(
        "<mark class=\"d-actor_label\" title=\"actor label: RT writes “terroristes”\">rebelles</mark><span class=\"tag\">actor</span>"
    ));
    assert!(cards[1].contains(">Selon l&#39;OSDH</mark><span class=\"tag\">hedge</span>"));
    // Other wording is marked faintly, without a label.
    assert!(cards[0].contains(">attaque</mark> contre"));
    // Minor changes (contre / sur) are counted, not marked.
    assert!(!cards[0].contains(">contre</mark>"));
    let list = &page[page.find("<ul class=\"plain diffs\">").unwrap()..];
    let list = &list[..list.find("</section>").unwrap()];
    let actor = list.find("RT “terroristes” ↔ AFP “rebelles”").unwrap();
    let hedge = list
        .find("AFP adds “Selon l&#39;OSDH”; RT does not")
        .unwrap();
    let other = list
        .find("<details><summary>1 other wording change</summary>")
        .unwrap();
    assert!(
        actor < hedge && hedge < other,
        "named kinds first, other folded last"
    );
    assert!(list[other..].contains("RT “attaque” ↔ AFP “offensive”"));
    assert!(list.contains("and 2 minor changes"));
}

#[test]
fn the_summary_lists_the_lexicon_rows_with_who_writes_which() {
    let texts = [
        (
            "afp",
            "AFP",
            "Les rebelles ont lancé une offensive sur Alep.",
        ),
        (
            "rt",
            "RT",
            "Les terroristes ont lancé une offensive sur Alep.",
        ),
        (
            "reuters",
            "Reuters",
            "Les rebelles ont lancé une offensive contre Alep.",
        ),
    ];
    let docs = texts
        .iter()
        .map(|(id, outlet, text)| Document::new(*id, *text).with_outlet(*outlet))
        .collect();
    let cmp = Comparison::new(docs, &Default::default()).unwrap();
    let page = html(&cmp);
    let summary = part(&page, "summary", "coverage");
    let row = "<li><mark class=\"d-actor_label\">rebelles</mark> <span class=\"meta\">(AFP, Reuters)</span> ↔ <mark class=\"d-actor_label\">terroristes</mark> <span class=\"meta\">(RT)</span> <span class=\"meta\">· actor label · 2 pairs · e.g. <a href=\"#claim-1\">claim 1</a></span></li>";
    assert!(summary.contains(row), "{summary}");
    assert_eq!(
        summary.matches("<li>").count(),
        1,
        "one row for both orders"
    );
}

#[test]
fn the_summary_reads_the_lexicon_strongest_named_rows_first() {
    let mut cmp = pair(RT, AFP);
    let named = cmp.lexicon.overall[0].clone();
    assert_eq!(named.category, Category::ActorLabel);
    let mut other = named.clone();
    (other.a, other.b, other.category, other.count) =
        ("lancé".into(), "mené".into(), Category::Other, 9);
    let mut quantity = named.clone();
    (quantity.a, quantity.b, quantity.category) =
        ("onze".into(), "douze".into(), Category::Quantity);
    cmp.lexicon.overall = vec![other, named, quantity];
    let options = ReportOptions {
        top_differences: 1,
        ..Default::default()
    };
    let page = html_with(&cmp, &options);
    let summary = part(&page, "summary", "coverage");
    assert!(
        summary.contains(">rebelles</mark>"),
        "the strongest named row"
    );
    assert!(!summary.contains("lancé") && !summary.contains("douze"));

    cmp.lexicon.overall.clear();
    let page = html(&cmp);
    assert!(part(&page, "summary", "coverage").contains("No framing substitution was found"));
    assert!(
        page.contains(">terroristes</mark>"),
        "the cards still mark the pair's differences"
    );
}

#[test]
fn the_grid_and_the_cards_show_the_certainty_profile() {
    let mut cmp = pair(RT, AFP);
    let page = html(&cmp);
    let grid = part(&page, "coverage", "claims");
    let cells: Vec<&str> = grid.split("<td class=\"cell ").skip(1).collect();
    assert_eq!(cells.len(), 2);
    assert!(cells[0].starts_with("st-states\">") && cells[0].contains("● states</a></td>"));
    assert!(cells[1].starts_with("st-hedges\">"));
    assert!(cells[1].contains("○ hedges</a><span class=\"cues\">selon</span>"));
    let cards = cards(part(&page, "claims", "articles"));
    assert!(cards[0].contains("<p class=\"stance st-states\">● states it as fact</p>"));
    assert!(cards[1].contains("<p class=\"stance st-hedges\">○ hedges it: selon</p>"));

    // Read from the profile: an attribution there is an attribution here.
    let afp = &mut cmp.certainty[0].outlets[0];
    assert_eq!(afp.outlet, "AFP");
    afp.stance = crate::framing::certainty::Stance::Attributes;
    afp.attributions = vec!["osdh".into()];
    let page = html(&cmp);
    assert!(page.contains("◐ attributes</a><span class=\"cues\">osdh</span>"));
    assert!(page.contains("◐ attributes it to a source: osdh</p>"));

    // When every outlet states it, the cards say nothing; the grid does.
    let afp = &mut cmp.certainty[0].outlets[0];
    afp.stance = crate::framing::certainty::Stance::States;
    let page = html(&cmp);
    assert!(!page.contains("<p class=\"stance"));
    assert_eq!(page.matches("● states</a></td>").count(), 2);

    // No profile: each outlet carries the claim, no stance is claimed.
    cmp.certainty.clear();
    let page = html(&cmp);
    assert_eq!(page.matches("✓ carries</a></td>").count(), 2);
    assert!(!page.contains("<p class=\"stance"));
}

#[test]
fn parts_come_in_reading_order() {
    let page = html(&pair(RT, AFP));
    let at = |id: &str| page.find(&format!("<section id=\"{id}\"")).expect(id);
    assert!(at("summary") < at("coverage"));
    assert!(at("coverage") < at("claims"));
    assert!(at("claims") < at("articles"));
}

fn links_without_target(page: &str) -> (usize, Vec<String>) {
    let mut links = 0;
    let mut missing = Vec::new();
    for (i, _) in page.match_indices("href=\"#") {
        let target = &page[i + 7..];
        let target = &target[..target.find('"').unwrap()];
        if !page.contains(&format!("id=\"{target}\"")) {
            missing.push(target.to_string());
        }
        links += 1;
    }
    (links, missing)
}

#[test]
fn every_link_has_a_target() {
    let cmp = pair(RT, AFP);
    let (links, missing) = links_without_target(&html(&cmp));
    assert!(missing.is_empty(), "no anchor for {missing:?}");
    assert!(links >= 8, "only {links} links");

    let options = ReportOptions {
        full_articles: false,
        ..Default::default()
    };
    let page = html_with(&cmp, &options);
    let (links, missing) = links_without_target(&page);
    assert!(
        missing.is_empty(),
        "without the articles, no anchor for {missing:?}"
    );
    assert!(links >= 4, "only {links} links");
    assert!(!page.contains("id=\"articles\""));
}

fn span(text: &str, word: &str) -> Option<(usize, usize)> {
    let start = text.find(word).expect("word in text");
    Some((start, start + word.len()))
}

fn actor_label() -> Difference {
    Difference {
        kind: DifferenceKind::Substitution,
        category: Category::ActorLabel,
        a: Some("terroristes".into()),
        b: Some("rebelles".into()),
        a_span: span(RT, "terroristes"),
        b_span: span(AFP, "rebelles"),
        minor: false,
    }
}

#[test]
fn bad_spans_are_left_unmarked_not_a_panic() {
    // Hand-built differences: spans a differ should never give.
    let mut cmp = pair(RT, AFP);
    let e = RT.find("lancé").unwrap() + 5; // inside the two bytes of "é"
    let mut outside = actor_label();
    outside.a_span = Some((RT.len() + 10, RT.len() + 20));
    outside.b_span = Some((3, 1));
    let mut mid_char = actor_label();
    mid_char.a_span = Some((e, e + 3));
    mid_char.b_span = None;
    let mut overlapping = actor_label();
    overlapping.a_span = Some((0, 15)); // "Les terroristes" over "terroristes"
    cmp.alignments[0].differences = vec![outside, mid_char, overlapping, actor_label()];
    let page = html(&cmp);
    assert!(page.contains(">Les terroristes</mark>"));
    assert_eq!(
        page.matches("<mark class=\"d-actor_label\" title").count(),
        2
    );
}

#[test]
fn the_summary_lists_the_most_widely_carried_omissions_first() {
    let text: String = (1..=12).map(|n| format!("Phrase numéro {n}. ")).collect();
    let docs = ["a", "b", "c", "d"]
        .iter()
        .map(|id| Document::new(*id, text.as_str()).with_outlet(id.to_uppercase()))
        .collect();
    let mut cmp = Comparison::new(docs, &Default::default()).unwrap();
    let at = |doc: &str, sentence: usize| crate::align::SentenceRef {
        doc: doc.into(),
        sentence,
    };
    cmp.claims = (0..12)
        .map(|id| crate::align::Claim {
            id,
            sentences: if id == 11 {
                vec![at("b", id), at("c", id), at("d", id)]
            } else {
                vec![at("b", id), at("c", id)]
            },
        })
        .collect();
    cmp.coverage = crate::framing::coverage(&cmp.documents, &cmp.claims, &[]);
    let page = html(&cmp);
    let row = &page[page.find("<a href=\"#doc-0\">A</a>").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("12 claims: <a href=\"#claim-12\" title=\"carried by 3 outlets\">12</a>, <a href=\"#claim-1\""));
    assert!(row.ends_with(">9</a> and 2 more</td>"), "{row}");
}
