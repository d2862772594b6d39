//! The ONNX-ML feature transforms: `Scaler`, `Imputer`, `Binarizer`, `ArrayFeatureExtractor`,
//! `OneHotEncoder`, `FeatureVectorizer` and `LabelEncoder` (numeric keys and values), with
//! onnxruntime's semantics; `ZipMap` is refused with the export option that avoids it.

use tract_onnx::{
	model::{OnnxOpRegister, ParsingContext},
	pb::NodeProto,
	prelude::*,
	tract_core::{internal::*, ops::Cost},
	tract_hir::internal::*,
};

use super::{attr_f32s, attr_f32s_opt, attr_i64s, attr_i64s_opt, hir, MlOp, PlainSlice};

/// Registers the feature transforms.
pub fn register(reg: &mut OnnxOpRegister) {
	reg.insert("Scaler", scaler);
	reg.insert("Imputer", imputer);
	reg.insert("Binarizer", binarizer);
	reg.insert("Normalizer", normalizer);
	reg.insert("ArrayFeatureExtractor", array_feature_extractor);
	reg.insert("OneHotEncoder", one_hot_encoder);
	reg.insert("FeatureVectorizer", feature_vectorizer);
	reg.insert("LabelEncoder", label_encoder);
	reg.insert("ZipMap", zip_map);
}

/// One ONNX-ML feature transform.
#[derive(Clone, Debug, PartialEq)]
pub enum Feature {
	/// `y = (x − offset) · scale`, per last-axis feature (or one value for all), in f32.
	Scaler {
		/// Subtracted first.
		offset: Vec<f32>,
		/// Multiplied after.
		scale: Vec<f32>,
	},
	/// Replaces `replaced` (NaN matches NaN) by the imputed value of the feature; f32 inputs.
	ImputeF32 {
		/// The value per feature (or one for all).
		imputed: Vec<f32>,
		/// The value that marks a missing entry.
		replaced: f32,
	},
	/// The same for i64 inputs.
	ImputeI64 {
		/// The value per feature (or one for all).
		imputed: Vec<i64>,
		/// The value that marks a missing entry.
		replaced: i64,
	},
	/// `y = x > threshold ? 1 : 0`, in the input's type.
	Binarizer {
		/// Strictly above is 1.
		threshold: f32,
	},
	/// Each row divided by its maximum (`MAX`), its sum of magnitudes (`L1`) or its Euclidean
	/// norm (`L2`), as onnxruntime computes them; a zero norm leaves the row as it is.
	Normalize {
		/// `MAX`, `L1` or `L2`.
		norm: Norm,
	},
	/// Selects last-axis entries by the indices of the second input.
	ArrayFeatureExtractor,
	/// One column per category: 1.0 where the input equals it.
	OneHot {
		/// The categories, one output column each.
		categories: Vec<i64>,
		/// An unknown category gives a row of zeros (true) or an error (false).
		zeros: bool,
	},
	/// Concatenates `[rows, d]` inputs into `[rows, Σ dims]`, truncating or zero-padding each
	/// to its declared width.
	Vectorize {
		/// The width each input contributes.
		dims: Vec<usize>,
	},
	/// A numeric lookup table with a default.
	Label {
		/// What is looked up.
		keys: LabelKeys,
		/// What each key maps to.
		values: LabelValues,
	},
}

// Floats compare by value; tract needs `Eq` for its operator equality, never on NaN attributes.
impl Eq for Feature {}

/// `norm` of the `Normalizer`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Norm {
	/// Divide by the row's largest value (signed, as onnxruntime does).
	Max,
	/// Divide by the sum of absolute values.
	L1,
	/// Divide by the square root of the sum of squares.
	L2,
}

/// Keys of a `LabelEncoder`.
#[derive(Clone, Debug, PartialEq)]
pub enum LabelKeys {
	/// `keys_int64s`.
	I64(Vec<i64>),
	/// `keys_floats`.
	F32(Vec<f32>),
}

/// Values of a `LabelEncoder`, and the default for a key not found.
#[derive(Clone, Debug, PartialEq)]
pub enum LabelValues {
	/// `values_int64s` and `default_int64`.
	I64(Vec<i64>, i64),
	/// `values_floats` and `default_float`.
	F32(Vec<f32>, f32),
}

