//! The in-order diff of a pair of short sentences: `similar`'s Myers diff,
//! step for step, without what it does for long inputs.
//!
//! The in-order diff was a third of the corpus run, most of it in the
//! search for the middle snake, where `similar` also tracks its heuristics
//! for long inputs and checks its deadline at every step. Below
//! [`MAX_SIDE`] keys a side none of those heuristics can act (see there),
//! and a short pair runs without a deadline, so the plain search below
//! takes the same steps and hands `similar`'s hooks the same calls, in the
//! same order: the result is the same to the byte (a test compares the
//! calls on random inputs), in about half the time. Its step is then most
//! of what is left, so it is kept to a few loads and comparisons (see
//! [`Round`]), with the backward search reading sides reversed once.

use std::ops::Range;

use similar::DiffOp;
use similar::algorithms::{Capture, Compact, DiffHook, Replace};

/// The longest side diffed here. `similar` takes shortcuts on long
/// inputs that this search does not: it peels a run of 96 or more common
/// keys off the front when both sides are longer than 96 and one is at
/// least twice the other (so at least 194 long), finds a short side's diff
/// by another algorithm when the other has 512 or more, reduces its input
/// before the search when both have 512 or more, and takes a heuristic
/// split after 256 rounds of one search (which on sides of n and m takes
/// at most (n + m) / 2 + 1; here 194).
pub(super) const MAX_SIDE: usize = 193;

/// What `similar::capture_diff_slices_deadline(Algorithm::Myers, old, new,
/// None)` returns, for sides of at most [`MAX_SIDE`].
pub(super) fn capture<T: PartialEq + Copy>(old: &[T], new: &[T]) -> Vec<DiffOp> {
    debug_assert!(old.len() <= MAX_SIDE && new.len() <= MAX_SIDE);
    let mut hook = Compact::new(Replace::new(Capture::new()), old, new);
    let Ok(()) = diff(&mut hook, old, new);
    hook.into_inner().into_inner().into_ops()
}

/// `similar::algorithms::myers::diff` over whole slices: the common ends
/// first, then the search on what lies between them.
pub(super) fn diff<T: PartialEq + Copy, D: DiffHook>(
    d: &mut D,
    old: &[T],
    new: &[T],
) -> Result<(), D::Error> {
    let prefix = common_prefix(old, new);
    let suffix = common_suffix(&old[prefix..], &new[prefix..]);
    let (old_range, new_range) = (prefix..old.len() - suffix, prefix..new.len() - suffix);
    if prefix > 0 {
        d.equal(0, 0, prefix)?;
    }
    if old_range.is_empty() && new_range.is_empty() {
    } else if old_range.is_empty() {
        d.insert(old_range.start, new_range.start, new_range.len())?;
    } else if new_range.is_empty() {
        d.delete(old_range.start, old_range.len(), new_range.start)?;
    } else {
        let mut v = Frontiers::new(max_d(old_range.len(), new_range.len()));
        let sides = Sides::new(old, new);
        conquer(d, &sides, old_range, new_range, &mut v)?;
    }
    if suffix > 0 {
        d.equal(old.len() - suffix, new.len() - suffix, suffix)?;
    }
    d.finish()
}

/// How many rounds a search of sides of these lengths may take, as
/// `similar` counts them (its frontiers are twice that long).
fn max_d(n: usize, m: usize) -> usize {
    (n + m).div_ceil(2) + 1
}

/// The furthest point reached on each diagonal k, forward and backward,
/// plus one (see [`Round`]), at index k + offset.
struct Frontiers {
    offset: isize,
    forward: Vec<usize>,
    backward: Vec<usize>,
}

impl Frontiers {
    fn new(max_d: usize) -> Frontiers {
        Frontiers {
            offset: max_d as isize,
            forward: vec![0; 2 * max_d],
            backward: vec![0; 2 * max_d],
        }
    }
}

/// Both sides, and each read from its end: the backward search compares
/// them in step as the forward one does the sides.
struct Sides<'s, T> {
    old: &'s [T],
    new: &'s [T],
    old_reversed: Vec<T>,
    new_reversed: Vec<T>,
}

impl<'s, T: Copy> Sides<'s, T> {
    fn new(old: &'s [T], new: &'s [T]) -> Sides<'s, T> {
        Sides {
            old,
            new,
            old_reversed: old.iter().rev().copied().collect(),
            new_reversed: new.iter().rev().copied().collect(),
        }
    }

    /// A range of each side, forwards and backwards.
    fn within(&self, old: Range<usize>, new: Range<usize>) -> [&[T]; 4] {
        let (n, m) = (self.old.len(), self.new.len());
        [
            &self.old[old.clone()],
            &self.new[new.clone()],
            &self.old_reversed[n - old.end..n - old.start],
            &self.new_reversed[m - new.end..m - new.start],
        ]
    }
}

