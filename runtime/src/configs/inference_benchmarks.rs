//! What the inference benchmarks need from the other pallets: available models (registered and
//! uploaded through `Models`), bonded nodes (`Payments`), funds (`Balances`) and feeds with a
//! fresh history (`Oracle`).

use alloc::vec::Vec;
use codec::Encode;
use frame_support::{traits::fungible::Mutate, BoundedVec};
use sibyl_primitives::{
	oracle::{Answer, FeedId},
	registry::{Schema, VerificationPolicy},
	ModelId, NodeKey, Role,
};

use super::{benchmark_support, MaxNodesPerRole, MinInferenceBond, MinVerifierBond};
use crate::{AccountId, Balance, Balances, Runtime, System};

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
		benchmark_support::bonded_node(name, i, role, bond, key)
	}

	fn model(i: u32, inputs: Schema, outputs: Schema, policy: VerificationPolicy) -> ModelId {
		// The model's bytes: what makes it this benchmark's own.
		let bytes = (b"inference-benchmark", i, &inputs, &outputs, policy).encode();
		benchmark_support::available_model(b"inference-benchmark", bytes, inputs, outputs, policy)
	}

	fn fund(who: &AccountId, amount: Balance) {
		let _ = Balances::set_balance(who, Balances::free_balance(who).saturating_add(amount));
	}

	fn feed(_i: u32, rounds: u32) -> FeedId {
		let id = benchmark_support::feed(b"inference benchmark");
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
