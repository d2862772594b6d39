//! What the schedules benchmarks need from the other pallets: available models taking the
//! benchmarks' inputs, an inference node to seat their runs' requests, and feeds to bind.

use alloc::{vec, vec::Vec};
use codec::Encode;
use sibyl_primitives::{
	oracle::FeedId,
	registry::{Schema, TensorSpec, Tolerance, VerificationPolicy},
	tensor::Tensors,
	DType, ModelId, Role,
};

use super::{benchmark_support, MinInferenceBond};
use crate::{AccountId, Runtime};

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
		// One executor, no verifier: what the benchmarks' runs ask for.
		let policy = VerificationPolicy {
			replicas: 1,
			verifiers: 0,
			sample_ppm: 0,
			tolerance: Tolerance::Exact,
		};
		benchmark_support::available_model(b"schedules-benchmark", bytes, inputs, outputs, policy)
	}

	fn feed(_i: u32) -> FeedId {
		benchmark_support::feed(b"schedules benchmark")
	}
}

/// Bonds the benchmarks' inference node (once), funded to twice the minimum bond.
fn inference_node() {
	let who: AccountId = frame_benchmarking::account("schedules-inference", 0, 0);
	if pallet_payments::Bonds::<Runtime>::contains_key(Role::Inference, &who) {
		return;
	}
	let key = sp_core::sr25519::Public::from_raw([0x5c; 32]);
	benchmark_support::bonded_node(
		"schedules-inference",
		0,
		Role::Inference,
		MinInferenceBond::get(),
		key,
	);
}
