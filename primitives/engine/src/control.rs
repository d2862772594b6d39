//! Control flow: ONNX `If`, in front of tract's own translator, and `Loop`, which tract lacks.
//!
//! Exporters (PyTorch above all) write `If` in two ways, and tract 0.23 handles neither the way
//! onnxruntime does:
//!
//! - **Conditions fixed by the shapes** (`torch.squeeze(x, d)` becomes "if `x.shape[d] == 1`
//!   then `Squeeze` else `Identity`"). Once the engine has fixed the input shapes the condition
//!   is a constant, and only the taken branch is real: the other one may not even type-check
//!   for these shapes (squeezing an axis that is not 1), and the branches may give different
//!   shapes. tract analyses and types both and fails; here only the taken branch is analysed and
//!   it is inlined into the graph, as onnxruntime evaluates only the taken branch.
//! - **Conditions on input values** (silero-vad's `sr == 16000`). Both branches must type-check
//!   and agree on their outputs' types and shapes, so that the plan, its cost and its output
//!   shapes do not depend on a value. tract then re-plans the taken branch on every run; here
//!   each branch is optimised and planned once ([`PlannedIf`]), and the cost estimate takes the
//!   costlier branch.
//!
//! Sub-graphs' declared shapes are hints in ONNX; their symbolic dimensions (`batch`) are
//! dropped before tract reads them, because tract would treat them as new symbols that the
//! shapes the engine fixes cannot unify with.

use std::sync::Arc;

use tract_onnx::{
	model::{OnnxOpRegister, ParsingContext},
	pb::{self, GraphProto, NodeProto},
	prelude::*,
	tract_hir::internal::*,
};

/// Registers the engine's `If` in place of tract's.
pub fn register(reg: &mut OnnxOpRegister) {
	reg.insert("If", if_translator);
	reg.insert("Loop", loop_translator);
}

/// The ONNX `If` translator.
fn if_translator(
	ctx: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	let then_graph = without_symbols(node.get_attr::<&GraphProto>("then_branch")?);
	let else_graph = without_symbols(node.get_attr::<&GraphProto>("else_branch")?);
	let then_parsed = ctx.parse_graph(&then_graph)?;
	let else_parsed = ctx.parse_graph(&else_graph)?;
	let mut unresolved: Vec<String> = then_parsed
		.unresolved_inputs
		.iter()
		.chain(else_parsed.unresolved_inputs.iter())
		.cloned()
		.collect();
	unresolved.sort();
	unresolved.dedup();
	let mapping = |names: &[String]| -> TractResult<Vec<usize>> {
		names
			.iter()
			.map(|name| {
				unresolved
					.iter()
					.position(|s| s == name)
					.map(|ix| ix + 1)
					.ok_or_else(|| format_err!("If: branch input `{name}` is not resolved"))
			})
			.collect()
	};
	let op = If {
		then_input_mapping: mapping(&then_parsed.unresolved_inputs)?,
		else_input_mapping: mapping(&else_parsed.unresolved_inputs)?,
		then_body: then_parsed.model,
		else_body: else_parsed.model,
	};
	if op.then_body.outputs.len() != op.else_body.outputs.len() {
		bail!(
			"If: the then branch has {} outputs and the else branch {}",
			op.then_body.outputs.len(),
			op.else_body.outputs.len()
		);
	}
	Ok((Box::new(op), unresolved))
}

/// A copy of `graph` whose declared input, output and intermediate shapes keep their fixed
/// dimensions and forget their symbolic ones (nested graphs are handled when they are parsed).
fn without_symbols(graph: &GraphProto) -> GraphProto {
	let mut graph = graph.clone();
	for info in
		graph.input.iter_mut().chain(graph.output.iter_mut()).chain(graph.value_info.iter_mut())
	{
		let Some(pb::type_proto::Value::TensorType(tensor)) =
			info.r#type.as_mut().and_then(|t| t.value.as_mut())
		else {
			continue;
		};
		if let Some(shape) = tensor.shape.as_mut() {
			for dim in &mut shape.dim {
				if matches!(dim.value, Some(pb::tensor_shape_proto::dimension::Value::DimParam(_)))
				{
					dim.value = None;
				}
			}
		}
	}
	graph
}

/// `If` in tract's inference model: inputs are the condition then every name the branches read
/// from the enclosing graphs.
#[derive(Debug, Clone)]
struct If {
	then_body: InferenceModel,
	then_input_mapping: Vec<usize>,
	else_body: InferenceModel,
	else_input_mapping: Vec<usize>,
}

