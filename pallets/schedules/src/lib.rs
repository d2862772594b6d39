//! # Schedules pallet
//!
//! Scheduled inference: a model run every few blocks over fresh oracle data, each run a request
//! that settles like any other, paid from a budget held up front.
//!
//! ## How a schedule runs
//!
//! 1. [`Pallet::schedule`] checks the request template with `Inference` (the model takes
//!    requests, the input matches its schema, the level is allowed, every binding names a feed
//!    and writes inside the input) and holds `max_runs × max_fee_per_run` of the owner's balance
//!    as its budget ([`HoldReason::Budget`]). Its first run is due in the next block.
//! 2. At the start of a block, the runs due are made, oldest first, at most `MaxRunsPerBlock`
//!    and as many as fit in `MaxRunWeight` (each weighed at its own input size and bindings); the
//!    rest are carried to the next block, ahead of that block's own. A run releases the fee
//!    `Inference` quotes from the budget and makes the request through
//!    [`InferenceRequests::request`], exactly as `request_with_feeds` does: the feed windows are
//!    bound in that block and the fee is escrowed by `Payments`. The next run is due `every`
//!    blocks after this one was (a run carried past its successor's block makes that one due in
//!    the next block).
//! 3. A run that cannot be made now (a stale or too short feed, too few nodes, a full queue, a
//!    quote above `max_fee_per_run`) is skipped with [`Event::RunSkipped`] and costs nothing;
//!    after `MaxConsecutiveSkips` skips in a row the schedule ends ([`EndReason::Skipped`]). One
//!    that never can be made (the model retired, a feed removed, a level no longer allowed) ends
//!    the schedule ([`EndReason::Unrunnable`]). After `max_runs` runs the budget is spent and the
//!    schedule ends ([`EndReason::BudgetSpent`]); what the runs did not spend is released. An
//!    ended schedule's record (without its input template), history and latest output are
//!    removed `EndedRetention` blocks later.
//! 4. Each run's request settles in `Inference`, which tells this pallet
//!    ([`OnRequestSettled`]), also when it settles at once (no node to seat it): the run's
//!    outcome goes into the schedule's history (the latest `MaxHistory` runs) and a verified
//!    output becomes its latest output. A request's refund (or the part of its fee not paid out) goes back to
//!    the owner's free balance, as for any request.
//! 5. [`Pallet::cancel`] stops a schedule, releases what is left of its budget and removes its
//!    record and history; runs already made still settle.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use codec::{DecodeAll, Encode};
use frame_support::{
	defensive,
	pallet_prelude::*,
	storage::{with_transaction, TransactionOutcome},
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::Precision,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sibyl_primitives::{
	oracle::FeedBindings,
	registry::VerificationLevel,
	request::{InferenceRequests, OnRequestSettled, Refused},
	schedule::{EndReason, LatestOutput, Run, Schedule, ScheduleId, ScheduleState},
	tensor::Tensors,
	ModelId, Outcome, RequestId,
};
use sp_runtime::{
	traits::{CheckedMul, One, Saturating, Zero},
	DispatchError,
};

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "sibyl::schedules";

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A schedule in this runtime.
pub type ScheduleOf<T> = Schedule<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	BoundedVec<u8, <T as Config>::MaxInputBytes>,
>;

/// A schedule as read from outside (its input template as plain bytes).
pub type ScheduleInfoOf<T> =
	Schedule<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>, Vec<u8>>;

/// The latest verified output of a schedule in this runtime.
pub type LatestOutputOf<T> =
	LatestOutput<BlockNumberFor<T>, BoundedVec<u8, <T as Config>::MaxOutputBytes>>;

/// Makes what the benchmarks need that this pallet does not own.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// An available model whose inputs are the dtypes and shapes of `input`, with an inference
	/// node bonded so that a request of it at [`VerificationLevel::Unverified`] is accepted and
	/// seated in this block; its id.
	fn model(input: &Tensors) -> ModelId;
	/// A feed that bindings may name (the `i`th of a benchmark); its id.
	fn feed(i: u32) -> sibyl_primitives::oracle::FeedId;
}

