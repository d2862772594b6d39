#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{self as pallet_block_time, MinimumPeriodOf, SlotDurationOf};
use frame_support::{derive_impl, parameter_types, traits::Get};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type BlockTime = pallet_block_time;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	pub const DefaultSlot: u64 = 6_000;
	pub const MinSlot: u64 = 500;
	pub const MaxSlot: u64 = 60_000;
}

impl crate::Config for Test {
	type DefaultSlotDuration = DefaultSlot;
	type MinSlotDuration = MinSlot;
	type MaxSlotDuration = MaxSlot;
}

fn ext_with(slot_duration_ms: u64) -> sp_io::TestExternalities {
	RuntimeGenesisConfig {
		block_time: crate::GenesisConfig { slot_duration_ms, ..Default::default() },
		..Default::default()
	}
	.build_storage()
	.unwrap()
	.into()
}

#[test]
fn genesis_without_a_value_keeps_the_default_block_time() {
	ext_with(0).execute_with(|| {
		assert_eq!(SlotDurationOf::<Test>::get(), 6_000);
		assert_eq!(MinimumPeriodOf::<Test>::get(), 3_000);
	});
}

#[test]
fn genesis_value_sets_slot_duration_and_half_of_it_as_minimum_period() {
	ext_with(1_000).execute_with(|| {
		assert_eq!(SlotDurationOf::<Test>::get(), 1_000);
		assert_eq!(MinimumPeriodOf::<Test>::get(), 500);
	});
}

#[test]
#[should_panic(expected = "slotDurationMs must lie within")]
fn genesis_rejects_a_block_time_below_the_minimum() {
	let _ = ext_with(100);
}

#[test]
#[should_panic(expected = "slotDurationMs must lie within")]
fn genesis_rejects_a_block_time_above_the_maximum() {
	let _ = ext_with(120_000);
}

#[test]
#[should_panic(expected = "slotDurationMs must be even")]
fn genesis_rejects_an_odd_block_time() {
	let _ = ext_with(1_001);
}
