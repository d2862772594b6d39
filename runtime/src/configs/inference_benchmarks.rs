//! What the inference benchmarks need from the other pallets: available models (registered and
//! uploaded through `Models`), bonded nodes (`Payments`), funds (`Balances`) and feeds with a
//! fresh history (`Oracle`).

use alloc::{boxed::Box, vec, vec::Vec};
use codec::Encode;
use frame_support::{traits::fungible::Mutate, BoundedVec};
use sibyl_primitives::{
	oracle::{Answer, FeedId},
	registry::{ModelCost, Schema, VerificationPolicy},
	ModelId, NodeKey, Role,
};
use sp_runtime::traits::{BlakeTwo256, Hash as _};

use super::{MaxNodesPerRole, MinInferenceBond, MinVerifierBond};
use crate::{AccountId, Balance, Balances, Runtime, RuntimeOrigin, System, EXISTENTIAL_DEPOSIT};

/// Makes the inference benchmarks' models, nodes, funds and feeds.
pub struct InferenceBenchmarkHelper;

impl pallet_inference::BenchmarkHelper<AccountId, Balance> for InferenceBenchmarkHelper {
	fn max_nodes() -> u32 {
		MaxNodesPerRole::get()
	}

	fn node(role: Role, i: u32, key: NodeKey) -> AccountId {
		let (name, bond) = match role {
			Role::Inference => ("inference-node", MinInferenceBond::get()),
			Role::Verifier => ("verifier-node", MinVerifierBond::get()),
			Role::Data => ("data-node", super::MinDataBond::get()),
		};
		let who: AccountId = frame_benchmarking::account(name, i, 0);
		let _ =
			Balances::set_balance(&who, bond.saturating_mul(2).saturating_add(EXISTENTIAL_DEPOSIT));
		let bonded = pallet_payments::Pallet::<Runtime>::bond_unproven(&who, role, bond, key);
		debug_assert!(bonded.is_ok(), "inference benchmark node {role:?} {i}: {bonded:?}");
		who
	}

	fn model(i: u32, inputs: Schema, outputs: Schema, policy: VerificationPolicy) -> ModelId {
		// The model's bytes: what makes it this benchmark's own.
		let bytes = (b"inference-benchmark", i, &inputs, &outputs, policy).encode();
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
			name: b"inference-benchmark".to_vec().try_into().unwrap_or_default(),
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
		debug_assert!(registered.is_ok(), "inference benchmark model: {registered:?}");
		id
	}

	fn fund(who: &AccountId, amount: Balance) {
		let _ = Balances::set_balance(who, Balances::free_balance(who).saturating_add(amount));
	}

	fn feed(i: u32, rounds: u32) -> FeedId {
		let id = pallet_oracle::NextFeedId::<Runtime>::get();
		let created = pallet_oracle::Pallet::<Runtime>::create_feed(
			RuntimeOrigin::root(),
			b"inference benchmark".to_vec().try_into().unwrap_or_default(),
			8,
			1,
			2,
			10_000,
			8,
		);
		debug_assert!(created.is_ok(), "inference benchmark feed {i}: {created:?}");
		let now = System::block_number();
		let answers: Vec<Answer<_>> = (0..rounds)
			.map(|round| Answer {
				value: 100_000_000i128.saturating_add(round.into()),
				round,
				at: now,
			})
			.collect();
		pallet_oracle::History::<Runtime>::insert(id, BoundedVec::truncate_from(answers));
		id
	}
}
