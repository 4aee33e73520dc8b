//! HTML escaping: every string that comes from the input goes through here.

/// The text with `& < > " '` replaced by entities: safe both as element
/// content and inside a double- or single-quoted attribute.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Appends formatted HTML to `out` (writing to a `String` cannot fail).
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {{
        let _ = std::fmt::Write::write_fmt($out, format_args!($($arg)*));
    }};
}
pub(super) use put;

/// At most `max` characters of `text`, cut at a word when it can be, with
/// an ellipsis when cut.
pub(super) fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_become_entities() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(
            escape("Bachar al-Assad « rebelles »"),
            "Bachar al-Assad « rebelles »"
        );
    }

    #[test]
    fn excerpts_cut_at_a_word_on_char_boundaries() {
        assert_eq!(excerpt("Alep est tombée", 40), "Alep est tombée");
        assert_eq!(
            excerpt("Les rebelles ont pénétré dans Alep", 20),
            "Les rebelles ont…"
        );
        assert_eq!(excerpt("éééééééééé", 3), "ééé…");
    }
}
