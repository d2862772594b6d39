//! Benchmarks of the schedules pallet: both calls, the parts of the start-of-block work (nothing
//! due, one run, one removal) and the settlement hook, each at its most expensive, with the input
//! template's size as the component where it drives the cost.
//!
//! The models and feeds come from [`Config::BenchmarkHelper`]. A run makes its request through
//! `Inference` (in the runtime, the inference pallet), which the helper makes accept it: the
//! request's own work is measured in `run` too, since it cannot be taken apart from this pallet's
//! part of a run.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use alloc::{vec, vec::Vec};
use codec::{Compact, CompactLen};
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::{InspectHold, Unbalanced};
use frame_system::RawOrigin;
use sibyl_primitives::{
	oracle::{FeedBinding, MAX_FEED_BINDINGS, MAX_FEED_WINDOW},
	DType, Tensor,
};
use sp_core::H256;

/// The level of every benchmark schedule: one executor and no verifier, which the helper's node
/// seats.
const LEVEL: Option<VerificationLevel> = Some(VerificationLevel::Unverified);

/// Elements the feed bindings write when every binding allowed takes the longest window.
const BOUND_ELEMENTS: u32 = MAX_FEED_BINDINGS * MAX_FEED_WINDOW;

/// The encoded size of an input of one f32 tensor of `n` elements (shape `[n]`).
fn input_len(n: u32) -> u32 {
	let data = n * DType::F32.size();
	// The tensor count, the dtype, the shape (its length and one dimension), the data (its
	// length and bytes).
	1 + 1 + 1 + 4 + <Compact<u32> as CompactLen<u32>>::compact_len(&data) as u32 + data
}

/// The largest input of one f32 tensor that encodes in at most `bytes` bytes (but at least `min`
/// elements). Floats are the costliest to check (every element's finiteness) and to bind.
fn input_of(bytes: u32, min: u32) -> Tensors {
	let mut n = bytes / DType::F32.size();
	while n > min && input_len(n) > bytes {
		n -= 1;
	}
	let n = n.max(min).max(1);
	let data = vec![0u8; (n * DType::F32.size()) as usize];
	let input: Tensors = vec![Tensor::new(DType::F32, vec![n], data).unwrap()].try_into().unwrap();
	assert_eq!(input.encoded_size() as u32, input_len(n));
	input
}

/// Every binding allowed, each the longest window of a feed of its own, side by side in tensor
/// 0 (which must hold [`BOUND_ELEMENTS`]).
fn full_bindings<T: Config>() -> FeedBindings {
	(0..MAX_FEED_BINDINGS)
		.map(|i| FeedBinding {
			feed: T::BenchmarkHelper::feed(i),
			rounds: MAX_FEED_WINDOW,
			tensor: 0,
			offset: i * MAX_FEED_WINDOW,
		})
		.collect::<Vec<_>>()
		.try_into()
		.unwrap()
}

/// Gives `who` twice `budget` and ten existential deposits.
fn fund<T: Config>(who: &T::AccountId, budget: BalanceOf<T>) {
	let amount = budget
		.saturating_mul(2u32.into())
		.saturating_add(T::Currency::minimum_balance().saturating_mul(10u32.into()));
	<T::Currency as Unbalanced<T::AccountId>>::increase_balance(who, amount, Precision::Exact)
		.unwrap();
}

/// The fee of one run of `model` now.
fn quote<T: Config>(model: &ModelId) -> BalanceOf<T> {
	T::Inference::quote(model, LEVEL).unwrap()
}

/// A schedule of `owner` (funded for it) on `input` with `bindings`, every `MinPeriod` blocks
/// for `max_runs` runs at the quote, its first run due in the next block; its id.
fn scheduled<T: Config>(
	owner: &T::AccountId,
	input: Tensors,
	bindings: FeedBindings,
	max_runs: u32,
) -> ScheduleId {
	let model = T::BenchmarkHelper::model(&input);
	let fee = quote::<T>(&model);
	fund::<T>(owner, fee.saturating_mul(max_runs.into()));
	Pallet::<T>::do_schedule(
		owner.clone(),
		model,
		input,
		bindings,
		LEVEL,
		T::MinPeriod::get(),
		max_runs,
		fee,
	)
	.unwrap()
}

/// Ids of `n` schedules that are not stored (fillers of the queues).
fn others(n: u32) -> impl Iterator<Item = ScheduleId> {
	(0..n).map(|i| ScheduleId::MAX - ScheduleId::from(i))
}

/// A full history for schedule `id`: runs `first..`, settled (verified), but for the newest one
/// when `pending` names its request.
fn full_history<T: Config>(id: ScheduleId, first: u32, pending: Option<RequestId>) {
	let size = T::MaxHistory::get();
	let runs: Vec<_> = (0..size)
		.map(|i| {
			let newest = i + 1 == size;
			Run {
				index: first + i,
				request: match pending {
					Some(request) if newest => request,
					_ => RequestId(u64::MAX - u64::from(size) + u64::from(i)),
				},
				at: Zero::zero(),
				outcome: if newest && pending.is_some() {
					None
				} else {
					Some(Outcome::Verified { output_hash: H256::repeat_byte(1) })
				},
			}
		})
		.collect();
	Runs::<T>::insert(id, BoundedVec::truncate_from(runs));
}

