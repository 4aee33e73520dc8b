//! A fast hash for the crate's internal maps, whose keys are short strings
//! and numbers it makes itself: the standard SipHash resists crafted keys,
//! which these maps do not need, at several times the cost. The rotate,
//! xor and multiply step is the one rustc uses for its own tables (FxHash).
//!
//! No map hashed this way decides an output order: whatever is read out of
//! one is sorted first.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A map hashed with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A set hashed the same way.
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// FxHash: one rotate, xor and multiply per word of input.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest) ^ ((rest.len() as u64) << 56));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The last 1 to 7 bytes of a key as a little-endian word, zero above
/// them: what copying them into a zeroed `[u8; 8]` gives, read with fixed
/// loads. That copy has a length known only at run time, a call to
/// `memcpy` for most keys (words are short): millions per corpus.
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        // Two four-byte reads that overlap when n < 8: the bytes they
        // share are the same in both, so or-ing them is exact.
        let low = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
        let high = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
        u64::from(low) | (u64::from(high) << ((n - 4) * 8))
    } else {
        // Bytes 0, n/2 and n-1 cover all of one, two or three bytes.
        u64::from(rest[0])
            | (u64::from(rest[n / 2]) << (n / 2 * 8))
            | (u64::from(rest[n - 1]) << ((n - 1) * 8))
    }
}

#[cfg(test)]
mod tests {
    use super::FastMap;

    #[test]
    fn a_tail_word_is_the_tail_copied_into_a_zeroed_word() {
        let bytes: Vec<u8> = (0..8u8).map(|b| b.wrapping_mul(37) ^ 0xa5).collect();
        for len in 1..8 {
            for start in 0..=(8 - len) {
                let rest = &bytes[start..start + len];
                let mut word = [0; 8];
                word[..len].copy_from_slice(rest);
                assert_eq!(super::tail_word(rest), u64::from_le_bytes(word), "{rest:?}");
            }
        }
        assert_eq!(super::tail_word(&[0xff]), 0xff);
        assert_eq!(
            super::tail_word(&[1, 2, 3, 4, 5, 6, 7]),
            0x0007_0605_0403_0201
        );
    }

    #[test]
    fn a_fast_map_finds_what_it_holds_and_only_that() {
        let words = [
            "de",
            "la",
            "gilets",
            "jaunes",
            "gilet",
            "jaune",
            "",
            "manifestations",
        ];
        let map: FastMap<&str, usize> = words.iter().enumerate().map(|(i, w)| (*w, i)).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(&i));
        }
        assert_eq!(map.get("gilet "), None);
        assert_eq!(map.get("jaunes\u{0}"), None);
    }
}