impl PartialEq for If {
	fn eq(&self, _: &Self) -> bool {
		false
	}
}
impl Eq for If {}

impl Op for If {
	fn name(&self) -> StaticName {
		"If".into()
	}

	not_a_typed_op!();
}

impl EvalOp for If {
	op_out_of_plan!();
}

/// Unifies a branch's inputs with the `If`'s; true if anything changed.
fn unify_inputs(
	body: &mut InferenceModel,
	mapping: &[usize],
	inputs: &mut [InferenceFact],
) -> TractResult<bool> {
	let mut changed = false;
	for (body_ix, outer_ix) in mapping.iter().enumerate() {
		let outer = inputs
			.get_mut(*outer_ix)
			.ok_or_else(|| format_err!("If: branch input {outer_ix} out of range"))?;
		changed |= body.input_fact_mut(body_ix)?.unify_with_mut(outer)?;
	}
	Ok(changed)
}

impl If {
	/// The branch the condition takes, if the analysis knows the condition.
	fn known_condition(fact: &InferenceFact) -> TractResult<Option<bool>> {
		fact.value.concretize().map(|c| c.cast_to_scalar::<bool>()).transpose()
	}
}

impl InferenceOp for If {
	fn infer_facts(
		&mut self,
		inputs: TVec<&InferenceFact>,
		outputs: TVec<&InferenceFact>,
		observed: TVec<&InferenceFact>,
	) -> TractResult<(TVec<InferenceFact>, TVec<InferenceFact>, TVec<InferenceFact>)> {
		let mut inputs: TVec<InferenceFact> = inputs.into_iter().cloned().collect();
		let mut outputs: TVec<InferenceFact> = outputs.into_iter().cloned().collect();
		let observed = observed.into_iter().cloned().collect();
		inputs
			.first_mut()
			.ok_or_else(|| format_err!("If: no condition"))?
			.datum_type
			.unify_with(&bool::datum_type().into())?;
		loop {
			let mut changed = false;
			match Self::known_condition(&inputs[0])? {
				Some(cond) => {
					// Only the taken branch is real: analyse it alone, errors included.
					let (body, mapping) = if cond {
						(&mut self.then_body, &self.then_input_mapping)
					} else {
						(&mut self.else_body, &self.else_input_mapping)
					};
					changed |= unify_inputs(body, mapping, &mut inputs)?;
					for (ix, output) in outputs.iter_mut().enumerate() {
						changed |= body.output_fact_mut(ix)?.unify_with_mut(output)?;
					}
					changed |= body.analyse(false)?;
				},
				None => {
					// The condition may still become known, and until it is either branch
					// may be the unreal one: facts flow into the branches but not out of
					// them, except output facts both branches fully agree on; a branch that
					// cannot be analysed yet is not an error (`to_typed` decides).
					for (body, mapping) in [
						(&mut self.then_body, &self.then_input_mapping),
						(&mut self.else_body, &self.else_input_mapping),
					] {
						for (body_ix, outer_ix) in mapping.iter().enumerate() {
							let (Ok(fact), Some(outer)) =
								(body.input_fact_mut(body_ix), inputs.get(*outer_ix))
							else {
								continue;
							};
							changed |= fact.unify_with(outer).unwrap_or(false);
						}
						changed |= body.analyse(false).unwrap_or(false);
					}
					for (ix, output) in outputs.iter_mut().enumerate() {
						let (Ok(a), Ok(b)) =
							(self.then_body.output_fact(ix), self.else_body.output_fact(ix))
						else {
							continue;
						};
						let concrete = |f: &InferenceFact| {
							f.datum_type.concretize().is_some() && f.shape.concretize().is_some()
						};
						if concrete(a) && a.datum_type == b.datum_type && a.shape == b.shape {
							let mut agreed = a.clone().without_value();
							changed |= output.unify_with_mut(&mut agreed)?;
						}
					}
				},
			}
			if !changed {
				return Ok((inputs, outputs, observed));
			}
		}
	}

	fn nboutputs(&self) -> TractResult<usize> {
		Ok(self.then_body.outputs.len())
	}

