//! A test runtime: System, Balances (with holds) and Schedules, with a stand-in for `Inference`
//! that quotes a settable fee, binds a settable feed and escrows fees by moving them to an
//! escrow account (its own escrow and binding are tested in the inference pallet).

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

use crate as pallet_schedules;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::Mutate, tokens::Preservation, Hooks},
	weights::Weight,
};
use sibyl_primitives::{
	oracle::FeedBindings,
	registry::VerificationLevel,
	request::{InferenceRequests, Refused},
	tensor::Tensors,
	ModelId, RefundReason, RequestId,
};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeTask,
		RuntimeHoldReason,
		RuntimeFreezeReason
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Schedules = pallet_schedules;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ExistentialDeposit = ExistentialDeposit;
}

parameter_types! {
	pub const ExistentialDeposit: Balance = 5;
	/// Room for an input every feed binding writes its longest window into (the benchmarks').
	pub const MaxInputBytes: u32 = 4 * 1024;
	pub const MaxOutputBytes: u32 = 64;
	pub const MaxSchedulesPerAccount: u32 = 3;
	pub const MaxSchedules: u32 = 5;
	pub const MaxRunsPerBlock: u32 = 2;
	pub const MaxRuns: u32 = 100;
	pub const MaxHistory: u32 = 3;
	pub const MinPeriod: u64 = 2;
	pub static MaxRunWeight: Weight = Weight::from_parts(u64::MAX, u64::MAX);
	pub const MaxConsecutiveSkips: u32 = 4;
	pub const EndedRetention: u64 = 10;
	pub const MaxPrunePerBlock: u32 = 2;
}

impl pallet_schedules::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Inference = MockInference;
	type MaxInputBytes = MaxInputBytes;
	type MaxOutputBytes = MaxOutputBytes;
	type MaxSchedulesPerAccount = MaxSchedulesPerAccount;
	type MaxSchedules = MaxSchedules;
	type MaxRunsPerBlock = MaxRunsPerBlock;
	type MaxRuns = MaxRuns;
	type MaxHistory = MaxHistory;
	type MinPeriod = MinPeriod;
	type MaxRunWeight = MaxRunWeight;
	type MaxConsecutiveSkips = MaxConsecutiveSkips;
	type EndedRetention = EndedRetention;
	type MaxPrunePerBlock = MaxPrunePerBlock;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

