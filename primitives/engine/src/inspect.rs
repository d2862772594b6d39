//! What an operator sees with `sibyl-node model inspect`.

use serde::{Deserialize, Serialize};
use sibyl_primitives::{registry::ModelCost, DType, ModelId};
use tract_onnx::prelude::*;

use crate::{convert, plan, EngineConfig, EngineError};

/// A model input or output.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IoInfo {
	/// Its name in the graph.
	pub name: String,
	/// Its dtype, or `None` if undeclared or not one the chain carries.
	pub dtype: Option<String>,
	/// Its dimensions: a number, or the name of a dynamic dimension.
	pub shape: Vec<String>,
}

/// Work one call takes, for fees.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct CostEstimate {
	/// Multiply-accumulate operations.
	pub fma: u64,
	/// Divisions and other costly element operations.
	pub div: u64,
	/// Weights, in elements.
	pub params: u64,
	/// Largest tensor the model holds at once, in bytes.
	pub peak_tensor_bytes: u64,
	/// Total bytes of output.
	pub output_bytes: u64,
	/// Work of one call: multiply-accumulates, divisions and every element every operator
	/// writes. What a model declares as [`ModelCost::ops`] at registration.
	pub ops: u64,
	/// Peak memory of one call: constants plus the most intermediate bytes alive at once. What
	/// a model declares as [`ModelCost::memory`].
	pub memory_bytes: u64,
}

impl CostEstimate {
	/// The cost as the chain records it.
	pub fn model_cost(&self) -> ModelCost {
		ModelCost { ops: self.ops, memory: self.memory_bytes }
	}
}

/// A model as the engine sees it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ModelInfo {
	/// blake2-256 of the bytes.
	pub model_id: String,
	/// Size in bytes.
	pub size: usize,
	/// Inputs, as declared.
	pub inputs: Vec<IoInfo>,
	/// Outputs, as declared.
	pub outputs: Vec<IoInfo>,
	/// Operator types and how often each occurs.
	pub operators: Vec<(String, usize)>,
	/// Cost of one call at the pinned or declared input shapes.
	pub cost: Option<CostEstimate>,
	/// Why the engine would refuse the model, if it would.
	pub rejection: Option<String>,
}

/// Describes `bytes`; `shapes` pins dynamic input dimensions by input position.
pub fn inspect(config: &EngineConfig, bytes: &[u8], shapes: &[Option<Vec<u32>>]) -> ModelInfo {
	let mut info = ModelInfo {
		model_id: ModelId::of(bytes).to_hex(),
		size: bytes.len(),
		inputs: vec![],
		outputs: vec![],
		operators: vec![],
		cost: None,
		rejection: None,
	};
	if let Err(e) = plan::guarded("inspecting", || describe(config, bytes, shapes, &mut info)) {
		info.rejection = Some(e.to_string());
	}
	info
}

