//! Framing across a corpus: what each outlet says in its own words, and
//! which claims it carries or leaves out.
//!
//! - [`distinctive`]: the words each outlet favours, by the log-odds ratio
//!   with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
//!   "Fightin' Words").
//! - [`coverage`](mod@coverage): the claims each outlet carries, and those it omits that
//!   two or more other outlets carry.

pub mod coverage;
pub mod distinctive;

pub use coverage::{Coverage, OutletCoverage, coverage};
pub use distinctive::{DistinctiveConfig, DistinctiveWord, OutletWords, distinctive_words};
