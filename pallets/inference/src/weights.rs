//! Weights of the inference pallet.
//!
//! Hand estimates, not benchmark results: every storage access is counted at the runtime's
//! database weights, hashing at 2 ns/byte, an sr25519 verification at 60 µs, and proof sizes
//! from the largest records involved. Replace with `benchmark pallet` output once the pallet's
//! benchmarks exist.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions of the inference pallet.
pub trait WeightInfo {
	/// `request` with an encoded input of `bytes` bytes, including seating it.
	fn request(bytes: u32) -> Weight;
	fn bind_feed() -> Weight;
	/// `commit` (authorization excluded), including the sample draw and opening the reveals.
	fn commit() -> Weight;
	/// `reveal` with an encoded output of `bytes` bytes (authorization excluded), including
	/// judging every seat's output and settling.
	fn reveal(bytes: u32) -> Weight;
	fn reveal_unjudged(bytes: u32) -> Weight;
	/// Judging the outputs of `seats` seats, each of the largest inline size, and settling.
	fn judge(seats: u32) -> Weight;
	/// Authorizing a commit, reveal or failure report of `bytes` bytes: signature check and reads.
	fn authorize_result(bytes: u32) -> Weight;
	/// `decline` (authorization excluded), including a reassignment or a verifier draw.
	fn decline() -> Weight;
	/// Fixed start-of-block work.
	fn on_initialize_base() -> Weight;
	/// Expiring one deadline among `nodes` inference nodes (reassign or refund).
	fn expire_one(nodes: u32) -> Weight;
	/// Assigning one queued request among `nodes` inference nodes.
	fn assign_one(nodes: u32) -> Weight;
	/// Pruning `n` settled requests.
	fn prune(n: u32) -> Weight;
}

/// Estimates with the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);

/// The output size `judge` assumes for every seat (the runtime's largest inline output).
const JUDGED_BYTES: u32 = 16 * 1024;

fn bytes_time(bytes: u32) -> u64 {
	u64::from(bytes).saturating_mul(2_000)
}

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn request(bytes: u32) -> Weight {
		// Model, nodes, queue, next id, escrow (hold + record), request, input, index, event.
		Weight::from_parts(
			40_000_000u64.saturating_add(bytes_time(bytes).saturating_mul(3)),
			20_000,
		)
		.saturating_add(Weight::from_parts(0, u64::from(bytes)))
		.saturating_add(T::DbWeight::get().reads_writes(8, 9))
		// Seated at once when it finds room.
		.saturating_add(Self::assign_one(256))
	}
	fn bind_feed() -> Weight {
		// Feed, its round, its history (up to 32 answers); up to 32 values converted and written.
		Weight::from_parts(15_000_000, 3_000).saturating_add(T::DbWeight::get().reads(3))
	}
	fn commit() -> Weight {
		Self::authorize_result(0)
			.saturating_add(Weight::from_parts(10_000_000, 8_000))
			// Request, deadline list.
			.saturating_add(T::DbWeight::get().reads_writes(2, 2))
			// The last seal draws the sample and may seat verifiers.
			.saturating_add(Self::assign_one(256))
	}
	fn reveal(bytes: u32) -> Weight {
		Self::reveal_unjudged(bytes)
			.saturating_add(Self::judge(sibyl_primitives::request::MAX_SEATS))
	}
	fn reveal_unjudged(bytes: u32) -> Weight {
		// The checks, then the request and the reveal written.
		Self::authorize_result(bytes)
			.saturating_add(Weight::from_parts(0, u64::from(bytes)))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn judge(seats: u32) -> Weight {
		let bytes = JUDGED_BYTES;
		// Every pair of seats compared: 2 µs each plus 4 ns a byte (decode and compare).
		let pairs = u64::from(seats).saturating_mul(u64::from(seats));
		let per_pair = 2_000_000u64.saturating_add(u64::from(bytes).saturating_mul(4_000));
		Weight::from_parts(
			30_000_000u64.saturating_add(pairs.saturating_mul(per_pair)),
			12_000u64.saturating_add(u64::from(seats).saturating_mul(u64::from(bytes))),
		)
		// Per seat: its output, record, bond, treasury transfer; escrow payouts, commitment.
		.saturating_add(T::DbWeight::get().reads_writes(
			u64::from(seats).saturating_mul(4).saturating_add(8),
			u64::from(seats).saturating_mul(4).saturating_add(8),
		))
	}
	fn authorize_result(bytes: u32) -> Weight {
		Weight::from_parts(
			80_000_000u64.saturating_add(bytes_time(bytes).saturating_mul(2)),
			12_000,
		)
		.saturating_add(T::DbWeight::get().reads(4))
	}
	fn decline() -> Weight {
		Self::authorize_result(0).saturating_add(Self::assign_one(256))
	}
	fn on_initialize_base() -> Weight {
		Weight::from_parts(5_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(4, 3))
	}
	fn expire_one(nodes: u32) -> Weight {
		Self::assign_one(nodes).saturating_add(T::DbWeight::get().reads_writes(20, 22))
	}
	fn assign_one(nodes: u32) -> Weight {
		Weight::from_parts(
			20_000_000u64.saturating_add(u64::from(nodes).saturating_mul(200_000)),
			8_000u64.saturating_add(u64::from(nodes).saturating_mul(48)),
		)
		// Request, keys of up to 16 drawn nodes, deadline list, assigned index.
		.saturating_add(T::DbWeight::get().reads_writes(19, 19))
		// Each candidate's room (`SeatCounts`), read while drawing.
		.saturating_add(T::DbWeight::get().reads(u64::from(nodes)))
	}
	fn prune(n: u32) -> Weight {
		Weight::from_parts(5_000_000, 1_000)
			.saturating_add(Weight::from_parts(10_000_000, 4_000).saturating_mul(u64::from(n)))
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			.saturating_add(T::DbWeight::get().reads_writes(2, 5).saturating_mul(u64::from(n)))
	}
}