fn describe(
	config: &EngineConfig,
	bytes: &[u8],
	shapes: &[Option<Vec<u32>>],
	info: &mut ModelInfo,
) -> Result<(), EngineError> {
	if bytes.len() > config.max_model_bytes {
		return Err(EngineError::ModelTooLarge {
			bytes: bytes.len(),
			limit: config.max_model_bytes,
		});
	}
	let (onnx, proto) = plan::parse(bytes)?;
	info.operators = plan::operators(&proto);
	if let Some(graph) = &proto.graph {
		let weights: std::collections::HashSet<&str> =
			graph.initializer.iter().map(|t| t.name.as_str()).collect();
		info.inputs = graph
			.input
			.iter()
			.filter(|i| !weights.contains(i.name.as_str()))
			.map(io_from_proto)
			.collect();
		info.outputs = graph.output.iter().map(io_from_proto).collect();
	}
	let model = plan::load(&onnx, &proto)?;
	let declared = plan::declared_inputs(&model)?;

	let mut signature = Vec::with_capacity(declared.len());
	for (ix, decl) in declared.iter().enumerate() {
		let dtype = decl.datum_type.and_then(convert::dtype).ok_or_else(|| {
			EngineError::InvalidModel(format!(
				"input `{}` has no dtype the chain carries",
				decl.name
			))
		})?;
		let shape = match shapes.get(ix).cloned().flatten() {
			Some(shape) => shape,
			None => concrete(decl).ok_or_else(|| {
				let example = decl
					.dims
					.as_ref()
					.map(|dims| {
						dims.iter()
							.map(|d| d.map_or("1".to_string(), |d| d.to_string()))
							.collect::<Vec<_>>()
							.join(",")
					})
					.unwrap_or_else(|| "1".into());
				EngineError::UnboundedShape(format!(
					"input `{}` has shape {}; pin its dynamic dimensions (e.g. --shape {}={example})",
					decl.name,
					decl.shape_text(),
					decl.name
				))
			})?,
		};
		signature.push((dtype, shape));
	}
	plan::check_signature(&declared, &signature)?;
	let inputs: Vec<(DatumType, Vec<usize>)> = signature
		.iter()
		.map(|(dt, shape): &(DType, Vec<u32>)| {
			(convert::datum_type(*dt), shape.iter().map(|d| *d as usize).collect())
		})
		.collect();
	let typed = plan::optimise(model, &inputs)?;
	let output_bytes = plan::check_facts(config, &typed)?;
	info.cost = Some(plan::cost(&typed, output_bytes, bytes.len() as u64)?);

	// With the inputs pinned, every shape is known: report the concrete ones, which are what the
	// chain's schema records.
	for (io, (dtype, shape)) in info.inputs.iter_mut().zip(signature.iter()) {
		io.dtype = Some(dtype.name().to_string());
		io.shape = shape.iter().map(u32::to_string).collect();
	}
	for (io, outlet) in info.outputs.iter_mut().zip(typed.output_outlets().unwrap_or(&[])) {
		let Ok(fact) = typed.outlet_fact(*outlet) else { continue };
		if let Some(shape) = fact.shape.as_concrete() {
			io.shape = shape.iter().map(usize::to_string).collect();
		}
		if let Some(dtype) = convert::dtype(fact.datum_type) {
			io.dtype = Some(dtype.name().to_string());
		}
	}
	Ok(())
}

fn concrete(decl: &plan::InputDecl) -> Option<Vec<u32>> {
	decl.dims.as_ref()?.iter().map(|d| d.and_then(|d| u32::try_from(d).ok())).collect()
}

pub(crate) fn io_from_proto(value: &tract_onnx::pb::ValueInfoProto) -> IoInfo {
	use tract_onnx::pb::type_proto::Value;
	let tensor = value.r#type.as_ref().and_then(|t| match &t.value {
		Some(Value::TensorType(tensor)) => Some(tensor),
		_ => None,
	});
	let dtype = tensor.and_then(|t| onnx_dtype(t.elem_type)).map(|d| d.name().to_string());
	let shape = tensor
		.and_then(|t| t.shape.as_ref())
		.map(|s| {
			s.dim
				.iter()
				.map(|d| {
					use tract_onnx::pb::tensor_shape_proto::dimension::Value as Dim;
					match &d.value {
						Some(Dim::DimValue(v)) if *v > 0 => v.to_string(),
						Some(Dim::DimParam(p)) if !p.is_empty() => p.clone(),
						_ => "?".into(),
					}
				})
				.collect()
		})
		.unwrap_or_default();
	IoInfo { name: value.name.clone(), dtype, shape }
}

/// ONNX `TensorProto.DataType` codes of the dtypes the chain carries.
fn onnx_dtype(code: i32) -> Option<DType> {
	Some(match code {
		1 => DType::F32,
		2 => DType::U8,
		3 => DType::I8,
		6 => DType::I32,
		7 => DType::I64,
		9 => DType::Bool,
		11 => DType::F64,
		_ => return None,
	})
}
