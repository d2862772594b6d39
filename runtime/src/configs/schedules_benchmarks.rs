//! What the schedules benchmarks need from the other pallets: available models taking the
//! benchmarks' inputs, an inference node to seat their runs' requests, and feeds to bind.

use alloc::{boxed::Box, vec, vec::Vec};
use codec::Encode;
use frame_support::traits::fungible::Mutate;
use sibyl_primitives::{
	oracle::FeedId,
	registry::{ModelCost, Schema, TensorSpec, Tolerance, VerificationPolicy},
	tensor::Tensors,
	DType, ModelId, Role,
};
use sp_runtime::traits::{BlakeTwo256, Hash as _};

use super::MinInferenceBond;
use crate::{AccountId, Balance, Balances, Runtime, RuntimeOrigin, EXISTENTIAL_DEPOSIT};

/// Registers the schedules benchmarks' models (each schema its own model, uploaded and
/// available), bonds one inference node and creates their feeds.
pub struct SchedulesBenchmarkHelper;

impl pallet_schedules::BenchmarkHelper for SchedulesBenchmarkHelper {
	fn model(input: &Tensors) -> ModelId {
		inference_node();
		let spec = |i: usize, dtype: DType, shape: &sibyl_primitives::Shape| TensorSpec {
			name: vec![b'x', b'a'.saturating_add(i as u8)].try_into().unwrap_or_default(),
			dtype,
			shape: shape.clone(),
		};
		let inputs: Vec<TensorSpec> =
			input.iter().enumerate().map(|(i, t)| spec(i, t.dtype, &t.shape)).collect();
		let inputs = Schema::truncate_from(inputs);
		let one: sibyl_primitives::Shape = vec![1u32].try_into().unwrap_or_default();
		let outputs = Schema::truncate_from(vec![spec(0, DType::F32, &one)]);
		// The model's bytes: its input schema, so that each schema is a model of its own.
		let bytes = inputs.encode();
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
			name: b"schedules-benchmark".to_vec().try_into().unwrap_or_default(),
			version: u32::from_le_bytes([a, b, c, d]),
			inputs,
			outputs,
			price: sibyl_primitives::currency::MILLI_UNIT,
			// One executor, no verifier: what the benchmarks' runs ask for.
			policy: VerificationPolicy {
				replicas: 1,
				verifiers: 0,
				sample_ppm: 0,
				tolerance: Tolerance::Exact,
			},
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
		debug_assert!(registered.is_ok(), "schedules benchmark model: {registered:?}");
		id
	}

	fn feed(i: u32) -> FeedId {
		let id = pallet_oracle::NextFeedId::<Runtime>::get();
		let created = pallet_oracle::Pallet::<Runtime>::create_feed(
			RuntimeOrigin::root(),
			b"schedules benchmark".to_vec().try_into().unwrap_or_default(),
			8,
			1,
			2,
			10_000,
			8,
		);
		debug_assert!(created.is_ok(), "schedules benchmark feed {i}: {created:?}");
		id
	}
}

/// Bonds the benchmarks' inference node (once), funded to twice the minimum bond.
fn inference_node() {
	let who: AccountId = frame_benchmarking::account("schedules-inference", 0, 0);
	if pallet_payments::Bonds::<Runtime>::contains_key(Role::Inference, &who) {
		return;
	}
	let bond: Balance = MinInferenceBond::get();
	let _ = Balances::set_balance(&who, bond.saturating_mul(2).saturating_add(EXISTENTIAL_DEPOSIT));
	let key = sp_core::sr25519::Public::from_raw([0x5c; 32]);
	let bonded =
		pallet_payments::Pallet::<Runtime>::bond_unproven(&who, Role::Inference, bond, key);
	debug_assert!(bonded.is_ok(), "schedules benchmark inference node: {bonded:?}");
}
