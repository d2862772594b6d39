//! From ONNX bytes to a checked, optimised, runnable plan; and the plan cache.

use std::{
	collections::{BTreeSet, HashMap},
	panic::{catch_unwind, AssertUnwindSafe},
	sync::Arc,
};

use sibyl_primitives::{DType, ModelId, Tensor};
use tract_onnx::{
	pb::{GraphProto, ModelProto},
	prelude::*,
	tract_hir::infer::Factoid,
	Onnx,
};

use crate::{convert, inspect::CostEstimate, EngineConfig, EngineError};

/// A cached plan is specific to a model and the dtypes and shapes of its inputs.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct PlanKey {
	/// The model.
	pub model: ModelId,
	/// Dtype and shape of each input, in order.
	pub signature: Vec<(DType, Vec<u32>)>,
}

impl PlanKey {
	/// The key for running `model` on `inputs`.
	pub fn new(model: ModelId, inputs: &[Tensor]) -> PlanKey {
		PlanKey { model, signature: inputs.iter().map(|t| (t.dtype, t.shape.to_vec())).collect() }
	}
}

/// Most nodes a graph may have, sub-graphs included. PP-OCR det, the largest model the
/// project runs, has about a thousand; a deeper graph only makes parsing and optimising slow.
pub const MAX_GRAPH_NODES: usize = 20_000;

/// A plan ready to run.
pub struct Prepared {
	/// The runnable model.
	pub plan: Arc<TypedRunnableModel>,
	/// What one run costs, estimated from the optimised graph.
	pub cost: CostEstimate,
}

/// A model input as the ONNX file declares it.
pub struct InputDecl {
	/// Its name.
	pub name: String,
	/// Its dtype, if declared.
	pub datum_type: Option<DatumType>,
	/// Its dimensions, if the rank is declared: `None` for a dynamic dimension.
	pub dims: Option<Vec<Option<i64>>>,
}

impl InputDecl {
	/// The shape as text, `?` for dynamic dimensions.
	pub fn shape_text(&self) -> String {
		match &self.dims {
			None => "[any rank]".into(),
			Some(dims) => format!(
				"[{}]",
				dims.iter()
					.map(|d| d.map_or("?".to_string(), |d| d.to_string()))
					.collect::<Vec<_>>()
					.join(", ")
			),
		}
	}
}

/// Decodes the ONNX protobuf.
pub fn parse(bytes: &[u8]) -> Result<(Onnx, ModelProto), EngineError> {
	let mut onnx = tract_onnx::onnx();
	crate::guard::register(&mut onnx.op_register);
	crate::ml::register(&mut onnx.op_register);
	crate::control::register(&mut onnx.op_register);
	let proto = onnx
		.proto_model_for_read(&mut &bytes[..])
		.map_err(|e| EngineError::InvalidModel(format!("{e:#}")))?;
	if proto.graph.is_none() {
		return Err(EngineError::InvalidModel("the model has no graph".into()));
	}
	let nodes: usize = operators(&proto).iter().map(|(_, n)| n).sum();
	if nodes > MAX_GRAPH_NODES {
		return Err(EngineError::InvalidModel(format!(
			"the graph has {nodes} nodes, above the limit of {MAX_GRAPH_NODES}"
		)));
	}
	Ok((onnx, proto))
}

/// Operator types of every node, sub-graphs included, with their counts.
pub fn operators(proto: &ModelProto) -> Vec<(String, usize)> {
	let mut counts: HashMap<String, usize> = HashMap::new();
	if let Some(graph) = &proto.graph {
		count_ops(graph, &mut counts);
	}
	let mut ops: Vec<(String, usize)> = counts.into_iter().collect();
	ops.sort();
	ops
}

fn count_ops(graph: &GraphProto, counts: &mut HashMap<String, usize>) {
	for node in &graph.node {
		*counts.entry(node.op_type.clone()).or_default() += 1;
		for attribute in &node.attribute {
			if let Some(g) = &attribute.g {
				count_ops(g, counts);
			}
			for g in &attribute.graphs {
				count_ops(g, counts);
			}
		}
	}
}

