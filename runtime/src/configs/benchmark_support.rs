//! What several pallets' benchmarks need from the runtime's other pallets, made one way: bonded
//! nodes (`Payments`, without the key proof), available models (registered and uploaded through
//! `Models`) and feeds (`Oracle`). Used by the `BenchmarkHelper`s of `Oracle`, `Inference` and
//! `Schedules`.

use alloc::{boxed::Box, vec, vec::Vec};
use frame_support::traits::fungible::Mutate;
use sibyl_primitives::{
	oracle::FeedId,
	registry::{ModelCost, Schema, VerificationPolicy},
	ModelId, NodeKey, Role,
};
use sp_runtime::traits::{BlakeTwo256, Hash as _};

use crate::{AccountId, Balance, Balances, Runtime, RuntimeOrigin, EXISTENTIAL_DEPOSIT};

/// Account `name`/`i`, funded to twice `bond` and bonded for `role` with `key`.
pub(super) fn bonded_node(
	name: &'static str,
	i: u32,
	role: Role,
	bond: Balance,
	key: NodeKey,
) -> AccountId {
	let who: AccountId = frame_benchmarking::account(name, i, 0);
	let _ = Balances::set_balance(&who, bond.saturating_mul(2).saturating_add(EXISTENTIAL_DEPOSIT));
	let bonded = pallet_payments::Pallet::<Runtime>::bond_unproven(&who, role, bond, key);
	debug_assert!(bonded.is_ok(), "benchmark node {name} {i} ({role:?}): {bonded:?}");
	who
}

/// The available one-chunk model of `bytes` (its id is their hash), registered and uploaded by
/// a funded owner the first time it is asked for.
pub(super) fn available_model(
	name: &'static [u8],
	bytes: Vec<u8>,
	inputs: Schema,
	outputs: Schema,
	policy: VerificationPolicy,
) -> ModelId {
	let id = ModelId::of(&bytes);
	if pallet_models::Pallet::<Runtime>::model(&id).is_some() {
		return id;
	}
	let owner: AccountId = frame_benchmarking::account("model-owner", 0, 0);
	let size = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
	let deposit = pallet_models::Pallet::<Runtime>::deposit_for(size);
	let _ = Balances::set_balance(
		&owner,
		deposit.saturating_mul(2).saturating_add(Balances::free_balance(&owner)),
	);
	let [a, b, c, d, ..] = id.0;
	let meta = pallet_models::ModelMeta {
		id,
		size,
		chunk_hashes: vec![BlakeTwo256::hash(&bytes)].try_into().unwrap_or_default(),
		name: name.to_vec().try_into().unwrap_or_default(),
		version: u32::from_le_bytes([a, b, c, d]),
		inputs,
		outputs,
		price: sibyl_primitives::currency::MILLI_UNIT,
		policy,
		levels: Default::default(),
		cost: ModelCost { ops: 1, memory: 1 },
	};
	let registered = pallet_models::Pallet::<Runtime>::register(
		RuntimeOrigin::signed(owner.clone()),
		Box::new(meta),
	)
	.and_then(|_| {
		pallet_models::Pallet::<Runtime>::upload_chunk(
			RuntimeOrigin::signed(owner),
			id,
			0,
			bytes.try_into().unwrap_or_default(),
		)
	});
	debug_assert!(registered.is_ok(), "benchmark model {name:?}: {registered:?}");
	id
}

/// A new feed made by root (8 decimals, rounds of 2 blocks); its id.
pub(super) fn feed(description: &'static [u8]) -> FeedId {
	let id = pallet_oracle::NextFeedId::<Runtime>::get();
	let created = pallet_oracle::Pallet::<Runtime>::create_feed(
		RuntimeOrigin::root(),
		description.to_vec().try_into().unwrap_or_default(),
		8,
		1,
		2,
		10_000,
		8,
	);
	debug_assert!(created.is_ok(), "benchmark feed {id}: {created:?}");
	id
}
