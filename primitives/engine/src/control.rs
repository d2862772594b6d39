//! Control flow: ONNX `If`, in front of tract's own translator.
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