	fn to_typed(
		&self,
		source: &InferenceModel,
		node: &InferenceNode,
		target: &mut TypedModel,
		mapping: &HashMap<OutletId, OutletId>,
	) -> TractResult<TVec<OutletId>> {
		let inputs: TVec<OutletId> = node
			.inputs
			.iter()
			.map(|o| mapping.get(o).copied().ok_or_else(|| format_err!("If: unmapped input")))
			.collect::<TractResult<_>>()?;
		let cond = node.inputs.first().ok_or_else(|| format_err!("If: no condition"))?;
		if let Some(cond) = Self::known_condition(source.outlet_fact(*cond)?)? {
			let (body, input_mapping) = if cond {
				(&self.then_body, &self.then_input_mapping)
			} else {
				(&self.else_body, &self.else_input_mapping)
			};
			let body = body.clone().into_typed()?;
			let body_inputs: Vec<OutletId> = input_mapping
				.iter()
				.map(|ix| {
					inputs.get(*ix).copied().ok_or_else(|| format_err!("If: input {ix} missing"))
				})
				.collect::<TractResult<_>>()?;
			return inline(target, &node.name, &body, &body_inputs);
		}
		let branch = |body: &InferenceModel, input_mapping: &[usize]| Branch {
			plan: body
				.clone()
				.into_typed()
				.and_then(|typed| typed.into_optimized())
				.and_then(|typed| typed.into_runnable())
				.map_err(|e| format!("{e:#}")),
			input_mapping: input_mapping.to_vec(),
		};
		let op = PlannedIf {
			name: node.name.clone(),
			then_branch: branch(&self.then_body, &self.then_input_mapping),
			else_branch: branch(&self.else_body, &self.else_input_mapping),
		};
		match (&op.then_branch.plan, &op.else_branch.plan) {
			(Err(a), Err(b)) => bail!(
				"If `{}`: neither branch can run on these input shapes (then: {a}; else: {b})",
				node.name
			),
			(Ok(a), Ok(b)) => {
				for ix in 0..a.model().outputs.len() {
					let (a, b) = (a.model().output_fact(ix)?, b.model().output_fact(ix)?);
					if a.without_value() != b.without_value() {
						bail!(
							"If `{}` decides on an input value and its branches give output {ix} \
							 as {a:?} and {b:?}: the engine needs both branches to agree on \
							 types and shapes",
							node.name
						);
					}
				}
			},
			_ => {},
		}
		target.wire_node(&node.name, op, &inputs)
	}

	as_op!();
}

/// Wires the nodes of `body` into `target` after `inputs`, names prefixed by `prefix`; returns
/// the outlets of the body's outputs.
fn inline(
	target: &mut TypedModel,
	prefix: &str,
	body: &TypedModel,
	inputs: &[OutletId],
) -> TractResult<TVec<OutletId>> {
	let sources = body.input_outlets()?;
	if sources.len() != inputs.len() {
		bail!("If: the branch reads {} inputs, {} given", sources.len(), inputs.len());
	}
	let mut wired: HashMap<OutletId, OutletId> =
		sources.iter().copied().zip(inputs.iter().copied()).collect();
	for id in body.eval_order()? {
		if sources.iter().any(|s| s.node == id) {
			continue;
		}
		let node = body.node(id);
		let node_inputs: TVec<OutletId> = node
			.inputs
			.iter()
			.map(|o| wired.get(o).copied().ok_or_else(|| format_err!("If: branch out of order")))
			.collect::<TractResult<_>>()?;
		let outlets =
			target.wire_node(format!("{prefix}.{}", node.name), node.op.clone(), &node_inputs)?;
		for (slot, outlet) in outlets.into_iter().enumerate() {
			wired.insert(OutletId::new(id, slot), outlet);
		}
	}
	body.outputs
		.iter()
		.map(|o| wired.get(o).copied().ok_or_else(|| format_err!("If: branch output not wired")))
		.collect()
}

/// One branch of a [`PlannedIf`].
#[derive(Debug, Clone)]
pub struct Branch {
	/// The branch optimised and planned, or why it cannot run on the fixed input shapes.
	pub plan: Result<Arc<TypedRunnableModel>, String>,
	/// Which of the `If`'s inputs feed the branch's inputs.
	input_mapping: Vec<usize>,
}

/// An `If` on an input value, each branch optimised and planned once. A branch that cannot be
/// typed for the fixed input shapes (silero-vad's 8 kHz branch given a 16 kHz frame) fails when
/// taken, as in onnxruntime; the other runs.
#[derive(Debug, Clone)]
pub struct PlannedIf {
	name: String,
	/// Run when the condition is true.
	pub then_branch: Branch,
	/// Run when the condition is false.
	pub else_branch: Branch,
}

