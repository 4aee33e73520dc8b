//! Made-up words for inputs at the edges of size, shared by the tests and
//! the `hostile` bench: deterministic, the same on every machine.

/// `count` pseudo-random lower-case words from a vocabulary of `vocabulary`
/// made-up words, separated by single spaces, all ending in "on" so that
/// they share trigrams as real inflected words do.
pub fn words(count: usize, vocabulary: u64, seed: u64) -> String {
    let mut state = seed;
    let mut text = String::with_capacity(count * 8);
    for i in 0..count {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut n = (state >> 33) % vocabulary;
        if i > 0 {
            text.push(' ');
        }
        loop {
            text.push(char::from(b'a' + (n % 20) as u8));
            n /= 20;
            if n == 0 {
                break;
            }
        }
        text.push_str("on");
    }
    text
}
