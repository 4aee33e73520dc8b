//! The report as a reader sees it: rendered by headless Chromium, checked
//! from the DOM the browser builds (`--dump-dom`), not from our own string.
//!
//! Skips with a notice when Chromium is absent, unless
//! `FRAMEDIFF_REQUIRE_BROWSER=1` (CI sets it). `CHROMIUM=path` picks the
//! browser. `tests/screenshot.sh` takes a picture of the same page.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use framediff::align::Alignment;
use framediff::diff::{Category, Difference};
use framediff::{Comparison, Config, Document};

fn browser() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("CHROMIUM").map(PathBuf::from),
        Some(PathBuf::from("/usr/bin/chromium")),
        Some(PathBuf::from("/usr/bin/chromium-browser")),
    ];
    if let Some(found) = candidates.into_iter().flatten().find(|p| p.is_file()) {
        return Some(found);
    }
    if std::env::var("FRAMEDIFF_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!("FRAMEDIFF_REQUIRE_BROWSER=1 but no chromium found (apt-get install chromium)");
    }
    eprintln!("skipping: chromium not found (apt-get install chromium, or set CHROMIUM)");
    None
}

/// The DOM Chromium builds from `page`, serialised.
fn rendered_dom(browser: &Path, page: &str, name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("browser-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let html = dir.join("report.html");
    std::fs::write(&html, page).expect("write report");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", html.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut dom = String::new();
        stdout.read_to_string(&mut dom).map(|_| dom)
    });
    let started = Instant::now();
    while child.try_wait().expect("wait for chromium").is_none() {
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let dom = reader.join().expect("reader").expect("read DOM");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(dom.contains("</html>"), "chromium printed no DOM");
    dom
}

fn seeds() -> Comparison {
    let docs = framediff::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).expect("seeds");
    Comparison::new(docs, &Config::default()).expect("comparison")
}

#[test]
fn the_seeds_report_shows_every_outlet_and_the_grid() {
    let Some(browser) = browser() else { return };
    let cmp = seeds();
    let dom = rendered_dom(&browser, &framediff::report::html(&cmp), "seeds");

    let grid_start = dom.find("<section id=\"coverage\">").expect("grid section");
    let grid = &dom[grid_start..dom.find("<section id=\"claims\">").expect("claims section")];
    for doc in &cmp.documents {
        let label = doc.document.label();
        assert!(
            grid.contains(&format!("<th scope=\"col\">{label}</th>")),
            "{label} not a grid column"
        );
        assert!(
            dom.contains(&format!("<h3>{label}</h3>")),
            "{label} has no article"
        );
    }
    let rows = grid.matches("<th class=\"claim\" scope=\"row\">").count();
    assert_eq!(rows, cmp.claims.len(), "one grid row per claim");
    let cells = grid.matches("<td class=\"cell ").count();
    assert_eq!(cells, cmp.claims.len() * cmp.documents.len());
    let carried: usize = cmp.claims.iter().map(|c| c.sentences.len()).sum();
    assert_eq!(
        cells - grid.matches("<td class=\"cell absent\">").count(),
        carried
    );
    assert!(!dom.contains("<script"), "the report runs no script");

    terroristes_rebelles_is_highlighted(&cmp, &dom);
}

/// The seeds' actor-label difference "terroristes" / "rebelles": found by
/// the comparison, marked on both sides of one claim's cards, and listed
/// in the summary.
fn terroristes_rebelles_is_highlighted(cmp: &Comparison, dom: &str) {
    let is = |text: &Option<String>, stem: &str| {
        text.as_deref()
            .is_some_and(|t| t.to_lowercase().starts_with(stem))
    };
    let found: Vec<(&Alignment, &Difference)> = cmp
        .alignments
        .iter()
        .flat_map(|link| link.differences.iter().map(move |d| (link, d)))
        .filter(|(_, d)| {
            d.category == Category::ActorLabel
                && ((is(&d.a, "terroriste") && is(&d.b, "rebelle"))
                    || (is(&d.a, "rebelle") && is(&d.b, "terroriste")))
        })
        .collect();
    assert!(
        !found.is_empty(),
        "the seeds no longer show terroristes / rebelles"
    );
    let shown = found.iter().any(|(link, d)| {
        let Some(claim) = cmp.claims.iter().find(|c| {
            c.sentences
                .iter()
                .any(|r| r.doc == link.a.doc && link.a.sentences.contains(&r.sentence))
        }) else {
            return false;
        };
        let anchor = format!("<section class=\"claim\" id=\"claim-{}\">", claim.id + 1);
        let Some(start) = dom.find(&anchor) else {
            return false;
        };
        let section = &dom[start..];
        let section = &section[..section.find("</section>").unwrap_or(section.len())];
        let marked = |text: &Option<String>| {
            let text = text.as_deref().unwrap_or_default();
            section.contains(&format!(">{text}</mark><span class=\"tag\">actor</span>"))
        };
        section.contains("<mark class=\"d-actor_label\"") && marked(&d.a) && marked(&d.b)
    });
    assert!(
        shown,
        "no claim marks both terroristes and rebelles as actor labels"
    );
    let summary = &dom[..dom.find("<section id=\"coverage\">").expect("grid section")];
    assert!(
        summary.contains("<mark class=\"d-actor_label\">rebelles</mark>")
            && summary.contains("<mark class=\"d-actor_label\">terroriste"),
        "terroristes / rebelles not among the summary's framing differences"
    );
}

#[test]
fn a_terroristes_rebelles_difference_is_highlighted_in_the_browser() {
    let Some(browser) = browser() else { return };
    let rt = "Les terroristes ont lancé une attaque contre Alep. <script>document.title='owned'</script>";
    let afp = "Les rebelles ont lancé une offensive sur Alep.";
    let docs = vec![
        Document::new("rt", rt).with_outlet("RT"),
        Document::new("afp", afp).with_outlet("AFP"),
    ];
    let cmp = Comparison::new(docs, &Config::default()).expect("comparison");
    let dom = rendered_dom(&browser, &framediff::report::html(&cmp), "terroristes");
    assert!(dom.contains(">terroristes</mark><span class=\"tag\">actor</span>"));
    assert!(dom.contains(">rebelles</mark><span class=\"tag\">actor</span>"));
    assert!(
        dom.contains(
            "<mark class=\"d-actor_label\">rebelles</mark> <span class=\"meta\">(AFP)</span>"
        ),
        "not in the summary"
    );
    assert!(
        !dom.contains("<title>owned</title>"),
        "a script from the article ran"
    );
    assert!(dom.contains("&lt;script&gt;document.title='owned'&lt;/script&gt;"));
}