impl PlannedIf {
	/// The plans of the branches that can run.
	pub fn plans(&self) -> impl Iterator<Item = &Arc<TypedRunnableModel>> {
		[&self.then_branch, &self.else_branch].into_iter().filter_map(|b| b.plan.as_ref().ok())
	}
}

impl PartialEq for PlannedIf {
	fn eq(&self, _: &Self) -> bool {
		false
	}
}
impl Eq for PlannedIf {}

impl Op for PlannedIf {
	fn name(&self) -> StaticName {
		"If".into()
	}

	op_as_typed_op!();
}

impl EvalOp for PlannedIf {
	op_out_of_plan!();

	fn eval(&self, _ctx: &EvalContext, inputs: TVec<TValue>) -> TractResult<TVec<TValue>> {
		let cond = inputs.first().ok_or_else(|| format_err!("If: no condition"))?;
		let (branch, which) = if cond.cast_to_scalar::<bool>()? {
			(&self.then_branch, "then")
		} else {
			(&self.else_branch, "else")
		};
		let plan = branch.plan.as_ref().map_err(|why| {
			format_err!(
				"If `{}` took its {which} branch, which cannot run on these input shapes: {why}",
				self.name
			)
		})?;
		let inputs: TVec<TValue> = branch
			.input_mapping
			.iter()
			.map(|ix| inputs.get(*ix).cloned().ok_or_else(|| format_err!("If: input {ix} missing")))
			.collect::<TractResult<_>>()?;
		plan.run(inputs)
	}
}

impl TypedOp for PlannedIf {
	fn output_facts(&self, _inputs: &[&TypedFact]) -> TractResult<TVec<TypedFact>> {
		let plan = self.plans().next().ok_or_else(|| format_err!("If: no branch can run"))?;
		let model = plan.model();
		(0..model.outputs.len()).map(|ix| Ok(model.output_fact(ix)?.without_value())).collect()
	}

	as_op!();
}

/// Most iterations a `Loop` may declare (its cost, body × trips, is bounded separately).
pub const MAX_LOOP_TRIPS: i64 = 1 << 24;

/// The ONNX `Loop` translator. Only loops whose cost the engine can bound are accepted: the trip
/// count `M` must be present and fixed when the input shapes are (a constant, or computed from
/// shapes), and a loop that may stop early on its condition must not have scan outputs (their
/// length would depend on values).
fn loop_translator(
	ctx: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	let has_trips = node.input.first().is_some_and(|s| !s.is_empty());
	let has_cond = node.input.get(1).is_some_and(|s| !s.is_empty());
	if !has_trips {
		bail!("Loop without a trip count (M): its cost cannot be bounded");
	}
	let graph = without_symbols(node.get_attr::<&GraphProto>("body")?);
	let parsed = ctx.parse_graph(&graph)?;
	let closures = parsed.unresolved_inputs.len();
	let body_inputs = parsed.model.inputs.len();
	let carried = body_inputs.checked_sub(2 + closures).ok_or_else(|| {
		format_err!("Loop: the body must take the iteration number and condition")
	})?;
	let scans = parsed.model.outputs.len().checked_sub(1 + carried).ok_or_else(|| {
		format_err!("Loop: the body must give the condition and every carried value")
	})?;
	let declared = node.input.len().saturating_sub(2);
	if declared != carried {
		bail!("Loop: {declared} initial values for a body carrying {carried}");
	}
	if has_cond && scans > 0 {
		bail!(
			"Loop with a condition input and scan outputs: the outputs' length would depend on \
			 values, so the engine cannot bound them"
		);
	}
	let op = Loop { body: parsed.model, has_cond, carried, scans };
	Ok((Box::new(op), parsed.unresolved_inputs))
}

/// `Loop` in tract's inference model. Inputs: `M`, the condition if present, the carried
/// values' initial values, then the names the body reads from enclosing graphs. Body inputs:
/// iteration number, condition, carried values, those names. Body outputs: condition, carried
/// values, scan outputs.
#[derive(Debug, Clone)]
struct Loop {
	body: InferenceModel,
	has_cond: bool,
	carried: usize,
	scans: usize,
}

impl PartialEq for Loop {
	fn eq(&self, _: &Self) -> bool {
		false
	}
}
impl Eq for Loop {}

impl Op for Loop {
	fn name(&self) -> StaticName {
		"Loop".into()
	}

	not_a_typed_op!();
}

impl EvalOp for Loop {
	op_out_of_plan!();
}