/// Operators of `proto` that the engine does not implement.
pub fn unsupported(onnx: &Onnx, proto: &ModelProto) -> Vec<String> {
	let known = &onnx.op_register.0;
	operators(proto)
		.into_iter()
		.map(|(op, _)| op)
		.filter(|op| !known.contains_key(op))
		.collect::<BTreeSet<_>>()
		.into_iter()
		.collect()
}

/// Builds the inference model, refusing unsupported operators first.
pub fn load(onnx: &Onnx, proto: &ModelProto) -> Result<InferenceModel, EngineError> {
	let unsupported = unsupported(onnx, proto);
	if !unsupported.is_empty() {
		return Err(EngineError::UnsupportedOperator(unsupported));
	}
	onnx.model_for_proto_model(proto).map_err(|e| EngineError::InvalidModel(format!("{e:#}")))
}

/// The inputs as the file declares them.
pub fn declared_inputs(model: &InferenceModel) -> Result<Vec<InputDecl>, EngineError> {
	let mut inputs = Vec::with_capacity(model.inputs.len());
	for (ix, outlet) in model.inputs.iter().enumerate() {
		let fact = model.input_fact(ix).map_err(|e| EngineError::InvalidModel(format!("{e:#}")))?;
		let dims = fact.shape.rank().concretize().map(|_| {
			fact.shape.dims().map(|d| d.concretize().and_then(|d| d.to_i64().ok())).collect()
		});
		inputs.push(InputDecl {
			name: model.node(outlet.node).name.clone(),
			datum_type: fact.datum_type.concretize(),
			dims,
		});
	}
	Ok(inputs)
}

/// Fixes every input to a concrete dtype and shape, then types and optimises the model.
pub fn optimise(
	mut model: InferenceModel,
	inputs: &[(DatumType, Vec<usize>)],
) -> Result<TypedModel, EngineError> {
	for (ix, (dt, shape)) in inputs.iter().enumerate() {
		model
			.set_input_fact(ix, InferenceFact::dt_shape(*dt, shape.as_slice()))
			.map_err(|e| EngineError::InvalidModel(format!("{e:#}")))?;
	}
	let shapes: Vec<&Vec<usize>> = inputs.iter().map(|(_, s)| s).collect();
	model.into_optimized().map_err(|e| {
		EngineError::InvalidModel(format!("cannot be prepared for input shapes {shapes:?}: {e:#}"))
	})
}

/// Checks every tensor the model will hold is concrete and within limits; returns the total
/// bytes of the outputs.
pub fn check_facts(config: &EngineConfig, model: &TypedModel) -> Result<u64, EngineError> {
	for node in model.nodes() {
		for output in &node.outputs {
			let bytes = fact_bytes(&output.fact).ok_or_else(|| {
				EngineError::UnboundedShape(format!(
					"node `{}` produces shape {:?}, which the input shapes do not bound",
					node.name, output.fact.shape
				))
			})?;
			if bytes > config.max_intermediate_bytes as u64 {
				return Err(EngineError::IntermediateTooLarge {
					node: node.name.clone(),
					bytes,
					limit: config.max_intermediate_bytes,
				});
			}
		}
	}
	let mut total: u64 = 0;
	for outlet in &model.outputs {
		let fact =
			model.outlet_fact(*outlet).map_err(|e| EngineError::InvalidModel(format!("{e:#}")))?;
		if convert::dtype(fact.datum_type).is_none() {
			return Err(EngineError::InvalidModel(format!(
				"output dtype {:?} is not one the chain carries",
				fact.datum_type
			)));
		}
		total = total.saturating_add(fact_bytes(fact).unwrap_or(u64::MAX));
	}
	if total > config.max_output_bytes as u64 {
		return Err(EngineError::OutputTooLarge { bytes: total, limit: config.max_output_bytes });
	}
	Ok(total)
}

fn fact_bytes(fact: &TypedFact) -> Option<u64> {
	let shape = fact.shape.as_concrete()?;
	shape.iter().try_fold(fact.datum_type.size_of() as u64, |acc, d| acc.checked_mul(*d as u64))
}

