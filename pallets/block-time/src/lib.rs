//! # Block time pallet
//!
//! Holds the chain's block time, chosen once at genesis.
//!
//! ## Pallet API
//!
//! No calls. The genesis config field `slotDurationMs` sets the block time; [`SlotDurationOf`]
//! and [`MinimumPeriodOf`] feed it to `pallet_babe::Config::ExpectedBlockTime` and
//! `pallet_timestamp::Config::MinimumPeriod`.
//!
//! ## Overview
//!
//! BABE's slot duration cannot change once a chain runs: a different value would put every
//! author on a different slot and stop block production. A compile-time constant would need one
//! runtime build per block time, so the value lives in storage instead, written by genesis and
//! by nothing else. The public testnet uses 6 s; `--dev` and the test networks use 1–2 s with
//! the same runtime binary.
//!
//! ## Terms
//!
//! - _Slot duration_: milliseconds between two BABE slots, i.e. the target block time.
//! - _Minimum period_: half the slot duration, the smallest timestamp step
//!   `pallet_timestamp` accepts between two blocks.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

pub use pallet::*;

use frame_support::traits::Get;

#[cfg(test)]
mod tests;

// FRAME's pallet macros expand to `expect` calls (pallet-info lookups) that clippy attributes
// to this module. Logic lives outside it, where the workspace lints apply in full.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::BlockNumberFor;

	/// Configuration of the block time pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Slot duration in milliseconds when genesis sets none.
		#[pallet::constant]
		type DefaultSlotDuration: Get<u64>;
		/// Shortest slot duration, in milliseconds, that genesis may choose.
		#[pallet::constant]
		type MinSlotDuration: Get<u64>;
		/// Longest slot duration, in milliseconds, that genesis may choose.
		#[pallet::constant]
		type MaxSlotDuration: Get<u64>;
	}

	/// The storage version: bumped with each change of a stored item's layout, with its
	/// migration in `migrations` (none so far).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The slot duration in milliseconds, written once by genesis.
	#[pallet::storage]
	pub type SlotDuration<T> = StorageValue<_, u64, OptionQuery>;

	/// Genesis configuration: the chain's block time.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Slot duration in milliseconds; 0 keeps [`Config::DefaultSlotDuration`].
		pub slot_duration_ms: u64,
		#[serde(skip)]
		#[doc(hidden)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if self.slot_duration_ms == 0 {
				return;
			}
			// A chain with an out-of-range block time must not start at all.
			assert!(
				self.slot_duration_ms >= T::MinSlotDuration::get()
					&& self.slot_duration_ms <= T::MaxSlotDuration::get(),
				"blockTime.slotDurationMs must lie within [MinSlotDuration, MaxSlotDuration]",
			);
			// BABE's slot is twice the timestamp's minimum period: an odd value would not be it.
			assert!(
				self.slot_duration_ms.is_multiple_of(2),
				"blockTime.slotDurationMs must be even"
			);
			SlotDuration::<T>::put(self.slot_duration_ms);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinSlotDuration::get() >= 2, "a slot must last at least 2 ms");
			assert!(
				T::MinSlotDuration::get() <= T::DefaultSlotDuration::get()
					&& T::DefaultSlotDuration::get() <= T::MaxSlotDuration::get(),
				"DefaultSlotDuration must lie within [MinSlotDuration, MaxSlotDuration]",
			);
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The chain's slot duration in milliseconds.
	pub fn slot_duration() -> u64 {
		SlotDuration::<T>::get().unwrap_or_else(T::DefaultSlotDuration::get)
	}
}

/// The slot duration in milliseconds, for `pallet_babe::Config::ExpectedBlockTime`.
pub struct SlotDurationOf<T>(core::marker::PhantomData<T>);
impl<T: Config> Get<u64> for SlotDurationOf<T> {
	fn get() -> u64 {
		Pallet::<T>::slot_duration()
	}
}

/// Half the slot duration, for `pallet_timestamp::Config::MinimumPeriod`.
pub struct MinimumPeriodOf<T>(core::marker::PhantomData<T>);
impl<T: Config> Get<u64> for MinimumPeriodOf<T> {
	fn get() -> u64 {
		Pallet::<T>::slot_duration().saturating_div(2)
	}
}
