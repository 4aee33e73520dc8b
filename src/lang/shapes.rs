//! A quick "no" before a word list's hash lookup: one bit per length and
//! first byte of the list's keys. Most words asked about are on no list,
//! and most of those have a length and a first letter no listed word has
//! (French stop words are at most 10 bytes long, and a news sentence's
//! content words are often longer).

use std::fmt;

/// Lengths from 0 to 31 bytes each have their bits; longer keys share the
/// last row, which only makes the answer "maybe" more often.
const ROWS: usize = 32;

/// The (length, first byte) pairs of a list's keys.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct KeyShapes {
    bits: [u64; ROWS * 256 / 64],
}

impl KeyShapes {
    /// The shapes of `keys`.
    pub(super) fn of<'k>(keys: impl IntoIterator<Item = &'k str>) -> KeyShapes {
        let mut shapes = KeyShapes {
            bits: [0; ROWS * 256 / 64],
        };
        shapes.extend(keys);
        shapes
    }

    /// Adds the shapes of `keys`.
    pub(super) fn extend<'k>(&mut self, keys: impl IntoIterator<Item = &'k str>) {
        for key in keys {
            let at = shape(key);
            self.bits[at / 64] |= 1 << (at % 64);
        }
    }

    /// False when no key of the list has the length and first byte of
    /// `key`; true when one may be `key`.
    pub(super) fn may_hold(&self, key: &str) -> bool {
        let at = shape(key);
        self.bits[at / 64] & (1 << (at % 64)) != 0
    }
}

/// The bit of a key: its row (length) and column (first byte; 0 when empty).
fn shape(key: &str) -> usize {
    let first = key.as_bytes().first().copied().unwrap_or(0);
    key.len().min(ROWS - 1) * 256 + usize::from(first)
}

impl fmt::Debug for KeyShapes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shapes: u32 = self.bits.iter().map(|word| word.count_ones()).sum();
        f.debug_struct("KeyShapes")
            .field("shapes", &shapes)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::KeyShapes;

    #[test]
    fn a_listed_key_is_always_maybe_and_other_shapes_are_no() {
        let long = "anticonstitutionnellementanticonstitutionnellement";
        let shapes = KeyShapes::of(["le", "les", "néanmoins", "", long]);
        for key in ["le", "les", "néanmoins", "", long] {
            assert!(shapes.may_hold(key), "{key:?}");
        }
        // Same shape as a listed key: maybe, the list decides.
        assert!(shapes.may_hold("la"));
        assert!(shapes.may_hold(&format!("{long}s")));
        // A length or a first byte no listed key has.
        for key in ["l", "manifestants", "de", "mes", "néanmoinss"] {
            assert!(!shapes.may_hold(key), "{key:?}");
        }
    }

    #[test]
    fn added_keys_are_held_too() {
        let mut shapes = KeyShapes::of(["le"]);
        assert!(!shapes.may_hold("selon"));
        shapes.extend(["selon"]);
        assert!(shapes.may_hold("selon") && shapes.may_hold("le"));
    }
}