/// The benchmarks' model and feeds: the stand-in's one model, feeds by number (the stand-in
/// checks neither the input's schema nor feed ids).
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for BenchHelper {
	fn model(_input: &Tensors) -> ModelId {
		MODEL
	}

	fn feed(i: u32) -> sibyl_primitives::oracle::FeedId {
		i
	}
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// Has little more than the existential deposit.
pub const POOR: AccountId = 9;
/// Where the stand-in escrows fees.
pub const ESCROW: AccountId = 50;
/// Where settled fees are paid.
pub const PAYEE: AccountId = 51;
/// The one model the stand-in knows.
pub const MODEL: ModelId = ModelId([7; 32]);

/// The stand-in's "feed stale" error (errors in events must survive SCALE, which drops the text
/// of `DispatchError::Other`).
pub const FEED_STALE: DispatchError = DispatchError::Unavailable;
/// The stand-in's "not enough nodes" error.
pub const NO_NODES: DispatchError = DispatchError::Exhausted;
/// The stand-in's "model retired" error.
pub const RETIRED: DispatchError = DispatchError::CannotLookup;

/// A request the stand-in made.
#[derive(Clone, Debug)]
pub struct Made {
	pub id: RequestId,
	pub who: AccountId,
	pub level: Option<VerificationLevel>,
	pub fee: Balance,
	/// The block it was made in.
	pub at: u64,
	/// The feed values bound, binding by binding, oldest first.
	pub values: Vec<Vec<i128>>,
	pub settled: bool,
}

/// The stand-in's state.
#[derive(Default)]
pub struct State {
	/// The fee of a call; `None`: the model is retired.
	pub quote: Option<Balance>,
	/// The feed's answers, oldest first.
	pub feed: Vec<i128>,
	/// Whether the feed is stale.
	pub stale: bool,
	/// Whether too few nodes are bonded.
	pub no_nodes: bool,
	/// Whether a request settles as it is made (no node to seat it): refunded at once.
	pub settle_at_once: bool,
	pub made: Vec<Made>,
}

thread_local! {
	pub static STATE: RefCell<State> = RefCell::new(State::default());
}

pub fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> R {
	STATE.with(|s| f(&mut s.borrow_mut()))
}

/// The stand-in for `Inference`.
pub struct MockInference;

impl InferenceRequests<AccountId, Balance> for MockInference {
	fn quote(model: &ModelId, _level: Option<VerificationLevel>) -> Result<Balance, DispatchError> {
		if *model != MODEL {
			return Err(DispatchError::Other("UnknownModel"));
		}
		with_state(|s| s.quote).ok_or(RETIRED)
	}

	fn check(
		model: &ModelId,
		input: &Tensors,
		bindings: &FeedBindings,
		level: Option<VerificationLevel>,
	) -> DispatchResult {
		Self::quote(model, level)?;
		if input.len() != 1 {
			return Err(DispatchError::Other("InputCountMismatch"));
		}
		if bindings.iter().any(|b| b.tensor != 0) {
			return Err(DispatchError::Other("BindingOutOfBounds"));
		}
		Ok(())
	}

	fn request(
		who: &AccountId,
		model: ModelId,
		_input: Tensors,
		bindings: &FeedBindings,
		level: Option<VerificationLevel>,
		max_fee: Balance,
	) -> Result<RequestId, Refused> {
		let transient = |error: DispatchError| Refused { error, transient: true };
		let fee =
			Self::quote(&model, level).map_err(|error| Refused { error, transient: false })?;
		if fee > max_fee {
			return Err(transient(DispatchError::Other("FeeBelowPrice")));
		}
		let (stale, no_nodes, feed) = with_state(|s| (s.stale, s.no_nodes, s.feed.clone()));
		if stale && !bindings.is_empty() {
			return Err(transient(FEED_STALE));
		}
		if no_nodes {
			return Err(transient(NO_NODES));
		}
		let mut values = Vec::new();
		for binding in bindings {
			let rounds = binding.rounds as usize;
			if feed.len() < rounds {
				return Err(transient(DispatchError::Other("FeedHistoryTooShort")));
			}
			values.push(feed[feed.len() - rounds..].to_vec());
		}
		Balances::transfer(who, &ESCROW, fee, Preservation::Preserve)
			.map_err(|_| transient(DispatchError::Other("InsufficientBalance")))?;
		let at = System::block_number();
		let id = with_state(|s| {
			let id = RequestId(s.made.len() as u64);
			s.made.push(Made { id, who: *who, level, fee, at, values, settled: false });
			id
		});
		if with_state(|s| s.settle_at_once) {
			settle(id, sibyl_primitives::Outcome::Refunded(RefundReason::NoExecutors), 0, &[]);
		}
		Ok(id)
	}

	fn request_weight(bytes: u32, bindings: u32) -> Weight {
		Weight::from_parts(1_000_000 + u64::from(bytes) + 1_000 * u64::from(bindings), 0)
	}
}

/// Ends request `id` as `Inference` would: `paid` of its fee to the payee, the rest back to the
/// requester, then tells Schedules.
pub fn settle(id: RequestId, outcome: sibyl_primitives::Outcome, paid: Balance, output: &[u8]) {
	use sibyl_primitives::request::OnRequestSettled;
	let made = with_state(|s| {
		let made = &mut s.made[id.0 as usize];
		assert!(!made.settled, "{id:?} settles once");
		made.settled = true;
		made.clone()
	});
	let paid = paid.min(made.fee);
	Balances::transfer(&ESCROW, &PAYEE, paid, Preservation::Expendable).unwrap();
	Balances::transfer(&ESCROW, &made.who, made.fee - paid, Preservation::Expendable).unwrap();
	let verified = matches!(outcome, sibyl_primitives::Outcome::Verified { .. });
	Schedules::on_settled(id, &outcome, || verified.then(|| output.to_vec()));
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	STATE.with(|s| *s.borrow_mut() = State { quote: Some(30), ..Default::default() });
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, 10_000),
			(BOB, 10_000),
			(CHARLIE, 10_000),
			(POOR, 20),
			(ESCROW, 10),
			(PAYEE, 10),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Moves to the next block and runs Schedules' `on_initialize`.
pub fn next_block() {
	let now = System::block_number() + 1;
	System::set_block_number(now);
	Schedules::on_initialize(now);
}
