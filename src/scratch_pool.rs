//! Scratch space that outlives a rayon job. `map_init` makes a fresh value
//! for every job rayon splits off (hundreds on a corpus), and a scratch
//! array sized to the corpus costs a page fault for each page first
//! touched: most of a corpus run's system time. A pool lends each job a
//! value a finished job gave back, so each thread allocates about once.
//!
//! A borrower must give the value back as it found it (counts at zero,
//! lists empty): the next job starts from it.

use std::ops::{Deref, DerefMut};
use std::sync::Mutex;

/// Values waiting to be lent.
pub(crate) struct Pool<T> {
    free: Mutex<Vec<T>>,
}

impl<T> Pool<T> {
    pub fn new() -> Pool<T> {
        Pool {
            free: Mutex::new(Vec::new()),
        }
    }

    /// A value from the pool, or a new one from `make` when none is free;
    /// it returns to the pool when the lease is dropped.
    pub fn lease(&self, make: impl FnOnce() -> T) -> Lease<'_, T> {
        let free = self.free.lock().map(|mut f| f.pop()).unwrap_or(None);
        Lease {
            value: Some(free.unwrap_or_else(make)),
            pool: self,
        }
    }
}

/// A value lent by a [`Pool`].
pub(crate) struct Lease<'p, T> {
    value: Option<T>,
    pool: &'p Pool<T>,
}

impl<T> Deref for Lease<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value
            .as_ref()
            .expect("a lease holds its value until dropped")
    }
}

impl<T> DerefMut for Lease<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.value
            .as_mut()
            .expect("a lease holds its value until dropped")
    }
}

impl<T> Drop for Lease<'_, T> {
    fn drop(&mut self) {
        if let (Some(value), Ok(mut free)) = (self.value.take(), self.pool.free.lock()) {
            free.push(value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_returned_value_is_lent_again() {
        let pool = Pool::new();
        let mut made = 0;
        {
            let mut first = pool.lease(|| {
                made += 1;
                vec![0u32; 4]
            });
            first[0] = 7;
        }
        let second = pool.lease(|| vec![1u32; 4]);
        assert_eq!((made, second[0]), (1, 7));
        let third = pool.lease(|| vec![1u32; 4]);
        assert_eq!(third[0], 1, "the second lease still holds the first value");
    }
}