impl Loop {
	/// Position of the first carried value among the op's inputs.
	fn first_carried(&self) -> usize {
		1 + usize::from(self.has_cond)
	}

	/// The trip count, if the analysis knows it.
	fn trips(fact: &InferenceFact) -> TractResult<Option<i64>> {
		let Some(m) = fact.value.concretize() else { return Ok(None) };
		let m = m.cast_to_scalar::<i64>()?;
		if !(0..=MAX_LOOP_TRIPS).contains(&m) {
			bail!("Loop trip count {m} is outside 0..={MAX_LOOP_TRIPS}");
		}
		Ok(Some(m))
	}
}

/// Unifies type and shape, never the value: a carried value differs from one iteration to the
/// next, so its initial value must not be folded into the body.
fn unify_type_and_shape(a: &mut InferenceFact, b: &mut InferenceFact) -> TractResult<bool> {
	let mut changed = a.datum_type.unify_with_mut(&mut b.datum_type)?;
	changed |= a.shape.unify_with_mut(&mut b.shape)?;
	Ok(changed)
}

impl InferenceOp for Loop {
	fn infer_facts(
		&mut self,
		inputs: TVec<&InferenceFact>,
		outputs: TVec<&InferenceFact>,
		observed: TVec<&InferenceFact>,
	) -> TractResult<(TVec<InferenceFact>, TVec<InferenceFact>, TVec<InferenceFact>)> {
		let mut inputs: TVec<InferenceFact> = inputs.into_iter().cloned().collect();
		let mut outputs: TVec<InferenceFact> = outputs.into_iter().cloned().collect();
		let observed = observed.into_iter().cloned().collect();
		let first = self.first_carried();
		let closures = inputs.len().saturating_sub(first + self.carried);
		if inputs.len() != first + self.carried + closures
			|| outputs.len() != self.carried + self.scans
		{
			bail!("Loop: inputs or outputs do not match the body");
		}
		loop {
			let mut changed = false;
			changed |= inputs[0].datum_type.unify_with(&i64::datum_type().into())?;
			changed |= self
				.body
				.input_fact_mut(0)?
				.unify_with(&InferenceFact::dt_shape(i64::datum_type(), [0usize; 0]))?;
			changed |= self
				.body
				.input_fact_mut(1)?
				.unify_with(&InferenceFact::dt_shape(bool::datum_type(), [0usize; 0]))?;
			for k in 0..self.carried {
				changed |=
					unify_type_and_shape(self.body.input_fact_mut(2 + k)?, &mut inputs[first + k])?;
				let mut carried_in = self.body.input_fact(2 + k)?.clone();
				changed |=
					unify_type_and_shape(self.body.output_fact_mut(1 + k)?, &mut carried_in)?;
				changed |= unify_type_and_shape(self.body.input_fact_mut(2 + k)?, &mut carried_in)?;
				changed |=
					unify_type_and_shape(self.body.output_fact_mut(1 + k)?, &mut outputs[k])?;
			}
			for c in 0..closures {
				changed |= self
					.body
					.input_fact_mut(2 + self.carried + c)?
					.unify_with_mut(&mut inputs[first + self.carried + c])?;
			}
			if let Some(trips) = Self::trips(&inputs[0])? {
				for k in 0..self.scans {
					let element = self.body.output_fact(1 + self.carried + k)?.clone();
					if let Some(dims) = element.shape.concretize() {
						let mut shape = vec![trips.to_dim()];
						shape.extend(dims);
						let mut fact = InferenceFact::shape(shape);
						fact.datum_type = element.datum_type;
						changed |= outputs[self.carried + k].unify_with_mut(&mut fact)?;
					}
				}
			}
			changed |= self.body.analyse(false)?;
			if !changed {
				return Ok((inputs, outputs, observed));
			}
		}
	}

	fn nboutputs(&self) -> TractResult<usize> {
		Ok(self.carried + self.scans)
	}

