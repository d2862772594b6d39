//! A test runtime: System, Balances, the real Payments (bonds, escrow, treasury) and
//! Verification pallets, and Inference, with a model registry kept in a thread-local.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_inference;
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::Hooks};
use sibyl_primitives::{
	oracle::{Answer, FeedError, FeedId, FeedProvider},
	registry::{
		ModelCost, ModelInfo, ModelName, ModelRegistry, ModelStatus, Schema, TensorSpec, Tolerance,
		VerificationPolicy,
	},
	DType, ModelId, NodeKey, Role,
};
use sp_core::{sr25519, Pair};
use sp_runtime::{BuildStorage, Perbill};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;
pub type Extrinsic = sp_runtime::testing::TestXt<RuntimeCall, ()>;

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
	pub type Payments = pallet_payments;
	#[runtime::pallet_index(3)]
	pub type Inference = pallet_inference;
	#[runtime::pallet_index(4)]
	pub type Verification = pallet_verification;
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
	pub const ExistentialDeposit: Balance = 1;
	pub const MinBond: Balance = 100;
	pub const UnbondingPeriod: u64 = 10;
	/// Room for the benchmarks' nodes (the largest requests seat 49).
	pub const MaxNodes: u32 = 64;
	pub const ExecutionFee: Balance = 7;
	/// Zero unless a test sets it: most tests check fees without a cost component.
	pub static ComputeFeePerMegaOp: Balance = 0;
	pub const ResultTimeout: u64 = 3;
	pub const MaxAttempts: u8 = 3;
	pub const Retention: u64 = 5;
	pub const MaxInputBytes: u32 = 256;
	pub const MaxInlineOutput: u32 = 64;
	pub storage MaxQueue: u32 = 4;
	/// Long enough that no test's request hits it unless the test lowers it.
	pub storage MaxQueueWait: u64 = 10_000;
	pub storage MaxAssignPerBlock: u32 = 4;
	pub storage MaxSeatsPerNode: u32 = 64;
	pub const MaxPrunePerBlock: u32 = 2;
	/// `MaxHookWeight`: unbounded unless a test sets it.
	pub static HookBudget: frame_support::weights::Weight = frame_support::weights::Weight::MAX;
	pub const TreasuryAccount: AccountId = TREASURY;
	pub const VerificationFee: Balance = 3;
	pub const WrongResultSlash: Perbill = Perbill::from_percent(50);
	pub const WrongVoteSlash: Perbill = Perbill::from_percent(20);
	pub const MaxMisses: u32 = 3;
	pub const MissSlash: Perbill = Perbill::from_percent(10);
	pub const MissWindow: u64 = 3;
}

impl pallet_verification::Config for Test {
	type Balance = Balance;
	type Nodes = Payments;
	type Treasury = Payments;
	type VerificationFee = VerificationFee;
	type WrongResultSlash = WrongResultSlash;
	type WrongVoteSlash = WrongVoteSlash;
	type MaxMisses = MaxMisses;
	type MissSlash = MissSlash;
	type MissWindow = MissWindow;
}

impl pallet_payments::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MinInferenceBond = MinBond;
	type MinVerifierBond = MinBond;
	type MinDataBond = MinBond;
	type UnbondingPeriod = UnbondingPeriod;
	type MaxNodes = MaxNodes;
	type TreasuryAccount = TreasuryAccount;
	type OnWithdrawn = Verification;
	type WeightInfo = ();
}

impl frame_system::offchain::CreateTransactionBase<pallet_inference::Call<Test>> for Test {
	type Extrinsic = Extrinsic;
	type RuntimeCall = RuntimeCall;
}

impl frame_system::offchain::CreateTransaction<pallet_inference::Call<Test>> for Test {
	type Extension = ();
	fn create_transaction(call: RuntimeCall, extension: ()) -> Extrinsic {
		Extrinsic::new_transaction(call, extension)
	}
}