/// Checks the inputs against the declarations.
pub fn check_signature(
	declared: &[InputDecl],
	signature: &[(DType, Vec<u32>)],
) -> Result<(), EngineError> {
	if declared.len() != signature.len() {
		return Err(EngineError::InputCountMismatch {
			expected: declared.len(),
			given: signature.len(),
		});
	}
	for (decl, (dtype, shape)) in declared.iter().zip(signature) {
		if let Some(dt) = decl.datum_type {
			if dt != convert::datum_type(*dtype) {
				return Err(EngineError::InputTypeMismatch {
					input: decl.name.clone(),
					expected: format!("{dt:?}").to_lowercase(),
					given: *dtype,
				});
			}
		}
		if let Some(dims) = &decl.dims {
			let fits = dims.len() == shape.len()
				&& dims.iter().zip(shape).all(|(d, s)| d.is_none_or(|d| d == i64::from(*s)));
			if !fits {
				return Err(EngineError::InputShapeMismatch {
					input: decl.name.clone(),
					expected: decl.shape_text(),
					given: shape.clone(),
				});
			}
		}
	}
	Ok(())
}

/// Parses, checks, optimises and plans `bytes` for the inputs of `key`.
pub fn prepare(
	config: &EngineConfig,
	bytes: &[u8],
	key: &PlanKey,
) -> Result<Prepared, EngineError> {
	guarded("preparing", || prepare_inner(config, bytes, key))
}

/// Runs `f`, turning a panic inside it (tract's, or ours) into
/// [`EngineError::ExecutionFailed`] that names what the engine was `doing`.
pub fn guarded<T>(
	doing: &str,
	f: impl FnOnce() -> Result<T, EngineError>,
) -> Result<T, EngineError> {
	catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|panic| {
		let message = panic_message(&panic);
		// tract panics when an allocation fails: that is this node's memory limit, not the
		// model's verdict, and must never be sealed as an outcome.
		if message.contains("failed to allocate") || message.contains("memory allocation") {
			return Err(EngineError::ResourceLimit(format!(
				"out of memory while {doing} the model: {message}"
			)));
		}
		Err(EngineError::ExecutionFailed(format!(
			"the engine panicked while {doing} the model: {message}"
		)))
	})
}

fn prepare_inner(
	config: &EngineConfig,
	bytes: &[u8],
	key: &PlanKey,
) -> Result<Prepared, EngineError> {
	let (onnx, proto) = parse(bytes)?;
	let model = load(&onnx, &proto)?;
	check_signature(&declared_inputs(&model)?, &key.signature)?;
	let inputs: Vec<(DatumType, Vec<usize>)> = key
		.signature
		.iter()
		.map(|(dt, shape)| (convert::datum_type(*dt), shape.iter().map(|d| *d as usize).collect()))
		.collect();
	let typed = optimise(model, &inputs)?;
	let output_bytes = check_facts(config, &typed)?;
	let cost = cost(&typed, output_bytes, bytes.len() as u64)?;
	let plan = typed.into_runnable().map_err(|e| EngineError::ExecutionFailed(format!("{e:#}")))?;
	Ok(Prepared { plan, cost })
}

/// The text of a caught panic.
pub fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
	if let Some(s) = panic.downcast_ref::<&str>() {
		s.to_string()
	} else if let Some(s) = panic.downcast_ref::<String>() {
		s.clone()
	} else {
		"unknown panic".into()
	}
}

/// Plans by key, evicting the least recently used beyond a memory estimate.
pub struct PlanCache {
	entries: HashMap<PlanKey, (Arc<Prepared>, usize, u64)>,
	held: usize,
	limit: usize,
	clock: u64,
}

impl PlanCache {
	/// An empty cache holding plans for at most `limit` bytes of models.
	pub fn new(limit: usize) -> PlanCache {
		PlanCache { entries: HashMap::new(), held: 0, limit, clock: 0 }
	}