/// The largest latest output, of run `run`, for schedule `id`.
fn largest_output<T: Config>(id: ScheduleId, run: u32) {
	let output = vec![7u8; T::MaxOutputBytes::get() as usize];
	Latest::<T>::insert(
		id,
		LatestOutput {
			run,
			request: RequestId(u64::MAX),
			settled: Zero::zero(),
			output_hash: H256::repeat_byte(2),
			output: Some(BoundedVec::truncate_from(output)),
		},
	);
}

/// Moves to block `n` (no hook runs).
fn go_to<T: Config>(n: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(n);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A schedule with an input of `b` bytes and every binding allowed (each the longest
	/// window of a feed of its own), for the most runs.
	#[benchmark]
	fn schedule(b: Linear<{ input_len(BOUND_ELEMENTS) }, { T::MaxInputBytes::get() }>) {
		let caller: T::AccountId = whitelisted_caller();
		let input = input_of(b, BOUND_ELEMENTS);
		let size = input.encoded_size() as u32;
		assert!(size <= b && b - size < 8);
		let model = T::BenchmarkHelper::model(&input);
		let bindings = full_bindings::<T>();
		let fee = quote::<T>(&model);
		let max_runs = T::MaxRuns::get();
		fund::<T>(&caller, fee.saturating_mul(max_runs.into()));
		let id = NextScheduleId::<T>::get();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller.clone()),
			model,
			input,
			bindings,
			LEVEL,
			T::MinPeriod::get(),
			max_runs,
			fee,
		);
		let record = Schedules::<T>::get(id).unwrap();
		assert_eq!(record.owner, caller);
		assert_eq!(record.input.len() as u32, size);
		assert_eq!(record.bindings.len() as u32, MAX_FEED_BINDINGS);
		assert!(Due::<T>::get(record.next).contains(&id));
		let held = T::Currency::balance_on_hold(&HoldReason::Budget.into(), &caller);
		assert_eq!(held, fee.saturating_mul(max_runs.into()));
	}

	/// A running schedule with the largest input, every binding, a full history and the largest
	/// latest output, in a queue as long as the running schedules allow, the rest of them
	/// carried.
	#[benchmark]
	fn cancel() {
		let caller: T::AccountId = whitelisted_caller();
		let input = input_of(T::MaxInputBytes::get(), BOUND_ELEMENTS);
		let id = scheduled::<T>(&caller, input, full_bindings::<T>(), T::MaxRuns::get());
		full_history::<T>(id, 0, None);
		largest_output::<T>(id, 0);
		let record = Schedules::<T>::get(id).unwrap();
		let budget = record.budget;
		// `MaxSchedules` running: half of them carried, the others (this one last) due with it.
		let carried = T::MaxSchedules::get() / 2;
		let due_with_it = T::MaxSchedules::get() - carried - 1;
		Carried::<T>::put(BoundedVec::truncate_from(others(carried).collect()));
		let mut due: Vec<_> = others(T::MaxSchedules::get() - 1).skip(carried as usize).collect();
		due.push(id);
		Due::<T>::insert(record.next, BoundedVec::truncate_from(due));
		ScheduleCount::<T>::put(T::MaxSchedules::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id);
		assert!(!Schedules::<T>::contains_key(id));
		assert!(Runs::<T>::get(id).is_empty());
		assert!(!Latest::<T>::contains_key(id));
		assert_eq!(Carried::<T>::get().len() as u32, carried);
		assert_eq!(Due::<T>::get(record.next).len() as u32, due_with_it);
		assert_eq!(ScheduleCount::<T>::get(), T::MaxSchedules::get() - 1);
		assert!(T::Currency::balance_on_hold(&HoldReason::Budget.into(), &caller).is_zero());
		frame_system::Pallet::<T>::assert_last_event(
			<T as frame_system::Config>::RuntimeEvent::from(Event::Cancelled {
				id,
				refunded: budget,
			}),
		);
	}

	/// The start of a block with nothing carried, due or to remove.
	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number() + One::one();
		go_to::<T>(now);
		assert!(Carried::<T>::get().is_empty());
		assert!(Due::<T>::get(now).is_empty());
		assert!(Expiring::<T>::get(now).is_empty());
		// Read in the verification only.
		#[allow(unused_assignments)]
		let mut weight = Weight::zero();
		#[block]
		{
			weight = <Pallet<T> as Hooks<BlockNumberFor<T>>>::on_initialize(now);
		}
		assert_eq!(weight, T::WeightInfo::on_initialize_idle());
	}

	/// A run of a schedule with an input of `b` bytes, read as the start of a block reads
	/// it: its fee released, its request made and waiting (not settled at once), its oldest run
	/// dropped from a full history, its next run filed. Without bindings: writing feed values in
	/// is the request's work (`Inference`'s weight per binding). A schedule's last run ends it
	/// instead of filing the next one: one counter more read and written, its template not
	/// written back.
	#[benchmark]
	fn run(b: Linear<{ input_len(1) }, { T::MaxInputBytes::get() }>) {
		let owner: T::AccountId = account("owner", 0, 0);
		let input = input_of(b, 1);
		let size = input.encoded_size() as u32;
		assert!(size <= b && b - size < 8);
		let id = scheduled::<T>(&owner, input, Default::default(), T::MaxRuns::get());
		let index = T::MaxHistory::get();
		assert!(index + 1 < T::MaxRuns::get(), "the run is not the schedule's last");
		full_history::<T>(id, 0, None);
		Schedules::<T>::mutate(id, |s| s.as_mut().unwrap().runs = index);
		// Its block, with the block's queue taken as `on_initialize` takes it.
		let now = Schedules::<T>::get(id).unwrap().next;
		go_to::<T>(now);
		Due::<T>::remove(now);
		#[block]
		{
			let record = Schedules::<T>::get(id).unwrap();
			Pallet::<T>::run(id, record, now);
		}
		let record = Schedules::<T>::get(id).unwrap();
		assert_eq!(record.state, ScheduleState::Active);
		assert_eq!(record.runs, index + 1);
		assert_eq!(record.input.len() as u32, size);
		let history = Runs::<T>::get(id);
		assert_eq!(history.len() as u32, T::MaxHistory::get());
		let made = history.last().unwrap();
		assert_eq!(made.index, index);
		assert_eq!(made.outcome, None);
		assert_eq!(RunOf::<T>::get(made.request), Some((id, index)));
		assert!(Due::<T>::get(record.next).contains(&id));
	}

	/// Removing an ended schedule (every binding, a full history, the largest latest output)
	/// whose retention passed.
	#[benchmark]
	fn prune_one() {
		let owner: T::AccountId = account("owner", 0, 0);
		let id = scheduled::<T>(&owner, input_of(input_len(1), 1), Default::default(), 1);
		// Its one run ends it.
		let now = Schedules::<T>::get(id).unwrap().next;
		go_to::<T>(now);
		Due::<T>::remove(now);
		Pallet::<T>::run(id, Schedules::<T>::get(id).unwrap(), now);
		let ended = ScheduleState::Ended { reason: EndReason::BudgetSpent, at: now };
		assert_eq!(Schedules::<T>::get(id).unwrap().state, ended);
		let expires = now.saturating_add(T::EndedRetention::get()).max(now + One::one());
		assert_eq!(Expiring::<T>::get(expires).into_inner(), vec![id]);
		let bindings = full_bindings::<T>();
		Schedules::<T>::mutate(id, |s| s.as_mut().unwrap().bindings = bindings);
		full_history::<T>(id, 0, None);
		largest_output::<T>(id, T::MaxHistory::get() - 1);
		go_to::<T>(expires);
		// Read in the verification only.
		#[allow(unused_assignments)]
		let mut weight = Weight::zero();
		#[block]
		{
			weight = Pallet::<T>::prune(expires);
		}
		assert_eq!(weight, T::WeightInfo::prune_one());
		assert!(!Schedules::<T>::contains_key(id));
		assert!(Runs::<T>::get(id).is_empty());
		assert!(!Latest::<T>::contains_key(id));
		assert!(Pallet::<T>::schedules_of(&owner).is_empty());
		assert!(Expiring::<T>::get(expires).is_empty());
	}

	/// The newest run of a full history settling verified with the largest output, newer than
	/// the latest output kept.
	#[benchmark]
	fn on_settled() {
		let owner: T::AccountId = account("owner", 0, 0);
		let id = scheduled::<T>(&owner, input_of(input_len(1), 1), Default::default(), 1);
		let request = RequestId(u64::MAX / 2);
		let index = T::MaxHistory::get();
		full_history::<T>(id, 1, Some(request));
		RunOf::<T>::insert(request, (id, index));
		largest_output::<T>(id, 0);
		let output_hash = H256::repeat_byte(3);
		let outcome = Outcome::Verified { output_hash };
		let output = vec![9u8; T::MaxOutputBytes::get() as usize];
		#[block]
		{
			<Pallet<T> as OnRequestSettled>::on_settled(request, &outcome, || Some(output));
		}
		assert!(!RunOf::<T>::contains_key(request));
		let newest = *Runs::<T>::get(id).last().unwrap();
		assert_eq!((newest.request, newest.outcome), (request, Some(outcome)));
		let latest = Latest::<T>::get(id).unwrap();
		assert_eq!((latest.run, latest.request, latest.output_hash), (index, request, output_hash));
		assert_eq!(latest.output.unwrap().len() as u32, T::MaxOutputBytes::get());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
