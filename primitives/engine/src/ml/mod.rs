//! The ONNX-ML operators (`ai.onnx.ml`) that scikit-learn (skl2onnx), XGBoost and LightGBM
//! (onnxmltools) exports use, as tract operators registered into the engine's ONNX parser.
//!
//! Each computes what onnxruntime's CPU kernel computes (`core/providers/cpu/ml`), in the same
//! precision and order, because every node runs this engine and agreement with the reference
//! implementation is the only defence against a wrong answer the network would verify. Each
//! refuses at load what onnxruntime would crash, hang or silently misread on, and declares a
//! cost for the registration limits. `docs/engine.md` lists them with their conformance.

use tract_onnx::{model::OnnxOpRegister, pb::NodeProto, prelude::*, tract_hir::internal::*};

pub mod ensemble;
pub mod features;
pub mod linear;
pub mod post;
pub mod svm;
pub mod tree;

/// Registers (or replaces tract's own, for the tree classifier) every operator of this module.
pub fn register(reg: &mut OnnxOpRegister) {
	reg.insert("TreeEnsembleClassifier", tree::classifier);
	reg.insert("TreeEnsembleRegressor", tree::regressor);
	reg.insert("TreeEnsemble", ensemble::ensemble);
	reg.insert("LinearClassifier", linear::classifier);
	reg.insert("SVMClassifier", svm::classifier);
	reg.insert("SVMRegressor", svm::regressor);
	features::register(reg);
}

/// Reads a tensor's elements in memory order (tract 0.23 reaches plain storage through a view).
pub trait PlainSlice {
	/// The elements as `D`; an error if the tensor holds another type.
	fn as_slice<D: Datum>(&self) -> TractResult<&[D]>;
}

impl PlainSlice for Tensor {
	fn as_slice<D: Datum>(&self) -> TractResult<&[D]> {
		self.try_as_plain_ram()?.as_slice::<D>()
	}
}

/// A typed operator of this module and its shape rules for tract's inference model.
pub trait MlOp: TypedOp + Clone {
	/// The ONNX operator name.
	fn onnx_name(&self) -> &'static str;
	/// Number of outputs.
	fn outputs(&self) -> usize;
	/// Type and shape rules.
	fn rules<'r, 'p: 'r, 's: 'r>(
		&'s self,
		s: &mut Solver<'r>,
		inputs: &'p [TensorProxy],
		outputs: &'p [TensorProxy],
	) -> InferenceResult;
}

/// The inference-model face of an [`MlOp`]: its rules, then the typed op itself.
#[derive(Clone, Debug)]
struct Hir<T>(T);

impl<T: MlOp> Expansion for Hir<T> {
	fn name(&self) -> StaticName {
		self.0.onnx_name().into()
	}

	fn nboutputs(&self) -> TractResult<usize> {
		Ok(self.0.outputs())
	}

	fn rules<'r, 'p: 'r, 's: 'r>(
		&'s self,
		s: &mut Solver<'r>,
		inputs: &'p [TensorProxy],
		outputs: &'p [TensorProxy],
	) -> InferenceResult {
		self.0.rules(s, inputs, outputs)
	}

	fn wire(
		&self,
		prefix: &str,
		model: &mut TypedModel,
		inputs: &[OutletId],
	) -> TractResult<TVec<OutletId>> {
		model.wire_node(prefix, self.0.clone(), inputs)
	}
}

/// Boxes a typed op for the ONNX parser.
pub fn hir<T: MlOp>(op: T) -> Box<dyn InferenceOp> {
	expand(Hir(op))
}

/// An `INTS` attribute that must be present.
pub fn attr_i64s(node: &NodeProto, name: &str) -> TractResult<Vec<i64>> {
	Ok(attr_i64s_opt(node, name)?.unwrap_or_default())
}

/// An `INTS` attribute, if present.
pub fn attr_i64s_opt(node: &NodeProto, name: &str) -> TractResult<Option<Vec<i64>>> {
	node.get_attr_opt_vec::<i64>(name)
}

/// A `FLOATS` attribute, empty when absent.
pub fn attr_f32s(node: &NodeProto, name: &str) -> TractResult<Vec<f32>> {
	Ok(attr_f32s_opt(node, name)?.unwrap_or_default())
}

/// A `FLOATS` attribute, if present.
pub fn attr_f32s_opt(node: &NodeProto, name: &str) -> TractResult<Option<Vec<f32>>> {
	node.get_attr_opt_vec::<f32>(name)
}

/// Refuses string class labels: the chain carries numbers.
pub fn refuse_string_labels(node: &NodeProto) -> TractResult<()> {
	if node.get_attr_opt_vec::<String>("classlabels_strings")?.is_some_and(|l| !l.is_empty()) {
		bail!("string class labels are not supported (the chain carries numbers): train on integer labels");
	}
	Ok(())
}

/// Shape rules of a classifier: one input `[rows, features]` (or `[features]`), a label per row
/// (i64) and `width` scores per row (f32).
pub fn classifier_rules<'r, 'p: 'r>(
	s: &mut Solver<'r>,
	inputs: &'p [TensorProxy],
	outputs: &'p [TensorProxy],
	width: usize,
) -> InferenceResult {
	check_input_arity(inputs, 1)?;
	check_output_arity(outputs, 2)?;
	s.equals(&outputs[0].datum_type, i64::datum_type())?;
	s.equals(&outputs[0].rank, 1)?;
	s.equals(&outputs[1].datum_type, f32::datum_type())?;
	s.equals(&outputs[1].rank, 2)?;
	s.equals(&outputs[1].shape[1], width.to_dim())?;
	s.equals(&outputs[0].shape[0], &outputs[1].shape[0])?;
	rows_rule(s, &inputs[0], &outputs[1])
}

/// Shape rules of a regressor: one input as a classifier's, `width` f32 values per row.
pub fn regressor_rules<'r, 'p: 'r>(
	s: &mut Solver<'r>,
	inputs: &'p [TensorProxy],
	outputs: &'p [TensorProxy],
	width: usize,
) -> InferenceResult {
	check_input_arity(inputs, 1)?;
	check_output_arity(outputs, 1)?;
	s.equals(&outputs[0].datum_type, f32::datum_type())?;
	s.equals(&outputs[0].rank, 2)?;
	s.equals(&outputs[0].shape[1], width.to_dim())?;
	rows_rule(s, &inputs[0], &outputs[0])
}

/// The output's first axis is the input's rows (1 for a rank-1 input).
pub fn rows_rule<'r, 'p: 'r>(
	s: &mut Solver<'r>,
	input: &'p TensorProxy,
	output: &'p TensorProxy,
) -> InferenceResult {
	s.given(&input.rank, move |s, rank| {
		if rank == 1 {
			s.equals(&output.shape[0], 1.to_dim())
		} else {
			s.equals(&output.shape[0], &input.shape[0])
		}
	})
}

/// Rows and features of a `[rows, features]` or `[features]` tensor.
pub fn rows_and_width(shape: &[usize]) -> TractResult<(usize, usize)> {
	match *shape {
		[width] => Ok((1, width)),
		[rows, width] => Ok((rows, width)),
		_ => bail!("expected [rows, features] or [features], got shape {shape:?}"),
	}
}
