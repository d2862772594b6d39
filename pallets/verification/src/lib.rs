//! # Verification pallet
//!
//! Decides whether a result is trusted, and makes being wrong cost more than it earns.
//!
//! `Inference` runs the request's life (seats, commit and reveal, deadlines, settlement) and asks
//! this pallet, through [`Verifier`], for what needs judgement:
//!
//! - **Sampling**: whether a request is checked, drawn with the model's sample rate from the VRF
//!   randomness of the block that holds the last executor seal, so an executor cannot know when
//!   it seals whether it will be checked.
//! - **Drawing verifiers** among bonded verifier nodes, never an account already seated.
//! - **Judging** the revealed outcomes (outputs, or failures every honest node meets) under the
//!   model's tolerance, with integer arithmetic only ([`sibyl_primitives::verify::judge`]): the
//!   outcome agreed with by more than half of all seats wins (of the verifiers' seats, in an
//!   escalated round). When a majority decides, every
//!   seat that revealed another outcome is slashed, executors by `WrongResultSlash` and
//!   verifiers by `WrongVoteSlash` of their bond, and every verifier in line is paid
//!   `VerificationFee` from the treasury. Without a majority nobody is slashed.
//! - **Escalation** ([`Verifier::escalation`]): a first round without a majority draws
//!   `verifiers + 1` more verifiers (at least three verifiers in all), once; the verifiers alone
//!   decide that round, since only the executors' outputs were public when the newcomers sealed
//!   (verifiers reveal hashes). Without a majority then, the request is refunded.
//! - **Missed deadlines** ([`Verifier::deadline_passed`], and `judge` for sealed seats that never
//!   revealed): a seat silent through a deadline gets a miss only when more than half of its
//!   peers answered in time ([`sibyl_primitives::verify::silence_is_a_miss`]); being late is
//!   never judged as being wrong. Misses count at most once per `MissWindow` blocks (a node that
//!   is down misses all its seats at once: one absence). `MaxMisses` in a row cost `MissSlash` of
//!   its bond. A seat in line resets its count.
//!
//! Slashed funds go to the treasury (through [`Treasury`], implemented by `Payments`), which also
//! receives every verified request's verification premium and pays the verifiers. The default
//! parameters and why they make cheating unprofitable are in `docs/verification.md`.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

use alloc::vec::Vec;
use codec::Encode;
use frame_support::{pallet_prelude::*, traits::tokens::Balance as BalanceT};
use frame_system::pallet_prelude::BlockNumberFor;
use sibyl_primitives::{
	registry::{Tolerance, VerificationPolicy},
	roles::{NodeRegistry, OnNodeWithdrawn, Treasury},
	verify::{self, Attendance, Ballot, Decision, Judgement, Seat, Verifier},
	NodeKey, RequestId, Role,
};
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedMul, Saturating, Zero},
	Perbill, Permill,
};

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "sibyl::verification";

/// How a judgement came out, as events report it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Verdict {
	/// A majority agrees with an executor's output.
	Accepted,
	/// A majority agrees on an output no executor returned.
	ExecutorsWrong,
	/// No output has a majority.
	NoMajority,
}

/// Why a seat lost part of its bond.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Offence {
	/// An executor whose output the majority rejected (or who never revealed it).
	WrongResult,
	/// A verifier whose vote the majority rejected (or who never revealed it).
	WrongVote,
	/// `MaxMisses` deadlines in a row passed without the seat's commit or reveal.
	MissedDeadlines,
}

/// A node's verification record, per role.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct NodeRecord {
	/// Judged seats in line with the majority.
	pub in_line: u32,
	/// Judged seats out of line (slashed).
	pub out_of_line: u32,
	/// Deadlines missed in a row (reset by a seat in line or a miss slash).
	pub misses: u32,
}