fn scaler(
	_: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	let offset = attr_f32s(node, "offset")?;
	let scale = attr_f32s(node, "scale")?;
	if offset.is_empty() && scale.is_empty() {
		bail!("Scaler has neither offset nor scale");
	}
	Ok((hir(Feature::Scaler { offset, scale }), vec![]))
}

fn imputer(
	_: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	let floats = attr_f32s_opt(node, "imputed_value_floats")?.filter(|v| !v.is_empty());
	let ints = attr_i64s_opt(node, "imputed_value_int64s")?.filter(|v| !v.is_empty());
	let op = match (floats, ints) {
		(Some(imputed), None) => Feature::ImputeF32 {
			imputed,
			replaced: node.get_attr_opt("replaced_value_float")?.unwrap_or(0.0),
		},
		(None, Some(imputed)) => Feature::ImputeI64 {
			imputed,
			replaced: node.get_attr_opt("replaced_value_int64")?.unwrap_or(0),
		},
		_ => bail!("Imputer needs exactly one of imputed_value_floats and imputed_value_int64s"),
	};
	Ok((hir(op), vec![]))
}

fn binarizer(
	_: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	Ok((
		hir(Feature::Binarizer { threshold: node.get_attr_opt("threshold")?.unwrap_or(0.0) }),
		vec![],
	))
}

fn normalizer(
	_: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	let norm = match node.get_attr_opt::<&str>("norm")?.unwrap_or("MAX") {
		"MAX" => Norm::Max,
		"L1" => Norm::L1,
		"L2" => Norm::L2,
		other => bail!("Normalizer: unknown norm {other}"),
	};
	Ok((hir(Feature::Normalize { norm }), vec![]))
}

/// onnxruntime's `Normalizer` on one row; `x` already in f32 except for `L2`'s squares, which
/// onnxruntime takes in the input's type (`squares`).
fn normalize_row(norm: Norm, x: &[f32], squares: &[f32], y: &mut [f32]) {
	match norm {
		Norm::Max => {
			let mut max = f32::MIN;
			for &v in x {
				// std::max(max, v): keeps `max` unless `max < v`.
				if max < v {
					max = v;
				}
			}
			if max != 0.0 {
				for (o, &v) in y.iter_mut().zip(x) {
					*o = v / max;
				}
			} else {
				y.copy_from_slice(x);
			}
		},
		Norm::L1 => {
			let mut sum = 0f32;
			for &v in x {
				sum += v.abs();
			}
			if sum != 0.0 {
				for (o, &v) in y.iter_mut().zip(x) {
					*o = v / sum;
				}
			} else {
				y.copy_from_slice(x);
			}
		},
		Norm::L2 => {
			let mut sum = 0f32;
			for &q in squares {
				sum += q;
			}
			if sum != 0.0 {
				for ((o, &v), &q) in y.iter_mut().zip(x).zip(squares) {
					let r = libm::sqrtf(q / sum);
					*o = if v < 0.0 { -r } else { r };
				}
			} else {
				y.copy_from_slice(x);
			}
		},
	}
}

fn array_feature_extractor(
	_: &ParsingContext,
	_node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	Ok((hir(Feature::ArrayFeatureExtractor), vec![]))
}

fn one_hot_encoder(
	_: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	if node.get_attr_opt_vec::<String>("cats_strings")?.is_some_and(|c| !c.is_empty()) {
		bail!("OneHotEncoder over strings is not supported (the chain carries numbers): encode categories as integers");
	}
	let categories = attr_i64s(node, "cats_int64s")?;
	if categories.is_empty() {
		bail!("OneHotEncoder has no categories");
	}
	let zeros = node.get_attr_opt::<i64>("zeros")?.unwrap_or(1) != 0;
	Ok((hir(Feature::OneHot { categories, zeros }), vec![]))
}

fn feature_vectorizer(
	_: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	let dims = attr_i64s(node, "inputdimensions")?
		.into_iter()
		.map(|d| usize::try_from(d).ok().filter(|&d| d <= 1 << 20))
		.collect::<Option<Vec<usize>>>()
		.ok_or_else(|| format_err!("FeatureVectorizer: inputdimensions out of range"))?;
	if dims.is_empty() {
		bail!("FeatureVectorizer has no inputs");
	}
	Ok((hir(Feature::Vectorize { dims }), vec![]))
}