fn common_prefix<T: PartialEq>(old: &[T], new: &[T]) -> usize {
    old.iter().zip(new).take_while(|(x, y)| y == x).count()
}

fn common_suffix<T: PartialEq>(old: &[T], new: &[T]) -> usize {
    let pairs = old.iter().rev().zip(new.iter().rev());
    pairs.take_while(|(x, y)| y == x).count()
}

/// `similar`'s `conquer`: the common ends of a range, then the middle
/// snake and each side of it.
fn conquer<T: PartialEq + Copy, D: DiffHook>(
    d: &mut D,
    sides: &Sides<T>,
    mut old_range: Range<usize>,
    mut new_range: Range<usize>,
    v: &mut Frontiers,
) -> Result<(), D::Error> {
    let (old, new) = (sides.old, sides.new);
    let prefix = common_prefix(&old[old_range.clone()], &new[new_range.clone()]);
    if prefix > 0 {
        d.equal(old_range.start, new_range.start, prefix)?;
    }
    old_range.start += prefix;
    new_range.start += prefix;
    let suffix = common_suffix(&old[old_range.clone()], &new[new_range.clone()]);
    old_range.end -= suffix;
    new_range.end -= suffix;
    if old_range.is_empty() && new_range.is_empty() {
    } else if new_range.is_empty() {
        d.delete(old_range.start, old_range.len(), new_range.start)?;
    } else if old_range.is_empty() {
        d.insert(old_range.start, new_range.start, new_range.len())?;
    } else {
        let (x, y) = middle_snake(sides.within(old_range.clone(), new_range.clone()), v);
        let (old_split, new_split) = (old_range.start + x, new_range.start + y);
        conquer(
            d,
            sides,
            old_range.start..old_split,
            new_range.start..new_split,
            v,
        )?;
        conquer(
            d,
            sides,
            old_split..old_range.end,
            new_split..new_range.end,
            v,
        )?;
    }
    if suffix > 0 {
        d.equal(old_range.end, new_range.end, suffix)?;
    }
    Ok(())
}

/// Where the forward and backward searches of an optimal path first
/// meet, as `similar`'s exact search finds it: rounds d = 0, 1, ...; in
/// each, the diagonals from k = d down to -d, forward then backward.
/// Both sides are non-empty.
fn middle_snake<T: PartialEq>(
    [old, new, old_reversed, new_reversed]: [&[T]; 4],
    v: &mut Frontiers,
) -> (usize, usize) {
    let (n, m) = (old.len(), new.len());
    let delta = n as isize - m as isize;
    let odd = delta & 1 == 1;
    let (vf, vb) = (&mut v.forward[..], &mut v.backward[..]);
    for d in 0..max_d(n, m) as isize {
        // The forward search may meet the backward one on the diagonals
        // strictly within d of delta when delta is odd; the backward search
        // on those within d, ends included, when it is even.
        let search = Round {
            d,
            delta,
            offset: v.offset,
        };
        let (within, never) = ((delta - d + 1, delta + d - 1), (1, 0));
        let forward = search.window(if odd { within } else { never });
        if let Some((start, _)) = search.run([old, new], vf, vb, forward) {
            return start;
        }
        let backward = search.window(if odd { never } else { (delta - d, delta + d) });
        let sides = [old_reversed, new_reversed];
        if let Some((_, (x, y))) = search.run(sides, vb, vf, backward) {
            return (n - x, m - y);
        }
    }
    unreachable!("the searches of an optimal path meet by round (n + m) / 2")
}

/// Round d of one direction of the search.
///
/// Nearly every step of a sentence pair's search meets a mismatch at once,
/// so the step itself is the cost. Frontier values are stored plus one:
/// the diagonal below the lowest then reads 0, which makes the lowest
/// diagonal's step take the one above as the search does there, and 0
/// above the highest makes its step take the one below plus one, so every
/// diagonal takes the same branch-free step, reading one value of the
/// round before and carrying it to the next diagonal down.
struct Round {
    d: isize,
    delta: isize,
    offset: isize,
}

/// A diagonal's start and end points in one round.
type Snake = ((usize, usize), (usize, usize));

impl Round {
    /// The diagonals from low to high, ends included, as the lowest and
    /// how many more: one comparison per step tells whether k is in it.
    fn window(&self, (low, high): (isize, isize)) -> (isize, usize) {
        if low <= high {
            (low, (high - low) as usize)
        } else {
            // Above every diagonal of the round: k - low wraps past any span.
            (self.d + 1, 0)
        }
    }

