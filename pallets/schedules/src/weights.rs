//! Weights of the schedules pallet.
//!
//! Hand estimates from the storage each step reads and writes (the `RocksDbWeight`-style
//! `DbWeight` of the runtime) plus the bytes it decodes, like the inference pallet's: benchmarked
//! weights replace them with issue 22. Proof sizes are the largest values read.

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weights of the schedules pallet's calls and hooks.
pub trait WeightInfo {
	/// `schedule` with an input of `bytes` bytes.
	fn schedule(bytes: u32) -> Weight;
	/// `cancel`.
	fn cancel() -> Weight;
	/// `on_initialize` with nothing due.
	fn on_initialize_idle() -> Weight;
	/// This pallet's part of one run with a template of `bytes` bytes (the request it makes is
	/// weighed by `Inference`).
	fn run(bytes: u32) -> Weight;
	/// Removing one ended schedule.
	fn prune_one() -> Weight;
	/// Recording one run's outcome when its request settles.
	fn on_settled() -> Weight;
}

/// Largest input template, queue and output the runtime allows (`MaxInputBytes` 1 MiB,
/// `MaxSchedules` 1,024 ids, `MaxInlineOutput` 16 KiB): the proof sizes below.
const INPUT: u64 = 1024 * 1024;
const QUEUE: u64 = 1024 * 8 + 4;
const OUTPUT: u64 = 16 * 1024 + 96;
/// One run's history: 16 runs of at most 64 bytes.
const HISTORY: u64 = 16 * 64;
const RUN_PROOF: u64 = 512 + QUEUE + HISTORY;
const CANCEL_PROOF: u64 = 2 * QUEUE + INPUT + OUTPUT + HISTORY;
const SETTLED_PROOF: u64 = HISTORY + OUTPUT + 128;
const IDLE_PROOF: u64 = 3 * QUEUE;
const PRUNE_PROOF: u64 = 512 + HISTORY + OUTPUT;

/// Time to encode, hash and check one byte (picoseconds), as the inference pallet's estimate.
fn bytes_time(bytes: u64) -> u64 {
	bytes.saturating_mul(2_000)
}

/// Weights for the Sibyl runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn schedule(bytes: u32) -> Weight {
		// Checks through Inference (model, feeds), counts, the hold, the queue, the record.
		Weight::from_parts(40_000_000u64.saturating_add(bytes_time(bytes.into())), QUEUE)
			.saturating_add(bytes_proof(bytes))
			.saturating_add(T::DbWeight::get().reads_writes(8, 8))
	}

	fn cancel() -> Weight {
		Weight::from_parts(30_000_000, CANCEL_PROOF)
			.saturating_add(T::DbWeight::get().reads_writes(6, 9))
	}

	fn on_initialize_idle() -> Weight {
		Weight::from_parts(2_000_000, IDLE_PROOF)
			.saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}

	fn run(bytes: u32) -> Weight {
		// The record (with its template), the hold, the history, the next queue; decoding the
		// template.
		Weight::from_parts(
			30_000_000u64.saturating_add(bytes_time(bytes.into())),
			RUN_PROOF.saturating_add(bytes.into()),
		)
		.saturating_add(T::DbWeight::get().reads_writes(6, 7))
	}

	fn prune_one() -> Weight {
		// The record (its template dropped when it ended), its history, latest output, index.
		Weight::from_parts(10_000_000, PRUNE_PROOF)
			.saturating_add(T::DbWeight::get().reads_writes(2, 5))
	}

	fn on_settled() -> Weight {
		Weight::from_parts(15_000_000, SETTLED_PROOF)
			.saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
}

fn bytes_proof(bytes: u32) -> Weight {
	Weight::from_parts(0, u64::from(bytes))
}

impl WeightInfo for () {
	fn schedule(bytes: u32) -> Weight {
		Weight::from_parts(40_000_000u64.saturating_add(bytes_time(bytes.into())), QUEUE)
			.saturating_add(bytes_proof(bytes))
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8))
	}

	fn cancel() -> Weight {
		Weight::from_parts(30_000_000, CANCEL_PROOF)
			.saturating_add(RocksDbWeight::get().reads_writes(6, 9))
	}

	fn on_initialize_idle() -> Weight {
		Weight::from_parts(2_000_000, IDLE_PROOF)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}

	fn run(bytes: u32) -> Weight {
		Weight::from_parts(
			30_000_000u64.saturating_add(bytes_time(bytes.into())),
			RUN_PROOF.saturating_add(bytes.into()),
		)
		.saturating_add(RocksDbWeight::get().reads_writes(6, 7))
	}

	fn prune_one() -> Weight {
		Weight::from_parts(10_000_000, PRUNE_PROOF)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 5))
	}

	fn on_settled() -> Weight {
		Weight::from_parts(15_000_000, SETTLED_PROOF)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
}