fn label_encoder(
	_: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	for name in ["keys_strings", "values_strings", "classes_strings"] {
		if node.get_attr_opt_vec::<String>(name)?.is_some_and(|v| !v.is_empty()) {
			bail!("LabelEncoder over strings is not supported (the chain carries numbers)");
		}
	}
	for name in ["keys_tensor", "values_tensor", "default_tensor"] {
		if node.get_attr_opt::<&tract_onnx::pb::TensorProto>(name)?.is_some() {
			bail!("LabelEncoder's {name} is not supported: use keys_int64s/keys_floats and values_int64s/values_floats");
		}
	}
	let keys = match (attr_i64s_opt(node, "keys_int64s")?, attr_f32s_opt(node, "keys_floats")?) {
		(Some(k), None) => LabelKeys::I64(k),
		(None, Some(k)) => LabelKeys::F32(k),
		_ => bail!("LabelEncoder needs exactly one of keys_int64s and keys_floats"),
	};
	let values =
		match (attr_i64s_opt(node, "values_int64s")?, attr_f32s_opt(node, "values_floats")?) {
			(Some(v), None) => {
				LabelValues::I64(v, node.get_attr_opt("default_int64")?.unwrap_or(-1))
			},
			(None, Some(v)) => {
				LabelValues::F32(v, node.get_attr_opt("default_float")?.unwrap_or(-0.0))
			},
			_ => bail!("LabelEncoder needs exactly one of values_int64s and values_floats"),
		};
	let (k, v) = match (&keys, &values) {
		(LabelKeys::I64(k), LabelValues::I64(v, _)) => (k.len(), v.len()),
		(LabelKeys::I64(k), LabelValues::F32(v, _)) => (k.len(), v.len()),
		(LabelKeys::F32(k), LabelValues::I64(v, _)) => (k.len(), v.len()),
		(LabelKeys::F32(k), LabelValues::F32(v, _)) => (k.len(), v.len()),
	};
	if k != v {
		bail!("LabelEncoder has {k} keys and {v} values");
	}
	Ok((hir(Feature::Label { keys, values }), vec![]))
}

fn zip_map(
	_: &ParsingContext,
	_node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	bail!(
		"ZipMap outputs a sequence of maps, which the chain does not carry: export the classifier \
		 without it (skl2onnx: options={{id(model): {{'zipmap': False}}}}; onnxmltools: zipmap=False)"
	)
}

/// The value at `ix` of a per-feature list, or its single value.
fn per_feature<T: Copy>(values: &[T], ix: usize, default: T) -> T {
	match values.len() {
		0 => default,
		1 => values[0],
		_ => values.get(ix).copied().unwrap_or(default),
	}
}

fn check_per_feature(name: &str, len: usize, width: usize) -> TractResult<()> {
	if len > 1 && len != width {
		bail!("{name} has {len} values for {width} features");
	}
	Ok(())
}

fn last_axis(shape: &[usize]) -> usize {
	shape.last().copied().unwrap_or(1)
}

impl Feature {
	fn eval_scaler(&self, x: &Tensor, offset: &[f32], scale: &[f32]) -> TractResult<Tensor> {
		let width = last_axis(x.shape());
		check_per_feature("offset", offset.len(), width)?;
		check_per_feature("scale", scale.len(), width)?;
		let x = x.cast_to::<f32>()?;
		let y: Vec<f32> = x
			.as_slice::<f32>()?
			.iter()
			.enumerate()
			.map(|(i, &v)| {
				let f = i % width.max(1);
				(v - per_feature(offset, f, 0.0)) * per_feature(scale, f, 1.0)
			})
			.collect();
		tensor1(&y).into_shape(x.shape())
	}
}

impl Op for Feature {
	fn name(&self) -> StaticName {
		self.onnx_name().into()
	}
	op_as_typed_op!();
}

impl EvalOp for Feature {
	op_out_of_plan!();

