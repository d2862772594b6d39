//! A test runtime: System, Balances, the real Payments (bonds, treasury) and Verification.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate as pallet_verification;
use frame_support::{derive_impl, parameter_types};
use sibyl_primitives::{NodeKey, Role};
use sp_runtime::{BuildStorage, Perbill};

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
	#[runtime::pallet_index(3)]
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
	pub const MaxNodes: u32 = 8;
	pub const TreasuryAccount: AccountId = TREASURY;
	pub const VerificationFee: Balance = 7;
	pub const WrongResultSlash: Perbill = Perbill::from_percent(50);
	pub const WrongVoteSlash: Perbill = Perbill::from_percent(20);
	pub const MaxMisses: u32 = 3;
	pub const MissSlash: Perbill = Perbill::from_percent(10);
	pub const MissWindow: u64 = 3;
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

pub const TREASURY: AccountId = 99;
/// Executors 1..=2, verifiers 11..=15.
pub const EXECUTORS: [AccountId; 2] = [1, 2];
pub const VERIFIERS: [AccountId; 5] = [11, 12, 13, 14, 15];

pub fn key(n: AccountId) -> NodeKey {
	NodeKey::from_raw([n as u8; 32])
}

/// Every node bonded with 1,000; the treasury holds 1,000.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let nodes = EXECUTORS.iter().chain(VERIFIERS.iter());
	pallet_balances::GenesisConfig::<Test> {
		balances: nodes.clone().map(|n| (*n, 10_000)).chain([(TREASURY, 1_000)]).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_payments::GenesisConfig::<Test> {
		bonds: EXECUTORS
			.iter()
			.map(|n| (*n, Role::Inference, 1_000, key(*n)))
			.chain(VERIFIERS.iter().map(|n| (*n, Role::Verifier, 1_000, key(*n))))
			.collect(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
