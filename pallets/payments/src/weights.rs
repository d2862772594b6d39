//! Weights of the payments pallet.
//!
//! NOT YET GENERATED: hand estimates (the numbers the calls declared inline before the pallet
//! had benchmarks), to be replaced by `scripts/weights.sh` output on the reference machine of
//! docs/building.md. The benchmarks are in `benchmarking.rs` and run as tests in CI.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_payments`.
pub trait WeightInfo {
	fn bond() -> Weight;
	fn bond_extra() -> Weight;
	fn unbond() -> Weight;
	fn withdraw_unbonded() -> Weight;
	fn rotate_key() -> Weight;
}

/// For the runtime: its `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn bond() -> Weight {
		Weight::from_parts(110_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(5, 4))
	}
	fn bond_extra() -> Weight {
		Weight::from_parts(50_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	fn unbond() -> Weight {
		Weight::from_parts(20_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(50_000_000, 2_000).saturating_add(
			T::DbWeight::get().reads_writes(3, 3 + u64::from(crate::MAX_RETIRING_KEYS)),
		)
	}
	fn rotate_key() -> Weight {
		Weight::from_parts(110_000_000, 4_000).saturating_add(
			T::DbWeight::get().reads_writes(4, 4 + u64::from(crate::MAX_RETIRING_KEYS)),
		)
	}
}

// For tests.
impl WeightInfo for () {
	fn bond() -> Weight {
		Weight::from_parts(110_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(5, 4))
	}
	fn bond_extra() -> Weight {
		Weight::from_parts(50_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
	fn unbond() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(50_000_000, 2_000).saturating_add(
			RocksDbWeight::get().reads_writes(3, 3 + u64::from(crate::MAX_RETIRING_KEYS)),
		)
	}
	fn rotate_key() -> Weight {
		Weight::from_parts(110_000_000, 4_000).saturating_add(
			RocksDbWeight::get().reads_writes(4, 4 + u64::from(crate::MAX_RETIRING_KEYS)),
		)
	}
}
