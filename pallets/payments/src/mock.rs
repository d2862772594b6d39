//! A test runtime: System, Balances (with holds) and Payments.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate as pallet_payments;
use frame_support::{derive_impl, parameter_types};
use sibyl_primitives::NodeKey;
use sp_runtime::BuildStorage;

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
	pub type Payments = pallet_payments;
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
	pub const MinInferenceBond: Balance = 100;
	pub const MinVerifierBond: Balance = 50;
	pub const MinDataBond: Balance = 20;
	pub const UnbondingPeriod: u64 = 10;
	pub const MaxNodes: u32 = 3;
	pub const TreasuryAccount: AccountId = TREASURY;
}

impl pallet_payments::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MinInferenceBond = MinInferenceBond;
	type MinVerifierBond = MinVerifierBond;
	type MinDataBond = MinDataBond;
	type UnbondingPeriod = UnbondingPeriod;
	type MaxNodes = MaxNodes;
	type TreasuryAccount = TreasuryAccount;
	type OnWithdrawn = ();
	type WeightInfo = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Has little more than the existential deposit.
pub const POOR: AccountId = 9;
/// The treasury account.
pub const TREASURY: AccountId = 99;

/// The node key pair of `n`.
pub fn pair(n: u8) -> sp_core::sr25519::Pair {
	use sp_core::Pair;
	sp_core::sr25519::Pair::from_seed(&[n; 32])
}

/// A distinct node key for `n`.
pub fn key(n: u8) -> NodeKey {
	use sp_core::Pair;
	pair(n).public()
}

/// Key `n`'s proof of possession for `who` bonding it for `role` on this chain.
pub fn proof(
	n: u8,
	role: sibyl_primitives::Role,
	who: AccountId,
) -> sibyl_primitives::NodeSignature {
	use sp_core::Pair;
	pair(n).sign(&sibyl_primitives::key_proof_payload(&System::block_hash(0), role, &who))
}

/// `who` bonds `amount` for `role` with key `n` and its proof.
pub fn bond(
	who: AccountId,
	role: sibyl_primitives::Role,
	amount: Balance,
	n: u8,
) -> sp_runtime::DispatchResult {
	Payments::bond(RuntimeOrigin::signed(who), role, amount, key(n), proof(n, role, who))
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, 10_000),
			(BOB, 10_000),
			(CHARLIE, 10_000),
			(DAVE, 10_000),
			(POOR, 30),
			(TREASURY, 1_000),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	// The benchmarks make node keys in a keystore.
	ext.register_extension(sp_keystore::KeystoreExt(std::sync::Arc::new(
		sp_keystore::testing::MemoryKeystore::new(),
	)));
	ext.execute_with(|| System::set_block_number(1));
	ext
}
