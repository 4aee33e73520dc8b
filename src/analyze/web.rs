//! Web addresses in article text: links pasted from social media
//! ("pic.twitter.com/…", "https://t.co/…") and e-mail addresses are one
//! symbol each, not words ("https", "t.co", "html") that would count as
//! an outlet's vocabulary.

use crate::segment::is_blank;

/// The longest address read: longer runs without blanks are not links.
const MAX_LEN: usize = 2_048;
/// Characters that may open a run of text before an address: "(https://…)".
const OPENERS: &[char] = &['(', '[', '<', '«', '"', '\'', '“', '‘'];
/// Characters that close the sentence or a bracket after an address rather
/// than belong to it: "voir lemonde.fr/a.html." or "(https://t.co/x)".
const CLOSERS: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '>', '»', '"', '\'', '”', '’', '…',
];

/// Whether `text` may hold an address at all: every address has a "/",
/// an "@" or starts with "www.". One pass over a sentence spares asking
/// [`address_len`] at each of its words, as most sentences hold none.
pub(super) fn may_hold_address(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().any(|&b| b == b'/' || b == b'@')
        || bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'.')
            .any(|(at, _)| at >= 3 && bytes[at - 3..at].eq_ignore_ascii_case(b"www"))
}

/// The length in bytes of the web or e-mail address that `rest` starts
/// with, if any. `before` is the character before `rest`: an address
/// starts a run of text, never the middle of a word.
///
/// An address is a run without blanks that starts with a scheme
/// ("https://"), with "www.", or that is a domain followed by a path
/// ("pic.twitter.com/abc") or preceded by a mailbox ("info@afp.com"). A
/// bare domain ("lemonde.fr") is not taken: a missing space after a period
/// ("pays.Les") looks the same.
pub(super) fn address_len(before: Option<char>, rest: &str) -> Option<usize> {
    if before.is_some_and(|c| !is_blank(c) && !OPENERS.contains(&c))
        || !rest.starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        return None;
    }
    // Most runs are words: they have none of "/", "@" and "www.". One
    // look, up to the first blank or the first of those marks (and never
    // past MAX_LEN characters), rules them out before the run is measured
    // and trimmed.
    let www = rest
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("www."));
    if !www
        && !rest
            .chars()
            .take_while(|&c| !is_blank(c))
            .take(MAX_LEN)
            .any(|c| matches!(c, '/' | '@'))
    {
        return None;
    }
    // Bounded, so that a long run without blanks is not read again from
    // each of its brackets.
    let run_end = match rest
        .char_indices()
        .find(|&(at, c)| is_blank(c) || at >= MAX_LEN)
    {
        Some((at, _)) if at >= MAX_LEN => return None,
        Some((at, _)) => at,
        None => rest.len(),
    };
    let run = rest[..run_end].trim_end_matches(CLOSERS);
    let starts_with = |prefix: &str| {
        run.len() > prefix.len()
            && run
                .get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    // Most runs are words: they have none of "/", "@" and "www.".
    if !run.contains(['/', '@']) && !starts_with("www.") {
        return None;
    }
    let address = ["http://", "https://", "ftp://", "www."]
        .iter()
        .any(|s| starts_with(s))
        || match run.split_once('/') {
            Some((host, _)) => is_domain(host),
            None => run
                .split_once('@')
                .is_some_and(|(mailbox, host)| is_mailbox(mailbox) && is_domain(host)),
        };
    address.then_some(run.len())
}

/// Two or more labels of letters, digits and hyphens, the last one of
/// letters only (a top-level domain): "twitter.com", "lemonde.fr".
fn is_domain(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let label =
        |l: &&str| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let top = labels
        .last()
        .is_some_and(|t| (2..=24).contains(&t.len()) && t.chars().all(|c| c.is_ascii_alphabetic()));
    labels.len() >= 2 && labels.iter().all(label) && top
}

fn is_mailbox(mailbox: &str) -> bool {
    !mailbox.is_empty()
        && mailbox
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
}

#[cfg(test)]
mod tests {
    use super::address_len;

    fn address(text: &str) -> Option<&str> {
        address_len(None, text).map(|len| &text[..len])
    }

    #[test]
    fn links_and_mailboxes_are_addresses() {
        assert_eq!(
            address("https://t.co/AbC123 et"),
            Some("https://t.co/AbC123")
        );
        assert_eq!(
            address("pic.twitter.com/xyz789."),
            Some("pic.twitter.com/xyz789")
        );
        assert_eq!(
            address("www.lemonde.fr/a/b.html, puis"),
            Some("www.lemonde.fr/a/b.html")
        );
        assert_eq!(address("info@example.com»"), Some("info@example.com"));
        assert_eq!(address("HTTP://EXAMPLE.ORG"), Some("HTTP://EXAMPLE.ORG"));
    }

    #[test]
    fn a_text_holding_an_address_may_hold_one() {
        for text in [
            "https://t.co/AbC123 et",
            "voir WWW.lemonde.fr puis",
            "(www.lemonde.fr)",
            "info@example.com»",
            "pic.twitter.com/xyz789.",
        ] {
            assert!(super::may_hold_address(text), "{text}");
        }
        for text in [
            "Les gilets jaunes, à Paris.",
            "ww.lemonde.fr",
            "pays.Les soldats",
        ] {
            assert!(!super::may_hold_address(text), "{text}");
        }
    }

    #[test]
    fn words_abbreviations_and_typos_are_not() {
        for text in [
            "pays.Les soldats",
            "lemonde.fr",
            "U.S.",
            "24/7",
            "1/2",
            "et/ou",
            "@EmmanuelMacron",
            "#GiletsJaunes",
            "https://",
            "www.",
            "a@b",
            "Tahrir-al-Sham",
        ] {
            assert_eq!(address(text), None, "{text}");
        }
    }

    #[test]
    fn a_run_longer_than_any_link_is_not_one() {
        let long = format!("https://t.co/{}", "a".repeat(super::MAX_LEN));
        assert_eq!(address(&long), None);
        let long = format!("https://t.co/{} et", "é".repeat(900));
        assert_eq!(address(&long).map(str::len), Some(long.len() - 3));
    }

    #[test]
    fn an_address_starts_a_run_of_text() {
        assert_eq!(address_len(Some('x'), "https://t.co/a"), None);
        assert_eq!(address_len(Some('('), "https://t.co/a)"), Some(14));
        assert_eq!(address_len(Some(' '), "https://t.co/a"), Some(14));
    }
}
