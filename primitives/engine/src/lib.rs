//! The native ONNX engine behind Sibyl's inference host interface.
//!
//! `std` only, and free of Substrate client crates so that its tests stay fast. The node wraps
//! an [`Engine`] and a [`ModelStore`] in the host-interface extension that offchain workers
//! reach; the operator CLI (`sibyl-node model …`) uses them directly.
//!
//! ## What the engine promises
//!
//! - A model is parsed, checked and optimised once per (model, input shapes); the runnable
//!   plan is cached, the cache bounded by an estimate of the memory it holds.
//! - Every model and input is checked before it runs: size, operators, dtypes, shapes,
//!   finiteness, and the size of every intermediate and output tensor. Each refusal names its
//!   reason.
//! - Execution is single-threaded on one pinned kernel set (x86-64 with AVX2 and FMA, see
//!   [`kernels`]), so every such CPU gives bit-identical outputs for the same model and input;
//!   a CPU that cannot is refused with [`EngineError::EngineMismatch`], never served other bits.
//! - An output that holds NaN or infinity is [`EngineError::NonFiniteOutput`]: a failure every
//!   node reproduces, which the chain settles as the request's outcome.
//! - A call that runs past its time limit returns [`EngineError::Timeout`]; a panic inside
//!   tract becomes [`EngineError::ExecutionFailed`].

#![deny(missing_docs)]

mod convert;
mod error;
mod inspect;
pub mod json;
pub mod kernels;
mod plan;
mod store;
pub mod testing;
mod worker;

use std::{
	sync::{Arc, Mutex},
	time::Duration,
};

pub use error::EngineError;
pub use inspect::{CostEstimate, IoInfo, ModelInfo};
pub use sibyl_primitives::{DType, InferenceError, ModelId, Tensor};
pub use store::ModelStore;

use plan::{PlanCache, PlanKey, Prepared};
use worker::Worker;

/// Limits and settings of an [`Engine`]. The defaults are what the node uses.
#[derive(Clone, Debug)]
pub struct EngineConfig {
	/// Largest model, in bytes of ONNX.
	pub max_model_bytes: usize,
	/// Largest total input, in bytes of tensor data.
	pub max_input_bytes: usize,
	/// Largest total output, in bytes of tensor data.
	pub max_output_bytes: usize,
	/// Largest single tensor anywhere in the model once shapes are known, in bytes.
	pub max_intermediate_bytes: usize,
	/// Memory the plan cache may hold, estimated from model sizes.
	pub max_cached_bytes: usize,
	/// Time limit of one call.
	pub call_timeout: Duration,
	/// Calls that ran past their time limit and still occupy a thread; beyond this the engine
	/// answers [`EngineError::Busy`] until one finishes.
	pub max_stuck_calls: usize,
}

impl Default for EngineConfig {
	fn default() -> Self {
		EngineConfig {
			max_model_bytes: 64 << 20,
			max_input_bytes: 16 << 20,
			max_output_bytes: 16 << 20,
			max_intermediate_bytes: 256 << 20,
			max_cached_bytes: 1 << 30,
			call_timeout: Duration::from_secs(10),
			max_stuck_calls: 2,
		}
	}
}

/// Runs ONNX models by id. Cheap to share: clone the `Arc`.
pub struct Engine {
	config: EngineConfig,
	plans: Mutex<PlanCache>,
	worker: Worker,
}

impl Engine {
	/// An engine with `config`.
	pub fn new(config: EngineConfig) -> Engine {
		// Pin the kernels before tract first looks at the CPU; `run` reports a refusal.
		let _ = kernels::pin();
		let plans = Mutex::new(PlanCache::new(config.max_cached_bytes));
		let worker = Worker::new(config.max_stuck_calls);
		Engine { config, plans, worker }
	}