	fn to_typed(
		&self,
		source: &InferenceModel,
		node: &InferenceNode,
		target: &mut TypedModel,
		mapping: &HashMap<OutletId, OutletId>,
	) -> TractResult<TVec<OutletId>> {
		let m = node.inputs.first().ok_or_else(|| format_err!("Loop: no trip count"))?;
		let trips = Self::trips(source.outlet_fact(*m)?)?.ok_or_else(|| {
			format_err!(
				"Loop `{}`: its trip count is not fixed by the input shapes, so its cost cannot \
				 be bounded",
				node.name
			)
		})?;
		let body = self.body.clone().into_typed()?.into_optimized()?;
		for k in 0..self.carried {
			let (a, b) = (body.input_fact(2 + k)?, body.output_fact(1 + k)?);
			if a.without_value() != b.without_value() {
				bail!(
					"Loop `{}`: carried value {k} enters as {a:?} and leaves as {b:?}",
					node.name
				);
			}
		}
		let op = PlannedLoop {
			trips: trips as u64,
			plan: body.into_runnable()?,
			has_cond: self.has_cond,
			carried: self.carried,
			scans: self.scans,
		};
		// The trip count is part of the plan: the op reads the rest.
		let inputs: TVec<OutletId> = node
			.inputs
			.iter()
			.skip(1)
			.map(|o| mapping.get(o).copied().ok_or_else(|| format_err!("Loop: unmapped input")))
			.collect::<TractResult<_>>()?;
		target.wire_node(&node.name, op, &inputs)
	}

	as_op!();
}

/// A `Loop` with its trip count fixed and its body optimised and planned once.
#[derive(Debug, Clone)]
pub struct PlannedLoop {
	/// Iterations, unless the condition stops it earlier.
	pub trips: u64,
	/// The body.
	pub plan: Arc<TypedRunnableModel>,
	has_cond: bool,
	carried: usize,
	scans: usize,
}

impl PartialEq for PlannedLoop {
	fn eq(&self, _: &Self) -> bool {
		false
	}
}
impl Eq for PlannedLoop {}

impl Op for PlannedLoop {
	fn name(&self) -> StaticName {
		"Loop".into()
	}

	op_as_typed_op!();
}

impl EvalOp for PlannedLoop {
	op_out_of_plan!();

	fn eval(&self, _ctx: &EvalContext, inputs: TVec<TValue>) -> TractResult<TVec<TValue>> {
		let first = usize::from(self.has_cond);
		let mut cond = if self.has_cond {
			inputs
				.first()
				.ok_or_else(|| format_err!("Loop: no condition"))?
				.cast_to_scalar::<bool>()?
		} else {
			true
		};
		let end = first + self.carried;
		let mut carried: TVec<TValue> =
			inputs.get(first..end).ok_or_else(|| format_err!("Loop: inputs missing"))?.into();
		let closures = inputs.get(end..).unwrap_or_default();
		let mut scans: Vec<Vec<Tensor>> = vec![Vec::new(); self.scans];
		for i in 0..self.trips {
			if !cond {
				break;
			}
			let mut body_inputs: TVec<TValue> =
				tvec!(tensor0(i as i64).into_tvalue(), tensor0(cond).into_tvalue());
			body_inputs.extend(carried.iter().cloned());
			body_inputs.extend(closures.iter().cloned());
			let outputs = self.plan.run(body_inputs)?;
			if self.has_cond {
				cond = outputs[0].cast_to_scalar::<bool>()?;
			}
			carried = outputs[1..1 + self.carried].into();
			for (k, scan) in scans.iter_mut().enumerate() {
				let mut element = outputs[1 + self.carried + k].clone().into_tensor();
				element.insert_axis(0)?;
				scan.push(element);
			}
		}
		let model = self.plan.model();
		let mut result = carried;
		for (k, scan) in scans.into_iter().enumerate() {
			let stacked = if scan.is_empty() {
				let fact = model.output_fact(1 + self.carried + k)?;
				let mut shape = vec![0usize];
				shape.extend(
					fact.shape.as_concrete().ok_or_else(|| format_err!("Loop: unbounded scan"))?,
				);
				Tensor::zero_dt(fact.datum_type, &shape)?
			} else {
				Tensor::stack_tensors(0, &scan)?
			};
			result.push(stacked.into_tvalue());
		}
		Ok(result)
	}
}

impl TypedOp for PlannedLoop {
	fn output_facts(&self, _inputs: &[&TypedFact]) -> TractResult<TVec<TypedFact>> {
		let model = self.plan.model();
		let mut facts = tvec!();
		for k in 0..self.carried {
			facts.push(model.output_fact(1 + k)?.without_value());
		}
		for k in 0..self.scans {
			let element = model.output_fact(1 + self.carried + k)?;
			let mut shape: TVec<TDim> = tvec!((self.trips as i64).to_dim());
			shape.extend(element.shape.iter().cloned());
			facts.push(element.datum_type.fact(shape));
		}
		Ok(facts)
	}

	as_op!();
}