	/// The plan for `key`, if cached.
	pub fn get(&mut self, key: &PlanKey) -> Option<Arc<Prepared>> {
		self.clock = self.clock.wrapping_add(1);
		let clock = self.clock;
		self.entries.get_mut(key).map(|(plan, _, used)| {
			*used = clock;
			plan.clone()
		})
	}

	/// Caches `plan`, estimated to hold about twice the model's `model_bytes`.
	pub fn insert(&mut self, key: PlanKey, plan: Arc<Prepared>, model_bytes: usize) {
		let cost = model_bytes.saturating_mul(2);
		self.clock = self.clock.wrapping_add(1);
		if let Some((_, old, _)) = self.entries.insert(key, (plan, cost, self.clock)) {
			self.held = self.held.saturating_sub(old);
		}
		self.held = self.held.saturating_add(cost);
		while self.held > self.limit && self.entries.len() > 1 {
			let Some(oldest) =
				self.entries.iter().min_by_key(|(_, (_, _, used))| *used).map(|(k, _)| k.clone())
			else {
				break;
			};
			if let Some((_, freed, _)) = self.entries.remove(&oldest) {
				self.held = self.held.saturating_sub(freed);
			}
		}
	}

	/// Whether a plan of `model` is cached.
	pub fn has_model(&self, model: &ModelId) -> bool {
		self.entries.keys().any(|key| key.model == *model)
	}

	/// Number of cached plans.
	pub fn len(&self) -> usize {
		self.entries.len()
	}

	/// Drops every plan.
	pub fn clear(&mut self) {
		self.entries.clear();
		self.held = 0;
	}
}

/// The work one run of `model` takes, and the memory it holds.
///
/// `ops` adds tract's own count of multiply-accumulates and divisions to one operation per
/// element every operator writes, so an operator tract does not count (an `Expand`, a `Gather`,
/// an elementwise chain over a large tensor) is still paid for. `memory_bytes` is the model's
/// file size (its weights, which the plan holds, packed) plus the constants the optimiser
/// created, plus the most bytes of intermediate tensors alive at once, walking the plan's order
/// and freeing each tensor after its last reader, as tract's plan does.
///
/// Nested graphs are counted by what they can cost: a loop (`Scan`, and the `LSTM`/`GRU`/`RNN`
/// tract builds on it) its body times its iteration count, which the fixed input shapes
/// determine; an `If` on an input value its costlier branch; the memory of either is the body's
/// own on top of the enclosing graph's.
pub fn cost(
	model: &TypedModel,
	output_bytes: u64,
	model_bytes: u64,
) -> Result<CostEstimate, EngineError> {
	let work = work(model, 0)?;
	Ok(CostEstimate {
		fma: work.fma,
		div: work.div,
		params: work.params,
		peak_tensor_bytes: work.peak_tensor_bytes,
		output_bytes,
		ops: work.fma.saturating_add(work.div).saturating_add(work.elements),
		memory_bytes: work.memory.saturating_add(model_bytes),
	})
}

/// How deep graphs may nest (an `If` in a loop in an `If`…) before the engine refuses them.
pub const MAX_NESTING: usize = 8;

/// What one run of a (sub-)graph costs.
#[derive(Clone, Copy, Default)]
struct Work {
	fma: u64,
	div: u64,
	params: u64,
	elements: u64,
	peak_tensor_bytes: u64,
	memory: u64,
}

impl Work {
	fn ops(&self) -> u64 {
		self.fma.saturating_add(self.div).saturating_add(self.elements)
	}

	/// This work done `times` times, in sequence (memory is reused between runs).
	fn times(self, times: u64) -> Work {
		Work {
			fma: self.fma.saturating_mul(times),
			div: self.div.saturating_mul(times),
			params: self.params,
			elements: self.elements.saturating_mul(times),
			peak_tensor_bytes: self.peak_tensor_bytes,
			memory: self.memory,
		}
	}

	/// Adds a nested graph's work, run while this graph's tensors are alive.
	fn nest(&mut self, inner: Work) {
		self.fma = self.fma.saturating_add(inner.fma);
		self.div = self.div.saturating_add(inner.div);
		self.params = self.params.saturating_add(inner.params);
		self.elements = self.elements.saturating_add(inner.elements);
		self.peak_tensor_bytes = self.peak_tensor_bytes.max(inner.peak_tensor_bytes);
	}
}

