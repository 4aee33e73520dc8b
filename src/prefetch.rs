//! A hint to the processor to start loading an element it will soon read.
//!
//! The candidate search reads, for each of tens of millions of candidates,
//! a few bytes at a random place of arrays too large for the cache; the
//! order of the candidates is known a few steps ahead, so the loads can
//! overlap instead of each waiting its turn.

/// Asks for `slice[index]` to be brought into the cache; does nothing when
/// `index` is out of bounds, or on processors other than x86-64.
#[inline(always)]
pub(crate) fn prefetch<T>(slice: &[T], index: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(element) = slice.get(index) {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: a prefetch reads nothing the program can see and never
        // faults; the pointer is of a live element besides. It is unsafe
        // only for needing SSE, which every x86-64 processor has.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(element).cast()) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (slice, index);
}