	fn eval(&self, _ctx: &EvalContext, inputs: TVec<TValue>) -> TractResult<TVec<TValue>> {
		let x = &inputs[0];
		let shape = x.shape().to_vec();
		let width = last_axis(&shape).max(1);
		let out = match self {
			Feature::Scaler { offset, scale } => self.eval_scaler(x, offset, scale)?,
			Feature::ImputeF32 { imputed, replaced } => {
				check_per_feature("imputed_value_floats", imputed.len(), width)?;
				let x = x.cast_to::<f32>()?;
				let y: Vec<f32> = x
					.as_slice::<f32>()?
					.iter()
					.enumerate()
					.map(|(i, &v)| {
						let hit = if replaced.is_nan() { v.is_nan() } else { v == *replaced };
						if hit {
							per_feature(imputed, i % width, v)
						} else {
							v
						}
					})
					.collect();
				tensor1(&y).into_shape(&shape)?
			},
			Feature::ImputeI64 { imputed, replaced } => {
				check_per_feature("imputed_value_int64s", imputed.len(), width)?;
				let y: Vec<i64> = x
					.as_slice::<i64>()?
					.iter()
					.enumerate()
					.map(
						|(i, &v)| {
							if v == *replaced {
								per_feature(imputed, i % width, v)
							} else {
								v
							}
						},
					)
					.collect();
				tensor1(&y).into_shape(&shape)?
			},
			Feature::Normalize { norm } => {
				let (_, w) = super::rows_and_width(&shape)?;
				let dt = x.datum_type();
				let squares: Vec<f32> = match dt {
					DatumType::F32 => x.as_slice::<f32>()?.iter().map(|v| v * v).collect(),
					DatumType::F64 => x.as_slice::<f64>()?.iter().map(|v| (v * v) as f32).collect(),
					DatumType::I64 => {
						x.as_slice::<i64>()?.iter().map(|v| v.wrapping_mul(*v) as f32).collect()
					},
					DatumType::I32 => {
						x.as_slice::<i32>()?.iter().map(|v| v.wrapping_mul(*v) as f32).collect()
					},
					_ => bail!("Normalizer takes f32, f64, i64 or i32, not {dt:?}"),
				};
				let xf = x.cast_to::<f32>()?;
				let xf = xf.as_slice::<f32>()?;
				let mut y = vec![0f32; xf.len()];
				if w > 0 {
					for ((xr, qr), yr) in
						xf.chunks_exact(w).zip(squares.chunks_exact(w)).zip(y.chunks_exact_mut(w))
					{
						normalize_row(*norm, xr, qr, yr);
					}
				}
				tensor1(&y).into_shape(&shape)?
			},
			Feature::Binarizer { threshold } => {
				let t = *threshold;
				match x.datum_type() {
					DatumType::F64 => {
						let y: Vec<f64> = x
							.as_slice::<f64>()?
							.iter()
							.map(|&v| if v > f64::from(t) { 1.0 } else { 0.0 })
							.collect();
						tensor1(&y).into_shape(&shape)?
					},
					_ => {
						let x = x.cast_to::<f32>()?;
						let y: Vec<f32> = x
							.as_slice::<f32>()?
							.iter()
							.map(|&v| if v > t { 1.0 } else { 0.0 })
							.collect();
						tensor1(&y).into_shape(&shape)?
					},
				}
			},
			Feature::ArrayFeatureExtractor => {
				let indices = inputs[1].cast_to::<i64>()?;
				let indices = indices.as_slice::<i64>()?;
				let width = last_axis(&shape);
				let picked = indices
					.iter()
					.map(|&i| usize::try_from(i).ok().filter(|&i| i < width))
					.collect::<Option<Vec<usize>>>()
					.ok_or_else(|| format_err!("an index is outside the last axis of {width}"))?;
				let out_shape = extracted_shape(&shape, picked.len());
				let rows = shape.iter().rev().skip(1).product::<usize>();
				let gathered = match x.datum_type() {
					DatumType::F32 => gather::<f32>(x, rows, width, &picked)?,
					DatumType::F64 => gather::<f64>(x, rows, width, &picked)?,
					DatumType::I64 => gather::<i64>(x, rows, width, &picked)?,
					DatumType::I32 => gather::<i32>(x, rows, width, &picked)?,
					dt => bail!("ArrayFeatureExtractor over {dt:?} is not supported"),
				};
				gathered.into_shape(&out_shape)?
			},
			Feature::OneHot { categories, zeros } => {
				let x = x.cast_to::<i64>()?;
				let n = categories.len();
				let mut y = vec![0f32; x.len() * n];
				for (row, &v) in x.as_slice::<i64>()?.iter().enumerate() {
					match categories.iter().position(|&c| c == v) {
						Some(c) => y[row * n + c] = 1.0,
						None if *zeros => {},
						None => bail!("OneHotEncoder: unknown category {v} and zeros=0"),
					}
				}
				let mut out_shape = shape.clone();
				out_shape.push(n);
				tensor1(&y).into_shape(&out_shape)?
			},
			Feature::Vectorize { dims } => {
				let rows = shape.first().copied().unwrap_or(1);
				let total: usize = dims.iter().sum();
				let mut y = vec![0f32; rows * total];
				let mut at = 0;
				for (input, &d) in inputs.iter().zip(dims) {
					let x = input.cast_to::<f32>()?;
					let x = x.as_slice::<f32>()?;
					let per_row = x.len().checked_div(rows).unwrap_or(0);
					for r in 0..rows {
						let n = per_row.min(d);
						y[r * total + at..r * total + at + n]
							.copy_from_slice(&x[r * per_row..r * per_row + n]);
					}
					at += d;
				}
				tensor1(&y).into_shape(&[rows, total])?
			},
			Feature::Label { keys, values } => {
				let index: Vec<Option<usize>> = match keys {
					LabelKeys::I64(k) => {
						let x = x.cast_to::<i64>()?;
						x.as_slice::<i64>()?
							.iter()
							.map(|v| k.iter().position(|key| key == v))
							.collect()
					},
					LabelKeys::F32(k) => {
						let x = x.cast_to::<f32>()?;
						x.as_slice::<f32>()?
							.iter()
							.map(|v| {
								k.iter().position(|key| key == v || (key.is_nan() && v.is_nan()))
							})
							.collect()
					},
				};
				match values {
					LabelValues::I64(v, d) => {
						let y: Vec<i64> = index.iter().map(|i| i.map_or(*d, |i| v[i])).collect();
						tensor1(&y).into_shape(&shape)?
					},
					LabelValues::F32(v, d) => {
						let y: Vec<f32> = index.iter().map(|i| i.map_or(*d, |i| v[i])).collect();
						tensor1(&y).into_shape(&shape)?
					},
				}
			},
		};
		Ok(tvec!(out.into_tvalue()))
	}
}