fn invalid(e: impl std::fmt::Display) -> EngineError {
	EngineError::InvalidModel(format!("{e:#}"))
}

fn work(model: &TypedModel, depth: usize) -> Result<Work, EngineError> {
	use tract_onnx::tract_core::ops::{
		logic::IfThenElse,
		scan::{OptScan, Scan},
	};
	if depth > MAX_NESTING {
		return Err(EngineError::InvalidModel(format!("graphs nest more than {MAX_NESTING} deep")));
	}
	let mut work = Work::default();
	let mut nested_memory: u64 = 0;
	for node in model.nodes() {
		let inputs = model.node_input_facts(node.id).map_err(invalid)?;
		for (kind, amount) in node.op.cost(&inputs).map_err(invalid)? {
			let amount = amount.to_i64().ok().and_then(|a| u64::try_from(a).ok()).unwrap_or(0);
			match kind {
				tract_onnx::tract_core::ops::Cost::FMA(_) => {
					work.fma = work.fma.saturating_add(amount)
				},
				tract_onnx::tract_core::ops::Cost::Div(_) => {
					work.div = work.div.saturating_add(amount)
				},
				tract_onnx::tract_core::ops::Cost::Params(_) => {
					work.params = work.params.saturating_add(amount)
				},
				_ => {},
			}
		}
		let inner = if let Some(scan) = node.op_as::<OptScan>() {
			let iterations = scan
				.iteration_count(&inputs)
				.and_then(|d| d.to_i64().ok())
				.and_then(|i| u64::try_from(i).ok())
				.ok_or_else(|| {
					EngineError::UnboundedShape(format!(
						"the loop `{}` has no iteration count the input shapes fix",
						node.name
					))
				})?;
			Some(loop_work(scan.plan.model(), depth, iterations)?)
		} else if let Some(body) = node.op_as::<crate::control::PlannedLoop>() {
			Some(loop_work(body.plan.model(), depth, body.trips)?)
		} else if let Some(branches) = node.op_as::<crate::control::PlannedIf>() {
			let mut costlier: Option<Work> = None;
			for plan in branches.plans() {
				let branch = work_and_memory(plan.model(), depth)?;
				costlier = Some(match costlier {
					Some(other) => {
						let memory = other.memory.max(branch.memory);
						let mut more = if other.ops() >= branch.ops() { other } else { branch };
						more.memory = memory;
						more
					},
					None => branch,
				});
			}
			costlier
		} else if node.op_is::<Scan>() || node.op_is::<IfThenElse>() {
			// Optimisation turns both into the forms above; a cost this walk cannot see is
			// not a cost to guess.
			return Err(EngineError::InvalidModel(format!(
				"the engine cannot bound the cost of `{}` ({})",
				node.name,
				node.op.name()
			)));
		} else {
			None
		};
		if let Some(inner) = inner {
			nested_memory = nested_memory.max(inner.memory);
			work.nest(inner);
		}
		let konst = node.op_is::<tract_onnx::tract_core::ops::konst::Const>();
		for output in &node.outputs {
			if let Some(shape) = output.fact.shape.as_concrete() {
				let count = shape.iter().fold(1u64, |acc, d| acc.saturating_mul(*d as u64));
				let bytes = count.saturating_mul(output.fact.datum_type.size_of() as u64);
				work.peak_tensor_bytes = work.peak_tensor_bytes.max(bytes);
				if !konst {
					work.elements = work.elements.saturating_add(count);
				}
			}
		}
	}
	work.memory = live_memory(model)?.saturating_add(nested_memory);
	Ok(work)
}

/// What running one node of a loop body once costs beyond its arithmetic, in ops: the
/// dispatch of a plan step (about a microsecond at the 2·10⁹ ops/s the deadlines assume). Without
/// it a loop of many trips over a tiny body would be declared nearly free, and priced and timed
/// as such, while each step's overhead dwarfs its arithmetic.
pub const LOOP_STEP_OPS_PER_NODE: u64 = 2_000;

