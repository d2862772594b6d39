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
//! - A call whose estimated cost ([`CostEstimate`]) exceeds the model's declared budget is
//!   [`EngineError::OverBudget`], before it runs; a panic inside tract becomes
//!   [`EngineError::ExecutionFailed`].
//!
//! ## In process, or sandboxed
//!
//! [`Engine`] runs a call on the calling thread, without a time limit: tract cannot be
//! interrupted. The node therefore never runs a model in its own process: it runs them in
//! [`sandbox`] worker processes (the same binary in worker mode), each under a memory limit,
//! killed and replaced when a call runs past its deadline or the process dies.

#![deny(missing_docs)]

mod control;
mod convert;
mod error;
mod guard;
mod inspect;
pub mod json;
pub mod kernels;
pub mod ml;
mod plan;
pub mod sandbox;
mod store;
pub mod testing;

use std::sync::{Arc, Mutex};

pub use error::EngineError;
pub use inspect::{CostEstimate, IoInfo, ModelInfo};
pub use plan::MAX_GRAPH_NODES;
pub use sibyl_primitives::{registry::ModelCost, DType, InferenceError, ModelId, Tensor};
pub use store::ModelStore;

use plan::{PlanCache, PlanKey, Prepared};

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
}

impl Default for EngineConfig {
	fn default() -> Self {
		EngineConfig {
			max_model_bytes: 64 << 20,
			max_input_bytes: 16 << 20,
			max_output_bytes: 16 << 20,
			max_intermediate_bytes: 256 << 20,
			max_cached_bytes: 1 << 30,
		}
	}
}

/// Runs ONNX models by id, on the calling thread. Cheap to share: clone the `Arc`.
pub struct Engine {
	config: EngineConfig,
	plans: Mutex<PlanCache>,
}

impl Engine {
	/// An engine with `config`.
	pub fn new(config: EngineConfig) -> Engine {
		// Pin the kernels before tract first looks at the CPU; `run` reports a refusal.
		let _ = kernels::pin();
		let plans = Mutex::new(PlanCache::new(config.max_cached_bytes));
		Engine { config, plans }
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
		self.run_within(id, inputs, None, load)
	}

	/// [`run`](Self::run), refusing with [`EngineError::OverBudget`] before it runs a call
	/// whose estimated cost exceeds `budget`.
	pub fn run_within(
		&self,
		id: &ModelId,
		inputs: &[Tensor],
		budget: Option<&ModelCost>,
		load: impl FnOnce() -> Result<Vec<u8>, EngineError>,
	) -> Result<Vec<Tensor>, EngineError> {
		kernels::pin()?;
		convert::check_inputs(&self.config, inputs)?;
		let key = PlanKey::new(*id, inputs);
		let prepared = self.prepared(key, load)?;
		if let Some(budget) = budget {
			check_budget(&prepared.cost, budget)?;
		}
		execute(&prepared, inputs)
	}

	/// Prepares (and caches) the plan of `id` for inputs shaped like `inputs`; its cost.
	pub fn cost(
		&self,
		id: &ModelId,
		inputs: &[Tensor],
		load: impl FnOnce() -> Result<Vec<u8>, EngineError>,
	) -> Result<CostEstimate, EngineError> {
		kernels::pin()?;
		convert::check_inputs(&self.config, inputs)?;
		Ok(self.prepared(PlanKey::new(*id, inputs), load)?.cost.clone())
	}

	/// Runs the model whose ONNX bytes are `bytes` (its id is their hash).
	pub fn run_bytes(&self, bytes: &[u8], inputs: &[Tensor]) -> Result<Vec<Tensor>, EngineError> {
		let id = ModelId::of(bytes);
		self.run(&id, inputs, || Ok(bytes.to_vec()))
	}

	/// Whether a plan of `id` is cached (for any input shapes).
	pub fn has_plan(&self, id: &ModelId) -> bool {
		self.plans.lock().map(|cache| cache.has_model(id)).unwrap_or(false)
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

/// Refuses a call whose estimate exceeds the declared `budget`.
pub fn check_budget(cost: &CostEstimate, budget: &ModelCost) -> Result<(), EngineError> {
	if cost.ops > budget.ops {
		return Err(EngineError::OverBudget { what: "ops", cost: cost.ops, budget: budget.ops });
	}
	if cost.memory_bytes > budget.memory {
		return Err(EngineError::OverBudget {
			what: "bytes of memory",
			cost: cost.memory_bytes,
			budget: budget.memory,
		});
	}
	Ok(())
}

fn execute(prepared: &Prepared, inputs: &[Tensor]) -> Result<Vec<Tensor>, EngineError> {
	use tract_onnx::prelude::{IntoTValue, TValue, TVec};
	plan::guarded("running", || {
		let inputs = inputs
			.iter()
			.map(|t| convert::to_tract(t).map(|t| t.into_tvalue()))
			.collect::<Result<TVec<TValue>, _>>()?;
		let outputs = prepared
			.plan
			.run(inputs)
			.map_err(|e| EngineError::ExecutionFailed(format!("{e:#}")))?;
		let outputs =
			outputs.iter().map(|t| convert::from_tract(t)).collect::<Result<Vec<_>, _>>()?;
		// A finite input can still overflow a model: that is the request's outcome, the same on
		// every node, and never an output.
		if let Some(index) = outputs.iter().position(|t| !t.all_finite()) {
			return Err(EngineError::NonFiniteOutput { index });
		}
		Ok(outputs)
	})
}

/// The inputs and outputs the graph declares, read without any of the engine's checks.
pub fn declared_io(bytes: &[u8]) -> Result<(Vec<IoInfo>, Vec<IoInfo>), EngineError> {
	use prost::Message;
	let proto = tract_onnx::pb::ModelProto::decode(bytes)
		.map_err(|e| EngineError::InvalidModel(e.to_string()))?;
	let graph = proto.graph.unwrap_or_default();
	let weights: std::collections::HashSet<&str> =
		graph.initializer.iter().map(|t| t.name.as_str()).collect();
	let inputs = graph
		.input
		.iter()
		.filter(|i| !weights.contains(i.name.as_str()))
		.map(inspect::io_from_proto)
		.collect();
	Ok((inputs, graph.output.iter().map(inspect::io_from_proto).collect()))
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
