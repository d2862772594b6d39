//! A test runtime: System, Balances, the real Payments (bonds, treasury) and Oracle.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_oracle;
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::Hooks};
use sibyl_primitives::{NodeKey, Role};
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
	pub type Oracle = pallet_oracle;
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
	pub const MaxNodes: u32 = 8;
	pub const TreasuryAccount: AccountId = TREASURY;
	pub const SubmissionReward: Balance = 2;
	pub const DeviationSlash: Perbill = Perbill::from_percent(10);
	pub const MaxFeeds: u32 = 3;
	pub const MaxSubmitters: u32 = 4;
	/// `MaxHookWeight`: unbounded unless a test sets it.
	pub static HookBudget: frame_support::weights::Weight = frame_support::weights::Weight::MAX;
	pub const MaxHistory: u32 = 3;
	pub const MaxDescription: u32 = 32;
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
	type OnWithdrawn = ();
	type WeightInfo = ();
}

impl frame_system::offchain::CreateTransactionBase<pallet_oracle::Call<Test>> for Test {
	type Extrinsic = Extrinsic;
	type RuntimeCall = RuntimeCall;
}

impl frame_system::offchain::CreateTransaction<pallet_oracle::Call<Test>> for Test {
	type Extension = ();
	fn create_transaction(call: RuntimeCall, extension: ()) -> Extrinsic {
		Extrinsic::new_transaction(call, extension)
	}
}

impl frame_system::offchain::CreateAuthorizedTransaction<pallet_oracle::Call<Test>> for Test {
	fn create_extension() -> Self::Extension {}
}

impl pallet_oracle::Config for Test {
	type Balance = Balance;
	type Nodes = Payments;
	type Treasury = Payments;
	type SubmissionReward = SubmissionReward;
	type DeviationSlash = DeviationSlash;
	type MaxFeeds = MaxFeeds;
	type MaxSubmitters = MaxSubmitters;
	type MaxHistory = MaxHistory;
	type MaxDescription = MaxDescription;
	type MaxHookWeight = HookBudget;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

/// Bonds benchmark data nodes through `Payments` (accounts from 1,000 on).
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for BenchHelper {
	fn data_node(i: u32, key: NodeKey, stake: u128) -> AccountId {
		use frame_support::traits::fungible::Mutate;
		let who = 1_000 + AccountId::from(i);
		let stake = Balance::try_from(stake).unwrap();
		Balances::set_balance(&who, stake * 2);
		pallet_payments::Pallet::<Test>::bond_unproven(&who, Role::Data, stake, key).unwrap();
		who
	}
}

/// The benchmarks' externalities: no data nodes yet, a funded treasury, a keystore for the
/// nodes' `orcl` keys.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(TREASURY, 1_000_000)],
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

pub const TREASURY: AccountId = 99;
/// Data nodes bonded in genesis (1,000 each).
pub const DATA_NODES: [AccountId; 5] = [1, 2, 3, 4, 5];
/// Endowed, not bonded.
pub const OUTSIDER: AccountId = 7;

thread_local! {
	static PAIRS: RefCell<BTreeMap<AccountId, sr25519::Pair>> = const { RefCell::new(BTreeMap::new()) };
}

/// The `orcl` key pair of `who`.
pub fn pair(who: AccountId) -> sr25519::Pair {
	PAIRS.with(|p| {
		p.borrow_mut()
			.entry(who)
			.or_insert_with(|| sr25519::Pair::from_string(&format!("//data{who}"), None).unwrap())
			.clone()
	})
}

/// The `orcl` key of `who`.
pub fn key(who: AccountId) -> NodeKey {
	pair(who).public()
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: DATA_NODES
			.iter()
			.chain([OUTSIDER].iter())
			.map(|n| (*n, 10_000))
			.chain([(TREASURY, 1_000)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_payments::GenesisConfig::<Test> {
		bonds: DATA_NODES.iter().map(|n| (*n, Role::Data, 1_000, key(*n))).collect(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Starts the next block (running `on_initialize`).
pub fn next_block() {
	let n = System::block_number() + 1;
	System::set_block_number(n);
	Oracle::on_initialize(n);
	// The invariants hold at every block of every test.
	Oracle::do_try_state().unwrap();
	pallet_payments::Pallet::<Test>::do_try_state().unwrap();
}
