//! What the examples share: a quiet exit when the reader of stdout goes
//! away, and the parsing of the options several of them take.

use framediff::lang::Language;

/// Ends the process quietly, as `cat` or `grep` do, when stdout is a pipe
/// whose reader has gone (`corpus … | head`). Rust ignores `SIGPIPE`, so
/// without this every `println!` after the reader leaves panics with
/// "Broken pipe".
pub fn exit_quietly_on_closed_stdout() {
    #[cfg(unix)]
    // SAFETY: restores the default action for one signal at the start of
    // `main`, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// The value after `flag`, parsed (a count, a threshold).
pub fn number<T: std::str::FromStr>(flag: &str, value: Option<String>) -> Result<T, String> {
    let value = value.ok_or_else(|| format!("{flag} needs a value"))?;
    value
        .parse()
        .map_err(|_| format!("{flag}: {value:?} is not a valid number"))
}

/// The language after `--lang`.
pub fn language(value: Option<String>) -> Result<Language, String> {
    let code = value.ok_or("--lang needs a value (fr or en)")?;
    code.parse().map_err(|e| format!("--lang: {e}"))
}