/// `picked` last-axis entries of every row of `x`.
fn gather<T: Datum + Copy>(
	x: &Tensor,
	rows: usize,
	width: usize,
	picked: &[usize],
) -> TractResult<Tensor> {
	let x = x.as_slice::<T>()?;
	let mut y = Vec::with_capacity(rows * picked.len());
	for r in 0..rows {
		for &i in picked {
			y.push(x[r * width + i]);
		}
	}
	Ok(tensor1(&y))
}

/// `ArrayFeatureExtractor`'s output shape: the last axis becomes the number of indices; a rank-1
/// input gives `[1, n]`.
fn extracted_shape<D: Clone + From<usize>>(shape: &[D], n: usize) -> Vec<D> {
	let mut out: Vec<D> = shape.to_vec();
	if out.len() <= 1 {
		return vec![D::from(1usize), D::from(n)];
	}
	if let Some(last) = out.last_mut() {
		*last = D::from(n);
	}
	out
}

impl TypedOp for Feature {
	fn output_facts(&self, inputs: &[&TypedFact]) -> TractResult<TVec<TypedFact>> {
		let x = inputs[0];
		let shape: Vec<TDim> = x.shape.iter().cloned().collect();
		let fact = match self {
			Feature::Scaler { .. } => f32::fact(&shape),
			Feature::ImputeF32 { .. } => f32::fact(&shape),
			Feature::ImputeI64 { .. } => {
				if x.datum_type != i64::datum_type() {
					bail!("Imputer with imputed_value_int64s takes i64, not {:?}", x.datum_type);
				}
				i64::fact(&shape)
			},
			Feature::Normalize { .. } => {
				if x.rank() > 2 {
					bail!("Normalizer takes [rows, features] or [features], not rank {}", x.rank());
				}
				f32::fact(&shape)
			},
			Feature::Binarizer { .. } if x.datum_type == f64::datum_type() => f64::fact(&shape),
			Feature::Binarizer { .. } => f32::fact(&shape),
			Feature::ArrayFeatureExtractor => {
				let n = inputs
					.get(1)
					.and_then(|i| i.shape.volume().to_usize().ok())
					.ok_or_else(|| format_err!("ArrayFeatureExtractor needs concrete indices"))?;
				x.datum_type.fact(extracted_shape(&shape, n))
			},
			Feature::OneHot { categories, .. } => {
				let mut s = shape;
				s.push(categories.len().to_dim());
				f32::fact(&s)
			},
			Feature::Vectorize { dims } => {
				if inputs.len() != dims.len() {
					bail!(
						"FeatureVectorizer declares {} inputs and has {}",
						dims.len(),
						inputs.len()
					);
				}
				let rows = shape.first().cloned().unwrap_or_else(|| 1.to_dim());
				f32::fact([rows, dims.iter().sum::<usize>().to_dim()])
			},
			Feature::Label { values: LabelValues::I64(..), .. } => i64::fact(&shape),
			Feature::Label { values: LabelValues::F32(..), .. } => f32::fact(&shape),
		};
		Ok(tvec!(fact))
	}