/// The same estimates with RocksDB weights, for tests.
impl WeightInfo for () {
	fn request(bytes: u32) -> Weight {
		Weight::from_parts(40_000_000u64.saturating_add(bytes_time(bytes)), 20_000)
			.saturating_add(RocksDbWeight::get().reads_writes(7, 8))
	}
	fn bind_feed() -> Weight {
		Weight::from_parts(15_000_000, 3_000).saturating_add(RocksDbWeight::get().reads(3))
	}
	fn commit() -> Weight {
		Weight::from_parts(90_000_000, 12_000)
	}
	fn reveal(bytes: u32) -> Weight {
		Self::reveal_unjudged(bytes).saturating_add(Self::judge(4))
	}
	fn reveal_unjudged(bytes: u32) -> Weight {
		Weight::from_parts(30_000_000u64.saturating_add(bytes_time(bytes)), 12_000)
	}
	fn judge(seats: u32) -> Weight {
		Weight::from_parts(30_000_000u64.saturating_add(bytes_time(JUDGED_BYTES)), 12_000)
			.saturating_add(RocksDbWeight::get().reads_writes(
				u64::from(seats).saturating_mul(4),
				u64::from(seats).saturating_mul(4),
			))
	}
	fn authorize_result(bytes: u32) -> Weight {
		Weight::from_parts(80_000_000u64.saturating_add(bytes_time(bytes)), 12_000)
	}
	fn decline() -> Weight {
		Weight::from_parts(100_000_000, 20_000)
	}
	fn on_initialize_base() -> Weight {
		Weight::from_parts(5_000_000, 2_000)
	}
	fn expire_one(_nodes: u32) -> Weight {
		Weight::from_parts(40_000_000, 10_000)
	}
	fn assign_one(_nodes: u32) -> Weight {
		Weight::from_parts(20_000_000, 8_000)
	}
	fn prune(n: u32) -> Weight {
		Weight::from_parts(10_000_000, 4_000).saturating_mul(u64::from(n))
	}
}
