use framediff::diff::Differ;
use framediff::{Comparison, Config, lang::Language};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args[0] == "stem" {
        let an = framediff::analyze::Analyzer::new(Language::French);
        for w in &args[1..] {
            for t in an.analyze(w) {
                println!("{} {} stop={}", t.surface, t.stem, t.stop);
            }
        }
        return;
    }
    let docs = framediff::load_dir("../shared/seeds").unwrap();
    let cmp = Comparison::new(
        docs,
        &Config {
            language: Some(Language::French),
            ..Config::default()
        },
    )
    .unwrap();
    let differ = Differ::for_documents(&cmp.documents);
    let get = |s: &str| {
        let (d, i) = s.split_once(':').unwrap();
        let doc = cmp
            .documents
            .iter()
            .find(|x| x.document.id.starts_with(d))
            .unwrap();
        &doc.sentences[i.parse::<usize>().unwrap()]
    };
    let (a, b) = (get(&args[0]), get(&args[1]));
    println!("A: {}\nB: {}", a.text, b.text);
    let diff = differ.diff(a, b);
    for x in &diff.anchors {
        if a.tokens[x.a].is_content() {
            println!(
                "  anchor {} ~ {} {:?}",
                a.tokens[x.a].surface, b.tokens[x.b].surface, x.relation
            );
        }
    }
    for d in &diff.differences {
        println!(
            "  {:?} {:?} {:?} → {:?} minor={}",
            d.kind, d.category, d.a, d.b, d.minor
        );
    }
}
#[allow(dead_code)]
fn stems() {}