    /// Extends this direction's frontier (`ahead`) by one round; the first
    /// snake that reaches the other direction's (`behind`) on a diagonal
    /// of the window is where they meet.
    #[inline(always)]
    fn run<T: PartialEq>(
        &self,
        [old, new]: [&[T]; 2],
        ahead: &mut [usize],
        behind: &[usize],
        (low, span): (isize, usize),
    ) -> Option<Snake> {
        let (n, m) = (old.len(), new.len());
        let Round { d, delta, offset } = *self;
        let at = |k: isize| (k + offset) as usize;
        let row = &mut ahead[at(-d - 1)..at(d + 1)];
        row[0] = 0;
        let (mut above, mut k) = (0, d);
        // Pairs (k - 1, k) from k = d down.
        for pair in row.rchunks_exact_mut(2) {
            let below = pair[0];
            let start = if below < above { above } else { below + 1 } - 1;
            above = below;
            let (mut x, mut y) = (start, (start as isize - k) as usize);
            let start = (x, y);
            while x < n && y < m && new[y] == old[x] {
                x += 1;
                y += 1;
            }
            pair[1] = x + 1;
            if (k - low) as usize <= span && x + behind[at(delta - k)] > n {
                return Some((start, (x, y)));
            }
            k -= 2;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::MAX_SIDE;
    use proptest::prelude::*;
    use similar::algorithms::DiffHook;
    use std::convert::Infallible;

    /// Every call a hook receives, in order.
    #[derive(Default, Debug, PartialEq)]
    struct Calls(Vec<(char, usize, usize, usize)>);

    impl DiffHook for Calls {
        type Error = Infallible;
        fn equal(&mut self, o: usize, n: usize, len: usize) -> Result<(), Infallible> {
            self.0.push(('=', o, n, len));
            Ok(())
        }
        fn delete(&mut self, o: usize, len: usize, n: usize) -> Result<(), Infallible> {
            self.0.push(('-', o, len, n));
            Ok(())
        }
        fn insert(&mut self, o: usize, n: usize, len: usize) -> Result<(), Infallible> {
            self.0.push(('+', o, n, len));
            Ok(())
        }
        fn finish(&mut self) -> Result<(), Infallible> {
            self.0.push(('.', 0, 0, 0));
            Ok(())
        }
    }

    /// Keys as the sentence diff makes them: a few shared values that
    /// repeat, and values each side has alone (odd on a, even on b).
    fn side(only: u32) -> impl Strategy<Value = Vec<u32>> {
        proptest::collection::vec(prop_oneof![0..6u32, Just(only)], 0..=MAX_SIDE).prop_map(
            move |keys| {
                let mut next = only;
                keys.into_iter()
                    .map(|k| {
                        if k == only {
                            next += 2;
                            next
                        } else {
                            k
                        }
                    })
                    .collect()
            },
        )
    }

    fn same_calls(old: &[u32], new: &[u32]) -> Result<(), TestCaseError> {
        let (mut ours, mut theirs) = (Calls::default(), Calls::default());
        let Ok(()) = super::diff(&mut ours, old, new);
        let Ok(()) =
            similar::algorithms::myers::diff(&mut theirs, old, 0..old.len(), new, 0..new.len());
        prop_assert_eq!(&ours, &theirs);
        let captured = similar::capture_diff_slices(similar::Algorithm::Myers, old, new);
        prop_assert_eq!(super::capture(old, new), captured);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_calls_are_similars(old in side(101), new in side(100)) {
            same_calls(&old, &new)?;
        }

        #[test]
        fn the_calls_are_similars_on_few_values(
            old in proptest::collection::vec(0..3u32, 0..=MAX_SIDE),
            new in proptest::collection::vec(0..3u32, 0..=MAX_SIDE),
        ) {
            same_calls(&old, &new)?;
        }
    }

    #[test]
    fn the_calls_are_similars_at_the_edges() {
        let longest: Vec<u32> = (0..MAX_SIDE as u32).collect();
        // A run of 97 common keys after four keys of the longer side only,
        // which is nearly twice the other: one key longer, and `similar`
        // would peel the run off the front.
        let shifted: Vec<u32> = (1000..1004).chain(0..189).collect();
        let short: Vec<u32> = (0..97).collect();
        let cases: [(&[u32], &[u32]); 8] = [
            (&[], &[]),
            (&[1], &[]),
            (&[], &[1]),
            (&[1, 2, 3], &[1, 2, 3]),
            (&longest, &[]),
            (&longest, &longest[1..]),
            (&shifted, &short),
            (&short, &shifted),
        ];
        for (old, new) in cases {
            same_calls(old, new).unwrap();
        }
        let reversed: Vec<u32> = longest.iter().rev().copied().collect();
        same_calls(&longest, &reversed).unwrap();
    }
}