/// A loop body's work `trips` times, with each step's dispatch overhead.
fn loop_work(body: &TypedModel, depth: usize, trips: u64) -> Result<Work, EngineError> {
	let mut work = work_and_memory(body, depth)?.times(trips);
	let overhead =
		(body.nodes().len() as u64).saturating_mul(LOOP_STEP_OPS_PER_NODE).saturating_mul(trips);
	work.elements = work.elements.saturating_add(overhead);
	Ok(work)
}

/// The work of a nested graph, which must itself be bounded.
fn work_and_memory(body: &TypedModel, depth: usize) -> Result<Work, EngineError> {
	for node in body.nodes() {
		for output in &node.outputs {
			if fact_bytes(&output.fact).is_none() {
				return Err(EngineError::UnboundedShape(format!(
					"node `{}` of a nested graph produces shape {:?}, which the input shapes do \
					 not bound",
					node.name, output.fact.shape
				)));
			}
		}
	}
	work(body, depth.saturating_add(1))
}

/// Bytes of constants plus the peak bytes of intermediate tensors alive at once, in plan order.
fn live_memory(model: &TypedModel) -> Result<u64, EngineError> {
	use tract_onnx::tract_core::ops::konst::Const;
	let order = model.eval_order().map_err(|e| EngineError::InvalidModel(format!("{e:#}")))?;
	let count = model.nodes().len();
	let node_bytes = |id: usize| -> u64 {
		model.nodes().get(id).map_or(0, |node| {
			node.outputs
				.iter()
				.map(|o| fact_bytes(&o.fact).unwrap_or(u64::MAX))
				.fold(0u64, |acc, b| acc.saturating_add(b))
		})
	};
	// Position in `order` of each node's last reader; graph outputs live to the end.
	let mut last_read: Vec<usize> = vec![0; count];
	for (position, &id) in order.iter().enumerate() {
		if let Some(slot) = last_read.get_mut(id) {
			*slot = (*slot).max(position);
		}
		for input in &model.nodes().get(id).map(|n| n.inputs.clone()).unwrap_or_default() {
			if let Some(slot) = last_read.get_mut(input.node) {
				*slot = (*slot).max(position);
			}
		}
	}
	for output in &model.outputs {
		if let Some(slot) = last_read.get_mut(output.node) {
			*slot = usize::MAX;
		}
	}
	let (mut constants, mut live, mut peak) = (0u64, 0u64, 0u64);
	let mut frees: HashMap<usize, Vec<usize>> = HashMap::new();
	for (position, &id) in order.iter().enumerate() {
		let Some(node) = model.nodes().get(id) else { continue };
		if node.op_is::<Const>() {
			constants = constants.saturating_add(node_bytes(id));
			continue;
		}
		live = live.saturating_add(node_bytes(id));
		peak = peak.max(live);
		if let Some(&last) = last_read.get(id) {
			frees.entry(last).or_default().push(id);
		}
		for freed in frees.remove(&position).unwrap_or_default() {
			live = live.saturating_sub(node_bytes(freed));
		}
	}
	Ok(constants.saturating_add(peak))
}

#[cfg(test)]
mod tests {
	#![allow(clippy::unwrap_used, clippy::panic)]
	use super::*;

	#[test]
	fn a_panic_becomes_an_execution_error() {
		let result: Result<(), EngineError> = guarded("running", || panic!("tract fell over"));
		match result {
			Err(EngineError::ExecutionFailed(message)) => {
				assert!(message.contains("panicked while running"), "{message}");
				assert!(message.contains("tract fell over"), "{message}");
			},
			other => panic!("expected ExecutionFailed, got {other:?}"),
		}
		let owned: Result<(), EngineError> =
			guarded("preparing", || panic!("{}", String::from("formatted")));
		assert!(matches!(owned, Err(EngineError::ExecutionFailed(m)) if m.contains("formatted")));
		assert_eq!(guarded("running", || Ok(7)).unwrap(), 7);
	}
}