impl frame_system::offchain::CreateAuthorizedTransaction<pallet_inference::Call<Test>> for Test {
	fn create_extension() -> Self::Extension {}
}

impl pallet_inference::Config for Test {
	type Balance = Balance;
	type Models = MockModels;
	type Nodes = Payments;
	type Escrow = Payments;
	type Treasury = Payments;
	type Verifier = Verification;
	type Feeds = MockFeeds;
	type Randomness = MockVrf;
	type OnSettled = ();
	type ExecutionFee = ExecutionFee;
	type ComputeFeePerMegaOp = ComputeFeePerMegaOp;
	type ResultTimeout = ResultTimeout;
	type MaxAttempts = MaxAttempts;
	type Retention = Retention;
	type MaxInputBytes = MaxInputBytes;
	type MaxInlineOutput = MaxInlineOutput;
	type MaxQueue = MaxQueue;
	type MaxQueueWait = MaxQueueWait;
	type MaxAssignPerBlock = MaxAssignPerBlock;
	type MaxSeatsPerNode = MaxSeatsPerNode;
	type MaxPrunePerBlock = MaxPrunePerBlock;
	type MaxHookWeight = HookBudget;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

/// The benchmarks' nodes (bonded through `Payments`, accounts from 1,000 on), models (in the
/// registry stand-in) and feeds (in the feed stand-in).
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, Balance> for BenchHelper {
	fn max_nodes() -> u32 {
		MaxNodes::get()
	}

	fn node(role: Role, i: u32, key: NodeKey) -> AccountId {
		use frame_support::traits::fungible::Mutate;
		let who = 1_000 + 1_000 * role as AccountId + AccountId::from(i);
		Balances::set_balance(&who, MinBond::get() * 2);
		pallet_payments::Pallet::<Test>::bond_unproven(&who, role, MinBond::get(), key).unwrap();
		who
	}

	fn model(i: u32, inputs: Schema, outputs: Schema, policy: VerificationPolicy) -> ModelId {
		let id = ModelId(sp_io::hashing::blake2_256(&codec::Encode::encode(&(b"bench", i))));
		insert_model(id, b"bench", i, inputs, outputs, policy, ModelStatus::Available);
		id
	}

	fn fund(who: &AccountId, amount: Balance) {
		use frame_support::traits::fungible::Mutate;
		Balances::set_balance(who, Balances::free_balance(who) + amount);
	}

	fn feed(i: u32, rounds: u32) -> FeedId {
		let values: Vec<i128> = (0..rounds).map(|r| 1_000 + i128::from(r)).collect();
		set_feed(i, 8, &values, false);
		i
	}
}

/// The benchmarks' externalities: no bonded nodes yet (the benchmarks bond theirs), a funded
/// treasury, a keystore for the nodes' keys.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	MODELS.with(|m| m.borrow_mut().clear());
	FEEDS.with(|f| f.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(TREASURY, 1_000_000), (OWNER, 10)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(sp_keystore::KeystoreExt(std::sync::Arc::new(
		sp_keystore::testing::MemoryKeystore::new(),
	)));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

thread_local! {
	static VRF: RefCell<Option<sp_core::H256>> = const { RefCell::new(None) };
}

/// The block randomness of the test runtime: a value per block number (standing in for each
/// block's VRF output), or the one a test set with [`set_vrf`] for the current block.
pub struct MockVrf;

impl sibyl_primitives::verify::BlockRandomness for MockVrf {
	fn block_randomness() -> sp_core::H256 {
		VRF.with(|v| *v.borrow()).unwrap_or_else(|| {
			let n = System::block_number();
			sp_core::H256(sp_io::hashing::blake2_256(&codec::Encode::encode(&(b"mock-vrf", n))))
		})
	}
}

/// Sets the current block's randomness (until the next block).
pub fn set_vrf(value: sp_core::H256) {
	VRF.with(|v| *v.borrow_mut() = Some(value));
}

thread_local! {
	static MODELS: RefCell<BTreeMap<ModelId, ModelInfo<AccountId, Balance, u64>>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// The registry of the test runtime.
pub struct MockModels;

impl ModelRegistry<AccountId, Balance, u64> for MockModels {
	fn model(id: &ModelId) -> Option<ModelInfo<AccountId, Balance, u64>> {
		MODELS.with(|m| m.borrow().get(id).cloned())
	}
}

/// A feed of the test runtime: decimals, answers (oldest first), whether stale.
#[derive(Clone)]
pub struct TestFeed {
	pub decimals: u8,
	pub answers: Vec<Answer<u64>>,
	pub stale: bool,
}

thread_local! {
	static FEEDS: RefCell<BTreeMap<FeedId, TestFeed>> = const { RefCell::new(BTreeMap::new()) };
}

/// Sets feed `id` of the test runtime: `values` closed in rounds 1, 2, … (oldest first).
pub fn set_feed(id: FeedId, decimals: u8, values: &[i128], stale: bool) {
	let answers = values
		.iter()
		.zip(1u32..)
		.map(|(value, round)| Answer { value: *value, round, at: u64::from(round) })
		.collect();
	FEEDS.with(|f| f.borrow_mut().insert(id, TestFeed { decimals, answers, stale }));
}

/// Oracle feeds as the test runtime's `Oracle` would give them.
pub struct MockFeeds;

impl FeedProvider<u64> for MockFeeds {
	fn decimals(feed: FeedId) -> Result<u8, FeedError> {
		FEEDS.with(|f| f.borrow().get(&feed).map(|f| f.decimals).ok_or(FeedError::UnknownFeed))
	}
	fn window(feed: FeedId, count: u32) -> Result<Vec<Answer<u64>>, FeedError> {
		let feed = FEEDS.with(|f| f.borrow().get(&feed).cloned()).ok_or(FeedError::UnknownFeed)?;
		if feed.answers.is_empty() {
			return Err(FeedError::NoValue);
		}
		if feed.stale {
			return Err(FeedError::Stale);
		}
		let count = count as usize;
		if feed.answers.len() < count {
			return Err(FeedError::NotEnoughHistory);
		}
		Ok(feed.answers.iter().skip(feed.answers.len().saturating_sub(count)).cloned().collect())
	}
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Owns the models.
pub const OWNER: AccountId = 5;
/// A requester with little money.
pub const POOR: AccountId = 9;
/// Inference nodes bonded in genesis: Alice, Bob and Charlie.
pub const NODES: [AccountId; 3] = [ALICE, BOB, CHARLIE];
/// Verifier nodes bonded in genesis.
pub const VERIFIERS: [AccountId; 3] = [11, 12, 13];
/// The treasury.
pub const TREASURY: AccountId = 99;
/// Price of the test models.
pub const PRICE: Balance = 20;

thread_local! {
	static PAIRS: RefCell<BTreeMap<AccountId, sr25519::Pair>> = const { RefCell::new(BTreeMap::new()) };
}

/// The node key pair of `who` (derived once per thread: derivation is slow in debug builds).
pub fn pair(who: AccountId) -> sr25519::Pair {
	PAIRS.with(|p| {
		p.borrow_mut()
			.entry(who)
			.or_insert_with(|| sr25519::Pair::from_string(&format!("//node{who}"), None).unwrap())
			.clone()
	})
}

/// The node key of `who`.
pub fn key(who: AccountId) -> NodeKey {
	pair(who).public()
}

fn spec(name: &str, dtype: DType, shape: &[u32]) -> TensorSpec {
	TensorSpec {
		name: name.as_bytes().to_vec().try_into().unwrap(),
		dtype,
		shape: shape.to_vec().try_into().unwrap(),
	}
}

/// A model taking one f32 `[1, 4]` and returning one f32 `[1, 2]` (or `[1, 32]` if `big`),
/// executed by `replicas` nodes and never sampled for verification.
pub fn add_model(seed: u8, replicas: u8, status: ModelStatus, big: bool) -> ModelId {
	let policy =
		VerificationPolicy { replicas, verifiers: 0, sample_ppm: 0, tolerance: Tolerance::Exact };
	add_model_with(seed, policy, status, big)
}

/// A model with one executor and `verifiers` verifiers checking `sample_ppm` of requests.
pub fn add_checked_model(
	seed: u8,
	verifiers: u8,
	sample_ppm: u32,
	tolerance: Tolerance,
) -> ModelId {
	let policy = VerificationPolicy { replicas: 1, verifiers, sample_ppm, tolerance };
	add_model_with(seed, policy, ModelStatus::Available, false)
}

fn add_model_with(seed: u8, policy: VerificationPolicy, status: ModelStatus, big: bool) -> ModelId {
	let id = ModelId([seed; 32]);
	let inputs: Schema = vec![spec("x", DType::F32, &[1, 4])].try_into().unwrap();
	let width = if big { 32 } else { 2 };
	let outputs: Schema = vec![spec("y", DType::F32, &[1, width])].try_into().unwrap();
	insert_model(id, b"m", u32::from(seed), inputs, outputs, policy, status);
	id
}

/// Puts an uploaded model into the stand-in registry.
fn insert_model(
	id: ModelId,
	name: &[u8],
	version: u32,
	inputs: Schema,
	outputs: Schema,
	policy: VerificationPolicy,
	status: ModelStatus,
) {
	let info = ModelInfo {
		owner: OWNER,
		name: ModelName::try_from(name.to_vec()).unwrap(),
		version,
		size: 100,
		chunk_size: 100,
		chunk_count: 1,
		chunks_received: 1,
		inputs,
		outputs,
		price: PRICE,
		policy,
		levels: Default::default(),
		cost: ModelCost { ops: 1_000, memory: 1_000 },
		deposit: 0,
		status,
		registered_at: 0,
	};
	MODELS.with(|m| m.borrow_mut().insert(id, info));
}

/// Changes a registered model's declared cost.
pub fn set_cost(id: ModelId, cost: ModelCost) {
	MODELS.with(|m| m.borrow_mut().get_mut(&id).unwrap().cost = cost);
}

/// Changes the verification levels a registered model's owner allows.
pub fn set_levels(id: ModelId, levels: sibyl_primitives::registry::LevelBounds) {
	MODELS.with(|m| m.borrow_mut().get_mut(&id).unwrap().levels = levels);
}

/// Changes a registered model's status.
pub fn set_status(id: ModelId, status: ModelStatus) {
	MODELS.with(|m| m.borrow_mut().get_mut(&id).unwrap().status = status);
}

/// Removes a model from the registry, as a purge after its retirement grace does.
pub fn purge_model(id: ModelId) {
	MODELS.with(|m| m.borrow_mut().remove(&id));
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	MODELS.with(|m| m.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, 10_000),
			(BOB, 10_000),
			(CHARLIE, 10_000),
			(DAVE, 10_000),
			(OWNER, 10),
			(POOR, 50),
			(TREASURY, 1_000),
			(VERIFIERS[0], 10_000),
			(VERIFIERS[1], 10_000),
			(VERIFIERS[2], 10_000),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_payments::GenesisConfig::<Test> {
		bonds: NODES
			.iter()
			.map(|n| (*n, Role::Inference, 100, key(*n)))
			.chain(VERIFIERS.iter().map(|n| (*n, Role::Verifier, 100, key(*n))))
			.collect(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Finishes the current block and starts the next one (running `on_initialize`).
pub fn next_block() {
	let n = System::block_number();
	Inference::on_finalize(n);
	VRF.with(|v| *v.borrow_mut() = None);
	System::set_block_number(n + 1);
	System::set_parent_hash(sp_core::H256::from_low_u64_le(n));
	Inference::on_initialize(n + 1);
}