// FRAME's pallet macros expand to `expect` calls (pallet-info lookups) that clippy attributes
// to this module. Logic lives outside it, where the workspace lints apply in full.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_system::pallet_prelude::*;

	/// Configuration of the schedules pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency budgets are held in.
		type Currency: Inspect<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;
		/// Makes each run's request (the `Inference` pallet).
		type Inference: InferenceRequests<Self::AccountId, BalanceOf<Self>>;
		/// Largest SCALE-encoded input template (the inference pallet's `MaxInputBytes`).
		#[pallet::constant]
		type MaxInputBytes: Get<u32>;
		/// Largest output kept as a schedule's latest output (the inference pallet's
		/// `MaxInlineOutput`).
		#[pallet::constant]
		type MaxOutputBytes: Get<u32>;
		/// Most schedules one account holds (running or ended and not yet removed).
		#[pallet::constant]
		type MaxSchedulesPerAccount: Get<u32>;
		/// Most running schedules on chain.
		#[pallet::constant]
		type MaxSchedules: Get<u32>;
		/// Most runs made at the start of one block; the rest are carried to the next.
		#[pallet::constant]
		type MaxRunsPerBlock: Get<u32>;
		/// Most weight the runs made at the start of one block may use (each weighed at its own
		/// input and bindings, with the request it makes); the rest are carried. At least one run
		/// is made per block.
		#[pallet::constant]
		type MaxRunWeight: Get<Weight>;
		/// Periods in a row a schedule may skip before it ends.
		#[pallet::constant]
		type MaxConsecutiveSkips: Get<u32>;
		/// Blocks an ended schedule stays readable before it is removed.
		#[pallet::constant]
		type EndedRetention: Get<BlockNumberFor<Self>>;
		/// Most ended schedules removed per block; the rest wait for the next.
		#[pallet::constant]
		type MaxPrunePerBlock: Get<u32>;
		/// Most runs a schedule may pay for.
		#[pallet::constant]
		type MaxRuns: Get<u32>;
		/// Runs kept in a schedule's history.
		#[pallet::constant]
		type MaxHistory: Get<u32>;
		/// Fewest blocks between two runs.
		#[pallet::constant]
		type MinPeriod: Get<BlockNumberFor<Self>>;
		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
		/// Makes models and feeds for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// The storage version: bumped with each change of a stored item's layout, with its
	/// migration in `migrations` (none so far).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// What is left of a schedule's budget.
		Budget,
	}

	/// Id of the next schedule.
	#[pallet::storage]
	pub type NextScheduleId<T> = StorageValue<_, ScheduleId, ValueQuery>;

	/// Schedules, until their owners remove them.
	#[pallet::storage]
	pub type Schedules<T: Config> = StorageMap<_, Twox64Concat, ScheduleId, ScheduleOf<T>>;

	/// How many schedules are running (bounded by `MaxSchedules`).
	#[pallet::storage]
	pub type ScheduleCount<T> = StorageValue<_, u32, ValueQuery>;

	/// Ended schedules to remove at the start of a block, by that block.
	#[pallet::storage]
	pub type Expiring<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ScheduleId, T::MaxSchedules>,
		ValueQuery,
	>;

	/// Present while a run's request is made: its outcome once it settles at once (no node to
	/// seat it), so that the run records it. Never kept past the run.
	#[pallet::storage]
	pub type Making<T: Config> = StorageValue<_, Option<Outcome>>;

	/// Schedules by owner.
	// Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type ByOwner<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ScheduleId,
		(),
		OptionQuery,
	>;

	/// How many schedules each account holds, running or ended.
	#[pallet::storage]
	pub type OwnerCount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Running schedules whose next run is due at the start of a block, by that block. A running
	/// schedule is in exactly one of `Due` and `Carried`.
	#[pallet::storage]
	pub type Due<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ScheduleId, T::MaxSchedules>,
		ValueQuery,
	>;

	/// Running schedules whose run is due but was not made yet (more than `MaxRunsPerBlock`
	/// were due), oldest first: made at the start of the next block.
	#[pallet::storage]
	pub type Carried<T: Config> =
		StorageValue<_, BoundedVec<ScheduleId, T::MaxSchedules>, ValueQuery>;

	/// The schedule and run number of each request a run made, until it settles.
	#[pallet::storage]
	pub type RunOf<T: Config> = StorageMap<_, Twox64Concat, RequestId, (ScheduleId, u32)>;

	/// The latest runs of each schedule, oldest first.
	#[pallet::storage]
	pub type Runs<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ScheduleId,
		BoundedVec<Run<BlockNumberFor<T>>, T::MaxHistory>,
		ValueQuery,
	>;

	/// The latest verified output of each schedule.
	#[pallet::storage]
	pub type Latest<T: Config> = StorageMap<_, Twox64Concat, ScheduleId, LatestOutputOf<T>>;

	/// Events of the schedules pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A schedule was created and its budget held.
		Scheduled {
			/// The new schedule.
			id: ScheduleId,
			/// Who owns it and pays for its runs.
			owner: T::AccountId,
			/// The model it runs.
			model: ModelId,
			/// Blocks between runs.
			every: BlockNumberFor<T>,
			/// Runs its budget pays for.
			max_runs: u32,
			/// The budget held: `max_runs × max_fee_per_run`.
			budget: BalanceOf<T>,
		},
		/// A run made its request (`Inference`'s `Requested` and `InputFromFeeds` name its fee
		/// and the feed rounds bound).
		RunMade {
			/// The schedule.
			id: ScheduleId,
			/// The run's number (0 for the first).
			run: u32,
			/// Its request.
			request: RequestId,
			/// The fee taken from the budget and escrowed for the request.
			fee: BalanceOf<T>,
		},
		/// A run could not be made now and was skipped; it cost nothing and does not count
		/// toward `max_runs`.
		RunSkipped {
			/// The schedule.
			id: ScheduleId,
			/// Why: `Inference`'s error (`FeedStale`, `FeedHistoryTooShort`, `NotEnoughNodes`,
			/// `QueueFull`, …) or this pallet's `MaxFeeBelowQuote`.
			error: DispatchError,
		},
		/// A run's request ended.
		RunSettled {
			/// The schedule.
			id: ScheduleId,
			/// The run's number.
			run: u32,
			/// Its request.
			request: RequestId,
			/// How it ended.
			outcome: Outcome,
		},
		/// A schedule makes no more runs; what was left of its budget was released.
		Ended {
			/// The schedule.
			id: ScheduleId,
			/// Why it ended.
			reason: EndReason,
			/// What was released to the owner.
			refunded: BalanceOf<T>,
		},
		/// The owner removed a schedule; what was left of its budget was released.
		Cancelled {
			/// The schedule.
			id: ScheduleId,
			/// What was released to the owner.
			refunded: BalanceOf<T>,
		},
	}

	/// Errors of the schedules pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// `every` is below `MinPeriod`.
		PeriodTooShort,
		/// `max_runs` is 0 or above `MaxRuns`.
		BadRunCount,
		/// `max_fee_per_run` is below what a run costs now (`Inference`'s quote at the level);
		/// also the reason a run is skipped when the quote rose above it.
		MaxFeeBelowQuote,
		/// `max_runs × max_fee_per_run` does not fit the balance type.
		BudgetOverflow,
		/// The account holds `MaxSchedulesPerAccount` schedules (remove ended ones with
		/// `cancel`).
		TooManySchedules,
		/// `MaxSchedules` schedules are running.
		NoRoomForSchedules,
		/// The encoded input template is larger than `MaxInputBytes`.
		InputTooLarge,
		/// The owner cannot hold the budget.
		InsufficientBalance,
		/// No schedule has this id (or it was removed).
		UnknownSchedule,
		/// Only the schedule's owner may do this.
		NotOwner,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Pallet::<T>::run_due(now)
		}

		fn integrity_test() {
			assert!(T::MaxRunsPerBlock::get() >= 1, "MaxRunsPerBlock must be at least 1");
			assert!(T::MaxPrunePerBlock::get() >= 1, "MaxPrunePerBlock must be at least 1");
			assert!(T::MaxConsecutiveSkips::get() >= 1, "MaxConsecutiveSkips must be at least 1");
			assert!(T::MaxHistory::get() >= 1, "MaxHistory must be at least 1");
			assert!(!T::MinPeriod::get().is_zero(), "MinPeriod must be at least 1");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Schedules `model` on `input` with `bindings` written in, every `every` blocks, for
		/// `max_runs` runs of at most `max_fee_per_run` each; holds the whole budget now.
		///
		/// The origin must be _Signed_; it owns the schedule and pays for every run.
		///
		/// - `model`: an available model.
		/// - `input`: the input template, matching the model's input schema exactly.
		/// - `bindings`: feed windows written into each run's input in the block of the run, as
		///   `Inference.request_with_feeds` does (may be empty).
		/// - `level`: each run's verification level (`None`: the model's policy).
		/// - `every`: blocks between runs, at least `MinPeriod`; the first run is due in the next
		///   block.
		/// - `max_runs`: runs to pay for, 1 to `MaxRuns`.
		/// - `max_fee_per_run`: the most one run may cost; at least the quote now.
		///
		/// Errors: `PeriodTooShort`, `BadRunCount`, `InputTooLarge`, `Inference`'s errors for a
		/// malformed request (`UnknownModel`, `ModelNotAvailable`, `ModelRetired`,
		/// `InputCountMismatch`, `InputTypeMismatch`, `InputShapeMismatch`, `MalformedTensor`,
		/// `NonFiniteInput`, `BadLevel`, `LevelNotAllowed`, `BadFeedWindow`, `BindingsOverlap`,
		/// `BindingOutOfBounds`, `BindingTypeUnsupported`, `UnknownFeed`), `MaxFeeBelowQuote`,
		/// `BudgetOverflow`, `TooManySchedules`, `NoRoomForSchedules`, `InsufficientBalance`;
		/// nothing is held then. A feed that is stale now is no error: its runs are skipped
		/// until it is fresh.
		///
		/// Emits `Scheduled`.
		///
		/// ## Complexity
		/// `O(I + B)` for `I` input bytes and `B` bindings.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::schedule(input.encoded_size() as u32))]
		#[allow(clippy::too_many_arguments)]
		pub fn schedule(
			origin: OriginFor<T>,
			model: ModelId,
			input: Tensors,
			bindings: FeedBindings,
			level: Option<VerificationLevel>,
			every: BlockNumberFor<T>,
			max_runs: u32,
			max_fee_per_run: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_schedule(who, model, input, bindings, level, every, max_runs, max_fee_per_run)
				.map(|_| ())
		}

		/// Removes a schedule: a running one makes no more runs and what is left of its budget
		/// is released; its record, history and latest output are removed. Runs already made
		/// still settle (their refunds go to the owner as for any request).
		///
		/// The origin must be _Signed_ by the schedule's owner.
		///
		/// - `id`: the schedule, running or ended (and not yet removed).
		///
		/// Errors: `UnknownSchedule`, `NotOwner`. Emits `Cancelled`.
		///
		/// ## Complexity
		/// `O(S)` for the `S` schedules due in its next block or carried.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, id: ScheduleId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(who, id)
		}
	}
}