	fn cost(&self, inputs: &[&TypedFact]) -> TractResult<TVec<(Cost, TDim)>> {
		let elements = inputs[0].shape.volume();
		let per = match self {
			Feature::OneHot { categories, .. } => categories.len(),
			Feature::Label { values: LabelValues::I64(v, _), .. } => v.len(),
			Feature::Label { values: LabelValues::F32(v, _), .. } => v.len(),
			_ => 1,
		};
		Ok(tvec!((Cost::FMA(f32::datum_type()), elements * per.max(1) as i64)))
	}

	as_op!();
}

impl MlOp for Feature {
	fn onnx_name(&self) -> &'static str {
		match self {
			Feature::Scaler { .. } => "Scaler",
			Feature::ImputeF32 { .. } | Feature::ImputeI64 { .. } => "Imputer",
			Feature::Binarizer { .. } => "Binarizer",
			Feature::Normalize { .. } => "Normalizer",
			Feature::ArrayFeatureExtractor => "ArrayFeatureExtractor",
			Feature::OneHot { .. } => "OneHotEncoder",
			Feature::Vectorize { .. } => "FeatureVectorizer",
			Feature::Label { .. } => "LabelEncoder",
		}
	}

	fn outputs(&self) -> usize {
		1
	}

	fn rules<'r, 'p: 'r, 's: 'r>(
		&'s self,
		s: &mut Solver<'r>,
		inputs: &'p [TensorProxy],
		outputs: &'p [TensorProxy],
	) -> InferenceResult {
		check_output_arity(outputs, 1)?;
		let x = &inputs[0];
		let y = &outputs[0];
		match self {
			Feature::Scaler { .. } | Feature::ImputeF32 { .. } | Feature::Normalize { .. } => {
				check_input_arity(inputs, 1)?;
				s.equals(&y.datum_type, f32::datum_type())?;
				s.equals(&y.shape, &x.shape)
			},
			Feature::ImputeI64 { .. } => {
				check_input_arity(inputs, 1)?;
				s.equals(&y.datum_type, i64::datum_type())?;
				s.equals(&y.shape, &x.shape)
			},
			Feature::Binarizer { .. } => {
				check_input_arity(inputs, 1)?;
				s.given(&x.datum_type, move |s, dt| {
					s.equals(
						&y.datum_type,
						if dt == f64::datum_type() { dt } else { f32::datum_type() },
					)
				})?;
				s.equals(&y.shape, &x.shape)
			},
			Feature::ArrayFeatureExtractor => {
				check_input_arity(inputs, 2)?;
				s.equals(&y.datum_type, &x.datum_type)?;
				let indices = &inputs[1];
				s.given_2(&x.shape, &indices.shape, move |s, xs, is| {
					if let Ok(n) = is.iter().product::<TDim>().to_usize() {
						s.equals(&y.shape, ShapeFactoid::from(extracted_shape(&xs, n)))?;
					}
					Ok(())
				})
			},
			Feature::OneHot { categories, .. } => {
				check_input_arity(inputs, 1)?;
				let n = categories.len();
				s.equals(&y.datum_type, f32::datum_type())?;
				s.given(&x.shape, move |s, xs| {
					let mut shape = xs.to_vec();
					shape.push(n.to_dim());
					s.equals(&y.shape, ShapeFactoid::from(shape))
				})
			},
			Feature::Vectorize { dims } => {
				check_input_arity(inputs, dims.len())?;
				s.equals(&y.datum_type, f32::datum_type())?;
				s.equals(&y.rank, 2)?;
				s.equals(&y.shape[0], &x.shape[0])?;
				s.equals(&y.shape[1], dims.iter().sum::<usize>().to_dim())
			},
			Feature::Label { values, .. } => {
				check_input_arity(inputs, 1)?;
				let dt = match values {
					LabelValues::I64(..) => i64::datum_type(),
					LabelValues::F32(..) => f32::datum_type(),
				};
				s.equals(&y.datum_type, dt)?;
				s.equals(&y.shape, &x.shape)
			},
		}
	}
}
