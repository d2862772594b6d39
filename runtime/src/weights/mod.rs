//! Block and extrinsic base weights measured on the reference machine by
//! `scripts/weights.sh overhead` (`sibyl-node benchmark overhead`; see docs/building.md).
//! The pallets' own weights live in each pallet's `weights.rs`.

// The generated files' sanity tests multiply constants.
#[allow(clippy::arithmetic_side_effects)]
pub mod block_weights;
#[allow(clippy::arithmetic_side_effects)]
pub mod extrinsic_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
