//! A test runtime: System, Balances (with holds) and Models.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate as pallet_models;
use frame_support::{derive_impl, parameter_types};
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
	pub type Models = pallet_models;
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
}

/// Chunk size of the test runtime: small, so tests cut models into several chunks.
pub const CHUNK: u32 = 16;
/// Largest model in the test runtime.
pub const MAX_BYTES: u32 = 100;
/// Deposit base and per-byte rate of the test runtime.
pub const BASE: Balance = 10;
pub const PER_BYTE: Balance = 2;
/// Blocks between a retirement and the earliest purge.
pub const GRACE: u64 = 10;

parameter_types! {
	pub const MaxModelBytes: u32 = MAX_BYTES;
	pub const ChunkSize: u32 = CHUNK;
	pub const MaxChunks: u32 = 7;
	pub const MaxSchemaTensors: u32 = 4;
	pub const DepositBase: Balance = BASE;
	pub const DepositPerByte: Balance = PER_BYTE;
	pub const MaxModelOps: u64 = 1_000_000_000;
	pub const MaxModelMemory: u64 = 1 << 30;
	pub const RetireGrace: u64 = GRACE;
}

impl pallet_models::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MaxModelBytes = MaxModelBytes;
	type ChunkSize = ChunkSize;
	type MaxChunks = MaxChunks;
	type MaxSchemaTensors = MaxSchemaTensors;
	type DepositBase = DepositBase;
	type DepositPerByte = DepositPerByte;
	type RetireGrace = RetireGrace;
	type Usage = MockUsage;
	type MaxModelOps = MaxModelOps;
	type MaxModelMemory = MaxModelMemory;
	type WeightInfo = ();
}

type OpenCounts = std::collections::BTreeMap<sibyl_primitives::ModelId, u32>;

std::thread_local! {
	/// Open requests per model, as the inference pallet would count them.
	pub static OPEN_REQUESTS: core::cell::RefCell<OpenCounts> = Default::default();
}

/// The open requests the test sets in [`OPEN_REQUESTS`].
pub struct MockUsage;

impl sibyl_primitives::registry::ModelUsage for MockUsage {
	fn open_requests(model: &sibyl_primitives::ModelId) -> u32 {
		OPEN_REQUESTS.with(|open| open.borrow().get(model).copied().unwrap_or(0))
	}
}

/// Sets how many requests of `model` are open.
pub fn set_open_requests(model: sibyl_primitives::ModelId, count: u32) {
	OPEN_REQUESTS.with(|open| open.borrow_mut().insert(model, count));
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
/// Has exactly enough for the existential deposit and little else.
pub const POOR: AccountId = 3;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, 10_000), (BOB, 10_000), (POOR, 20)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
