use super::*;
use crate::Document;
use crate::diff::{Category, Difference, DifferenceKind};

fn pair(a: &str, b: &str) -> Comparison {
    let docs = vec![
        Document::new("rt", a).with_outlet("RT"),
        Document::new("afp", b).with_outlet("AFP"),
    ];
    let mut cmp = Comparison::new(docs, &Default::default()).unwrap();
    assert_eq!(cmp.alignments.len(), 1, "the test sentences must align");
    // The tests below render differences they build by hand.
    cmp.alignments[0].differences.clear();
    cmp
}

fn span(text: &str, word: &str) -> Option<(usize, usize)> {
    let start = text.find(word).expect("word in text");
    Some((start, start + word.len()))
}

const RT: &str = "Les terroristes ont lancé une attaque contre Alep.";
const AFP: &str = "Selon l'OSDH, les rebelles ont lancé une offensive sur Alep.";

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

fn hedge_added() -> Difference {
    Difference {
        kind: DifferenceKind::Addition,
        category: Category::Hedging,
        a: None,
        b: Some("Selon l'OSDH".into()),
        a_span: None,
        b_span: span(AFP, "Selon l'OSDH"),
        minor: false,
    }
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
fn differences_are_marked_with_their_category_and_label() {
    let mut cmp = pair(RT, AFP);
    cmp.alignments[0].differences = vec![actor_label(), hedge_added()];
    let page = html(&cmp);
    assert!(page.contains(
        "<mark class=\"d-actor_label\" title=\"actor label: AFP writes “rebelles”\">terroristes</mark><span class=\"tag\">actor</span>"
    ));
    assert!(page.contains(">rebelles</mark><span class=\"tag\">actor</span>"));
    assert!(page.contains(">Selon l&#39;OSDH</mark><span class=\"tag\">hedge</span>"));
    assert!(page.contains("actor label: RT “terroristes” ↔ AFP “rebelles”"));
    assert!(page.contains("AFP adds “Selon l&#39;OSDH”; RT does not"));
}

#[test]
fn the_summary_lists_substitutions_and_the_grid_shows_who_hedges() {
    let mut cmp = pair(RT, AFP);
    cmp.alignments[0].differences = vec![actor_label(), hedge_added()];
    let page = html(&cmp);
    let summary =
        &page[page.find("id=\"summary\"").unwrap()..page.find("id=\"coverage\"").unwrap()];
    assert!(summary.contains("<strong>terroristes</strong> <span class=\"meta\">(RT)</span> ↔ <strong>rebelles</strong> <span class=\"meta\">(AFP)</span>"));
    let grid = &page[page.find("id=\"coverage\"").unwrap()..page.find("id=\"claims\"").unwrap()];
    let cells: Vec<&str> = grid
        .match_indices("<td class=\"cell ")
        .map(|(i, _)| &grid[i + 16..i + 26])
        .collect();
    assert_eq!(
        cells,
        ["st-states\"", "st-hedges\""],
        "RT states, AFP hedges"
    );
}

#[test]
fn without_differences_nothing_is_marked_and_outlets_carry() {
    let cmp = pair(RT, AFP);
    let page = html(&cmp);
    assert!(!page.contains("<mark class=\"d-actor_label\" title"));
    assert!(page.contains("No framing substitution was found"));
    assert_eq!(page.matches("□ carries</a>").count(), 2);
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
    let mut cmp = pair(RT, AFP);
    cmp.alignments[0].differences = vec![actor_label()];
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

#[test]
fn bad_spans_are_left_unmarked_not_a_panic() {
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
fn a_substitution_in_both_orders_is_one_framing_row() {
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
    let mut cmp = Comparison::new(docs, &Default::default()).unwrap();
    let text_of = |doc: &str| texts.iter().find(|t| t.0 == doc).unwrap().2;
    for link in &mut cmp.alignments {
        link.differences.clear();
        let word = |doc: &str| {
            if doc == "rt" {
                "terroristes"
            } else {
                "rebelles"
            }
        };
        let (wa, wb) = (word(&link.a.doc), word(&link.b.doc));
        if wa != wb {
            link.differences.push(Difference {
                kind: DifferenceKind::Substitution,
                category: Category::ActorLabel,
                a: Some(wa.into()),
                b: Some(wb.into()),
                a_span: span(text_of(&link.a.doc), wa),
                b_span: span(text_of(&link.b.doc), wb),
                minor: false,
            });
        }
    }
    let context = Context::new(&cmp, true);
    let rows = super::signals::top_framing_differences(&context, 5);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].count, 2);
    let outlets = |i: usize| rows[0].terms[i].1.iter().cloned().collect::<Vec<_>>();
    assert_eq!(
        rows[0].terms[0].0, "rebelles",
        "the order first seen, AFP before RT"
    );
    assert_eq!(outlets(0), ["AFP", "Reuters"]);
    assert_eq!(outlets(1), ["RT"]);
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
