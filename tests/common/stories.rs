//! The project's annotated stories, listed in `tests/fixtures/stories.txt`:
//! read by the tests and by `examples/evaluate.rs`.

/// Each story as (fixture name, what it holds), in the file's order; a line
/// without a tab is a name with nothing said of it.
pub fn annotated_stories() -> impl Iterator<Item = (&'static str, &'static str)> {
    include_str!("../fixtures/stories.txt")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.split_once('\t').unwrap_or((line, "")))
}
