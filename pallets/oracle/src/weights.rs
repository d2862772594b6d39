//! Weights of the oracle pallet.
//!
//! NOT YET GENERATED: hand estimates (the numbers the pallet used inline before it had
//! benchmarks), to be replaced by `sibyl-node benchmark pallet --pallet pallet_oracle` output on
//! the reference machine of docs/building.md. The benchmarks are in `benchmarking.rs` and run as
//! tests in CI.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weights of the oracle pallet's calls and hook.
pub trait WeightInfo {
	/// `create_feed` with a description of `d` bytes.
	fn create_feed(d: u32) -> Weight;
	/// `remove_feed` of a feed with a full round and history.
	fn remove_feed() -> Weight;
	/// `commit` into a round holding `s` commitments (a full one displaces its lightest).
	fn commit(s: u32) -> Weight;
	/// `reveal` of the `s`th commitment of a round.
	fn reveal(s: u32) -> Weight;
	/// Closing one due round holding `s` revealed values (median, history, a reward or a
	/// penalty each).
	fn close_round(s: u32) -> Weight;
}

/// Computation per submitter of closing a round, picoseconds.
const CLOSE_PER_SUBMITTER: u64 = 20_000_000;

/// For the runtime: its `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_feed(d: u32) -> Weight {
		Weight::from_parts(20_000_000, 2_000u64.saturating_add(u64::from(d)))
			.saturating_add(T::DbWeight::get().reads_writes(2, 4))
	}
	fn remove_feed() -> Weight {
		Weight::from_parts(20_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(2, 5))
	}
	fn commit(s: u32) -> Weight {
		Weight::from_parts(
			80_000_000u64.saturating_add(u64::from(s).saturating_mul(200_000)),
			6_000,
		)
		.saturating_add(T::DbWeight::get().reads_writes(6, 1))
	}
	fn reveal(s: u32) -> Weight {
		Weight::from_parts(
			80_000_000u64.saturating_add(u64::from(s).saturating_mul(200_000)),
			6_000,
		)
		.saturating_add(T::DbWeight::get().reads_writes(4, 1))
	}
	fn close_round(s: u32) -> Weight {
		let s = u64::from(s);
		T::DbWeight::get()
			.reads_writes(4, 5)
			.saturating_add(T::DbWeight::get().reads_writes(3, 3).saturating_mul(s))
			.saturating_add(Weight::from_parts(CLOSE_PER_SUBMITTER, 0).saturating_mul(s))
	}
}

/// For tests.
impl WeightInfo for () {
	fn create_feed(d: u32) -> Weight {
		Weight::from_parts(20_000_000, 2_000u64.saturating_add(u64::from(d)))
			.saturating_add(RocksDbWeight::get().reads_writes(2, 4))
	}
	fn remove_feed() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 5))
	}
	fn commit(s: u32) -> Weight {
		Weight::from_parts(
			80_000_000u64.saturating_add(u64::from(s).saturating_mul(200_000)),
			6_000,
		)
		.saturating_add(RocksDbWeight::get().reads_writes(6, 1))
	}
	fn reveal(s: u32) -> Weight {
		Weight::from_parts(
			80_000_000u64.saturating_add(u64::from(s).saturating_mul(200_000)),
			6_000,
		)
		.saturating_add(RocksDbWeight::get().reads_writes(4, 1))
	}
	fn close_round(s: u32) -> Weight {
		Weight::from_parts(CLOSE_PER_SUBMITTER, 0).saturating_mul(u64::from(s))
	}
}