// FRAME's pallet macros expand to `expect` calls (pallet-info lookups) that clippy attributes
// to this module. Logic lives outside it, where the workspace lints apply in full.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// Configuration of the verification pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The balance type of rewards.
		type Balance: BalanceT;
		/// Bonded nodes and their keys.
		type Nodes: NodeRegistry<Self::AccountId>;
		/// Slashes and rewards.
		type Treasury: Treasury<Self::AccountId, Self::Balance>;
		/// Paid from the treasury to each verifier in line with a deciding majority.
		#[pallet::constant]
		type VerificationFee: Get<Self::Balance>;
		/// Share of an executor's bond slashed for a wrong (or withheld) result.
		#[pallet::constant]
		type WrongResultSlash: Get<Perbill>;
		/// Share of a verifier's bond slashed for a wrong (or withheld) vote.
		#[pallet::constant]
		type WrongVoteSlash: Get<Perbill>;
		/// Missed deadlines in a row that cost `MissSlash`.
		#[pallet::constant]
		type MaxMisses: Get<u32>;
		/// Share of a bond slashed after `MaxMisses` missed deadlines in a row.
		#[pallet::constant]
		type MissSlash: Get<Perbill>;
		/// Blocks within which a node's misses count once: a node that is down misses every
		/// seat it holds at about the same time, and that is one absence, not many.
		#[pallet::constant]
		type MissWindow: Get<BlockNumberFor<Self>>;
	}

	/// The storage version: bumped with each change of a stored item's layout, with its
	/// migration in `migrations` (none so far).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Verification records by role and node account.
	#[pallet::storage]
	pub type Records<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		Role,
		Blake2_128Concat,
		T::AccountId,
		NodeRecord,
		ValueQuery,
	>;

	/// The block of each node's last counted miss, by role.
	// Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type LastMisses<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		Role,
		Blake2_128Concat,
		T::AccountId,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// Events of the verification pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	#[allow(missing_docs)]
	pub enum Event<T: Config> {
		/// Request `id` is checked by these verifiers.
		VerifiersDrawn { id: RequestId, verifiers: Vec<T::AccountId> },
		/// Request `id` is not checked (the sample draw said so).
		NotSampled { id: RequestId },
		/// The ballots of request `id` were judged: `in_line` of `seats` agree with the verdict.
		Judged { id: RequestId, verdict: Verdict, seats: u32, in_line: u32 },
		/// A seat out of line with the majority lost `slashed` of its bond.
		Slashed {
			id: RequestId,
			who: T::AccountId,
			seat: Seat,
			offence: Offence,
			slashed: T::Balance,
		},
		/// A verifier in line with the majority was paid `amount` from the treasury.
		Rewarded { id: RequestId, who: T::AccountId, amount: T::Balance },
		/// A seat let a deadline pass; `misses` in a row now.
		Missed { id: RequestId, who: T::AccountId, seat: Seat, misses: u32 },
	}
}

impl<T: Config> Pallet<T> {
	fn slash(id: RequestId, who: &T::AccountId, seat: Seat, offence: Offence) {
		let fraction = match offence {
			Offence::WrongResult => T::WrongResultSlash::get(),
			Offence::WrongVote => T::WrongVoteSlash::get(),
			Offence::MissedDeadlines => T::MissSlash::get(),
		};
		let slashed = T::Treasury::slash(seat.role(), who, fraction);
		log::info!(target: LOG_TARGET, "request {}: {seat:?} {who:?} slashed for {offence:?}", id.0);
		Self::deposit_event(Event::Slashed { id, who: who.clone(), seat, offence, slashed });
	}
}

/// A node whose bond is withdrawn leaves no record behind: its record and last miss are
/// removed (a node that bonds again starts with a clean record, after at least the unbonding
/// period out).
impl<T: Config> OnNodeWithdrawn<T::AccountId> for Pallet<T> {
	fn on_withdrawn(role: Role, who: &T::AccountId) {
		Records::<T>::remove(role, who);
		LastMisses::<T>::remove(role, who);
	}

	fn weight() -> Weight {
		T::DbWeight::get().writes(2)
	}
}

impl<T: Config> Verifier<T::AccountId, T::Balance> for Pallet<T> {
	fn premium(policy: &VerificationPolicy, compute: T::Balance) -> Option<T::Balance> {
		let all = T::VerificationFee::get()
			.checked_add(&compute)?
			.checked_mul(&T::Balance::from(policy.verifiers))?;
		Some(Permill::from_parts(policy.sample_ppm).mul_ceil(all))
	}

	fn sampled(id: RequestId, policy: &VerificationPolicy, seed: &H256) -> bool {
		let sampled = verify::sampled(policy, id, seed);
		if !sampled {
			Self::deposit_event(Event::NotSampled { id });
		}
		sampled
	}

	fn draw(
		id: RequestId,
		seed: &H256,
		exclude: &[T::AccountId],
		count: u8,
	) -> Vec<(T::AccountId, NodeKey)> {
		let mut pool: Vec<T::AccountId> =
			T::Nodes::active(Role::Verifier).into_iter().filter(|n| !exclude.contains(n)).collect();
		let mut drawn = Vec::with_capacity(usize::from(count));
		let mut draw = 0u32;
		while drawn.len() < usize::from(count) && !pool.is_empty() {
			let pick = (b"sibyl/verifiers/", seed, id, exclude.len() as u32, draw)
				.using_encoded(sp_io::hashing::blake2_256);
			draw = draw.saturating_add(1);
			let node = pool.swap_remove(verify::draw_index(&pick, pool.len()));
			if let Some(key) = T::Nodes::key_of(Role::Verifier, &node) {
				drawn.push((node, key));
			}
		}
		if !drawn.is_empty() {
			let verifiers = drawn.iter().map(|(n, _)| n.clone()).collect();
			Self::deposit_event(Event::VerifiersDrawn { id, verifiers });
		}
		drawn
	}

