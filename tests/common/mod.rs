//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// `../shared` (read-only evaluation data beside the repository), or `None`
/// with a notice when it is absent. CI sets `FRAMEDIFF_REQUIRE_SHARED=1` so
/// that a missing directory fails instead of silently skipping.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("FRAMEDIFF_REQUIRE_SHARED").as_deref() == Ok("1") {
        panic!("FRAMEDIFF_REQUIRE_SHARED=1 but {} not found", dir.display());
    }
    eprintln!("skipping: ../shared not found");
    None
}