	/// The engine's identity (tract release and pinned kernel set), or why this CPU cannot run
	/// the pinned kernels.
	pub fn identity(&self) -> Result<&'static str, EngineError> {
		kernels::pin()
	}

	/// The engine's limits.
	pub fn config(&self) -> &EngineConfig {
		&self.config
	}

	/// Describes a model and says why the engine would refuse it, without running it.
	///
	/// `shapes` pins dynamic input dimensions, by input position; without them a model whose
	/// inputs have dynamic dimensions gets no cost estimate.
	pub fn inspect(&self, bytes: &[u8], shapes: &[Option<Vec<u32>>]) -> ModelInfo {
		let _ = kernels::pin();
		inspect::inspect(&self.config, bytes, shapes)
	}

	/// Runs the model `id` on `inputs`. `load` supplies the model's bytes when no plan for
	/// these input shapes is cached; they are checked against `id` before use.
	pub fn run(
		&self,
		id: &ModelId,
		inputs: &[Tensor],
		load: impl FnOnce() -> Result<Vec<u8>, EngineError>,
	) -> Result<Vec<Tensor>, EngineError> {
		kernels::pin()?;
		convert::check_inputs(&self.config, inputs)?;
		let key = PlanKey::new(*id, inputs);
		let prepared = self.prepared(key, load)?;
		self.worker.run(prepared, inputs.to_vec(), self.config.call_timeout)
	}

	/// Runs the model whose ONNX bytes are `bytes` (its id is their hash).
	pub fn run_bytes(&self, bytes: &[u8], inputs: &[Tensor]) -> Result<Vec<Tensor>, EngineError> {
		let id = ModelId::of(bytes);
		self.run(&id, inputs, || Ok(bytes.to_vec()))
	}

	/// Number of cached plans.
	pub fn cached_plans(&self) -> usize {
		self.plans.lock().map(|cache| cache.len()).unwrap_or(0)
	}

	/// Drops every cached plan.
	pub fn clear_cache(&self) {
		if let Ok(mut cache) = self.plans.lock() {
			cache.clear();
		}
	}

	fn prepared(
		&self,
		key: PlanKey,
		load: impl FnOnce() -> Result<Vec<u8>, EngineError>,
	) -> Result<Arc<Prepared>, EngineError> {
		if let Some(hit) = self.plans.lock().map_err(|_| EngineError::poisoned())?.get(&key) {
			return Ok(hit);
		}
		let bytes = load()?;
		if bytes.len() > self.config.max_model_bytes {
			return Err(EngineError::ModelTooLarge {
				bytes: bytes.len(),
				limit: self.config.max_model_bytes,
			});
		}
		let actual = ModelId::of(&bytes);
		if actual != key.model {
			return Err(EngineError::ModelHashMismatch { expected: key.model, actual });
		}
		let prepared = Arc::new(plan::prepare(&self.config, &bytes, &key)?);
		let mut cache = self.plans.lock().map_err(|_| EngineError::poisoned())?;
		cache.insert(key, prepared.clone(), bytes.len());
		Ok(prepared)
	}
}

impl Default for Engine {
	fn default() -> Self {
		Engine::new(EngineConfig::default())
	}
}

/// Names of the model's inputs (graph inputs that are not weights), in order.
pub fn input_names(bytes: &[u8]) -> Result<Vec<String>, EngineError> {
	let (_, proto) = plan::parse(bytes)?;
	let graph = proto.graph.unwrap_or_default();
	let weights: std::collections::HashSet<&str> =
		graph.initializer.iter().map(|t| t.name.as_str()).collect();
	Ok(graph
		.input
		.iter()
		.filter(|i| !weights.contains(i.name.as_str()))
		.map(|i| i.name.clone())
		.collect())
}

/// Names of the model's outputs, in order.
pub fn output_names(bytes: &[u8]) -> Result<Vec<String>, EngineError> {
	let (_, proto) = plan::parse(bytes)?;
	Ok(proto.graph.unwrap_or_default().output.iter().map(|o| o.name.clone()).collect())
}