	fn judge(
		id: RequestId,
		compute: T::Balance,
		tolerance: &Tolerance,
		ballots: &[Ballot<T::AccountId>],
		escalated: bool,
	) -> Judgement {
		let judgement = verify::judge(tolerance, ballots, escalated);
		let verdict = match judgement.decision {
			Decision::Accepted { .. } => Verdict::Accepted,
			Decision::ExecutorsWrong => Verdict::ExecutorsWrong,
			Decision::NoMajority => Verdict::NoMajority,
		};
		let decided = verdict != Verdict::NoMajority;
		// Seats that revealed; a silent seat's peers are all the others, and none of them is it.
		let revealed = ballots.iter().filter(|b| b.output_hash.is_some()).count();
		for (ballot, in_line) in ballots.iter().zip(&judgement.in_line) {
			let role = ballot.seat.role();
			if decided && *in_line {
				Records::<T>::mutate(role, &ballot.who, |r| {
					r.in_line = r.in_line.saturating_add(1);
					r.misses = 0;
				});
				if ballot.seat == Seat::Verifier {
					let amount = T::Treasury::reward(
						&ballot.who,
						T::VerificationFee::get().saturating_add(compute),
					);
					if !amount.is_zero() {
						Self::deposit_event(Event::Rewarded {
							id,
							who: ballot.who.clone(),
							amount,
						});
					}
				}
			} else if ballot.output_hash.is_none() {
				// Sealed but silent at the reveal deadline: late, not wrong. A miss, and only
				// when most of its peers revealed in time.
				if verify::silence_is_a_miss(revealed, ballots.len().saturating_sub(1)) {
					Self::missed(id, &ballot.who, ballot.seat);
				}
			} else if decided {
				Records::<T>::mutate(role, &ballot.who, |r| {
					r.out_of_line = r.out_of_line.saturating_add(1)
				});
				let offence = match ballot.seat {
					Seat::Executor => Offence::WrongResult,
					Seat::Verifier => Offence::WrongVote,
				};
				Self::slash(id, &ballot.who, ballot.seat, offence);
			}
		}
		let in_line = judgement.in_line.iter().filter(|b| **b).count() as u32;
		Self::deposit_event(Event::Judged { id, verdict, seats: ballots.len() as u32, in_line });
		if verdict == Verdict::NoMajority && escalated {
			log::info!(target: LOG_TARGET, "request {}: no majority after escalation", id.0);
		}
		judgement
	}

	fn escalation(policy: &VerificationPolicy, escalations: u8) -> Option<u8> {
		// Once. In the escalated round the verifiers alone vote, so it draws `verifiers + 1` more
		// (an honest majority among the newcomers decides even against a fully dishonest first
		// round), and at least three verifiers in all, so that no lone referee decides.
		(escalations == 0)
			.then(|| policy.verifiers.saturating_add(1).max(3u8.saturating_sub(policy.verifiers)))
	}

	fn deadline_passed(id: RequestId, seats: &[Attendance<T::AccountId>]) {
		let answered = seats.iter().filter(|s| s.answered).count();
		let peers = seats.len().saturating_sub(1);
		if !verify::silence_is_a_miss(answered, peers) {
			return;
		}
		for seat in seats.iter().filter(|s| !s.answered) {
			Self::missed(id, &seat.who, seat.seat);
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Counts a miss of `who`, at most once per `MissWindow` blocks; `MaxMisses` in a row cost
	/// `MissSlash` of its bond.
	fn missed(id: RequestId, who: &T::AccountId, seat: Seat) {
		let role = seat.role();
		let now = frame_system::Pallet::<T>::block_number();
		if LastMisses::<T>::get(role, who)
			.is_some_and(|last| now < last.saturating_add(T::MissWindow::get()))
		{
			return;
		}
		LastMisses::<T>::insert(role, who, now);
		let misses = Records::<T>::mutate(role, who, |r| {
			r.misses = r.misses.saturating_add(1);
			r.misses
		});
		Self::deposit_event(Event::Missed { id, who: who.clone(), seat, misses });
		if misses >= T::MaxMisses::get() {
			Records::<T>::mutate(role, who, |r| r.misses = 0);
			Self::slash(id, who, seat, Offence::MissedDeadlines);
		}
	}
}
