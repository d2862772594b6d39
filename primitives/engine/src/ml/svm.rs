//! `SVMClassifier` and `SVMRegressor` (ai.onnx.ml, opset 1), with onnxruntime's semantics
//! (`core/providers/cpu/ml/svmclassifier.cc`, `svmregressor.cc`, `ml_common.h`): the same
//! kernels, the same one-against-one votes and pairwise sums (accumulated in double, as
//! onnxruntime does), Platt scaling and libsvm's multiclass probabilities, the same binary label
//! rule and the same score layout.
//!
//! Dot products are plain sequential single-precision sums (onnxruntime uses its GEMM, whose
//! summation order differs: the two agree to rounding, within the benchmark's 1e-4); every
//! transcendental is `libm`'s, so the bits are the same on every CPU. Loading refuses attribute
//! arrays too short for the declared classes and vectors (onnxruntime reads out of bounds or
//! refuses, depending on the version) and string labels.

use tract_onnx::{
	model::ParsingContext,
	pb::NodeProto,
	prelude::*,
	tract_core::{internal::*, ops::Cost},
	tract_hir::internal::*,
};

use super::{
	attr_f32s, attr_i64s, classifier_rules, hir, post::*, refuse_string_labels, regressor_rules,
	rows_and_width, MlOp, PlainSlice,
};

/// At most this many support-vector entries (vectors × features) or coefficients.
pub const MAX_SVM_VALUES: usize = 16 << 20;
/// At most this many classes (onnxruntime's own limit is 65,535; pairwise work grows as its square).
pub const MAX_SVM_CLASSES: usize = 1_024;

/// `kernel_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
	/// `x·v`.
	Linear,
	/// `(γ x·v + c)^degree`.
	Poly,
	/// `exp(−γ |x − v|²)`.
	Rbf,
	/// `tanh(γ x·v + c)`.
	Sigmoid,
}

/// The kernel, its parameters and the support vectors (or the linear coefficients' rows).
#[derive(Clone, Debug, PartialEq)]
pub struct Kernels {
	kind: Kernel,
	gamma: f32,
	coef0: f32,
	degree: f32,
	/// `[vectors, features]`, row-major.
	vectors: Vec<f32>,
	features: usize,
}

impl Kernels {
	fn read(node: &NodeProto, vectors: Vec<f32>, count: usize) -> TractResult<Kernels> {
		let kind = match node.get_attr_opt::<&str>("kernel_type")?.unwrap_or("LINEAR") {
			"LINEAR" => Kernel::Linear,
			"POLY" => Kernel::Poly,
			"RBF" => Kernel::Rbf,
			"SIGMOID" => Kernel::Sigmoid,
			other => bail!("unknown kernel_type {other}"),
		};
		let params = attr_f32s(node, "kernel_params")?;
		let (gamma, coef0, degree) = match *params.as_slice() {
			[] => (0.0, 0.0, 0.0),
			[g, c, d, ..] => (g, c, d),
			_ => bail!("kernel_params needs gamma, coef0 and degree, got {} values", params.len()),
		};
		if vectors.len() > MAX_SVM_VALUES {
			bail!(
				"{} support-vector values, more than the engine's {MAX_SVM_VALUES}",
				vectors.len()
			);
		}
		let features = vectors.len().checked_div(count).unwrap_or(0);
		if count > 0 && (features == 0 || features * count != vectors.len()) {
			bail!(
				"{} support-vector values do not make {count} vectors of equal length",
				vectors.len()
			);
		}
		Ok(Kernels { kind, gamma, coef0, degree, vectors, features })
	}

	fn count(&self) -> usize {
		self.vectors.len().checked_div(self.features).unwrap_or(0)
	}

	/// `out[v] = K(x, vectors[v])`, as onnxruntime's `batched_kernel_dot` with `C = 0`.
	fn eval(&self, x: &[f32], out: &mut [f32]) {
		for (v, o) in self.vectors.chunks_exact(self.features).zip(out.iter_mut()) {
			*o = match self.kind {
				Kernel::Rbf => {
					let mut sum = 0f32;
					for (a, b) in x.iter().zip(v) {
						let d = a - b;
						sum += d * d;
					}
					libm::expf(-self.gamma * sum)
				},
				kind => {
					let d = dot(x, v);
					let (alpha, c) =
						if kind == Kernel::Linear { (1.0, 0.0) } else { (self.gamma, self.coef0) };
					let y = alpha * d + c;
					match kind {
						Kernel::Poly if self.degree == 2.0 => y * y,
						Kernel::Poly if self.degree == 3.0 => y * y * y,
						Kernel::Poly => libm::powf(y, self.degree),
						Kernel::Sigmoid => libm::tanhf(y),
						_ => y,
					}
				},
			};
		}
	}

	/// Multiplications per kernel value.
	fn work(&self) -> usize {
		self.features.saturating_add(2)
	}
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
	let mut sum = 0f32;
	for (x, y) in a.iter().zip(b) {
		sum += x * y;
	}
	sum
}

/// `SVMClassifier`.
#[derive(Clone, Debug, PartialEq)]
pub struct SvmClassifier {
	kernels: Kernels,
	/// SVC: `[classes − 1, vectors]`; linear: `[classes, features]`.
	coefficients: Vec<f32>,
	/// Support vectors per class (empty in linear mode) and where each class's start.
	per_class: Vec<usize>,
	starts: Vec<usize>,
	rho: Vec<f32>,
	prob_a: Vec<f32>,
	prob_b: Vec<f32>,
	labels: Vec<i64>,
	post: Post,
	all_positive: bool,
}

// Floats compare by value; tract needs `Eq` for its operator equality, never on NaN attributes.
impl Eq for SvmClassifier {}

impl SvmClassifier {
	fn svc(&self) -> bool {
		!self.per_class.is_empty()
	}

	fn classifiers(&self) -> usize {
		let c = self.labels.len();
		c * (c - 1) / 2
	}

	fn have_proba(&self) -> bool {
		!self.prob_a.is_empty()
	}

	/// Scores per row in the output.
	fn width(&self) -> usize {
		if self.svc() && !self.have_proba() {
			if self.labels.len() > 2 {
				self.classifiers()
			} else {
				2
			}
		} else {
			self.labels.len()
		}
	}

	fn features(&self) -> usize {
		if self.svc() {
			self.kernels.features
		} else {
			self.coefficients.len() / self.labels.len()
		}
	}

	/// One row: its label, its scores into `out` (`width()` long).
	fn row(&self, x: &[f32], kernel: &mut [f32], votes: &mut [i64], out: &mut [f32]) -> i64 {
		let classes = self.labels.len();
		let (max_class, max_weight) = if self.svc() {
			self.kernels.eval(x, kernel);
			votes.iter_mut().for_each(|v| *v = 0);
			let vectors = self.kernels.count();
			let mut pair = Vec::with_capacity(self.classifiers());
			let mut k = 0;
			for i in 0..classes - 1 {
				let (si, ni) = (self.starts[i], self.per_class[i]);
				for j in i + 1..classes {
					let (sj, nj) = (self.starts[j], self.per_class[j]);
					let mut sum = 0f64;
					let row_j = &self.coefficients[vectors * (j - 1) + si..][..ni];
					for (c, v) in row_j.iter().zip(&kernel[si..si + ni]) {
						sum += f64::from(c * v);
					}
					let row_i = &self.coefficients[vectors * i + sj..][..nj];
					for (c, v) in row_i.iter().zip(&kernel[sj..sj + nj]) {
						sum += f64::from(c * v);
					}
					sum += f64::from(self.rho[k]);
					k += 1;
					pair.push(sum as f32);
					votes[if sum > 0.0 { i } else { j }] += 1;
				}
			}
			if self.have_proba() {
				let mut r = vec![0f32; classes * classes];
				let mut index = 0;
				for i in 0..classes - 1 {
					for j in i + 1..classes {
						let p = sigmoid_probability(
							pair[index],
							self.prob_a[index],
							self.prob_b[index],
						);
						let p = p.clamp(1.0e-7, 1.0 - 1.0e-7);
						r[i * classes + j] = p;
						r[j * classes + i] = 1.0 - p;
						index += 1;
					}
				}
				multiclass_probability(classes, &r, out);
			} else if classes > 2 {
				out.copy_from_slice(&pair);
			} else {
				out[0] = pair[0];
			}
			(first_max_index(votes), 0.0)
		} else {
			let features = self.features();
			for (c, o) in out.iter_mut().enumerate() {
				*o = dot(x, &self.coefficients[c * features..(c + 1) * features]) + self.rho[0];
			}
			let m = first_max_index_f32(out);
			(m, out[m])
		};

		let label = if self.classifiers() == 1 {
			if !self.have_proba() {
				if (self.all_positive && max_weight >= 0.5)
					|| (max_weight > 0.0 && !self.all_positive)
				{
					self.labels[1]
				} else {
					self.labels[max_class]
				}
			} else {
				self.labels[max_class]
			}
		} else {
			self.labels[max_class]
		};

		// onnxruntime's `batched_update_scores_inplace` on this row's scores.
		let scored = if self.svc() && !self.have_proba() { self.classifiers() } else { classes };
		if scored > 1 {
			let scores = &mut out[..scored];
			match self.post {
				Post::Probit => scores.iter_mut().for_each(|s| *s = probit(*s)),
				Post::Logistic => scores.iter_mut().for_each(|s| *s = logistic(*s)),
				Post::Softmax => softmax(scores),
				Post::SoftmaxZero => softmax_zero(scores),
				Post::None => {},
			}
		} else if scored == 1 && self.svc() && !self.have_proba() {
			// Two classes, one score, the second written beside it as onnxruntime 1.32 does:
			// `[−s, s]` untransformed, `[1 − σ(s), σ(s)]` through the logistic, `[1 − s, s]`
			// (untransformed) for the softmaxes.
			let s = out[0];
			match self.post {
				Post::None => {
					out[0] = -s;
					out[1] = s;
				},
				Post::Logistic => {
					out[0] = logistic(-s);
					out[1] = logistic(s);
				},
				_ => {
					out[0] = 1.0 - s;
					out[1] = s;
				},
			}
		}
		label
	}
}

fn first_max_index(values: &[i64]) -> usize {
	let mut best = 0;
	for (i, v) in values.iter().enumerate() {
		if *v > values[best] {
			best = i;
		}
	}
	best
}

fn first_max_index_f32(values: &[f32]) -> usize {
	let mut best = 0;
	for (i, v) in values.iter().enumerate() {
		if *v > values[best] {
			best = i;
		}
	}
	best
}

/// onnxruntime's `sigmoid_probability` (libsvm's Platt scaling).
fn sigmoid_probability(score: f32, a: f32, b: f32) -> f32 {
	1.0 - logistic(score * a + b)
}

/// onnxruntime's `multiclass_probability` (Wu, Lin and Weng's second method, libsvm's
/// `multiclass_probability`, single precision), `r` the `[classes, classes]` pairwise
/// probabilities, into `p`.
fn multiclass_probability(classes: usize, r: &[f32], p: &mut [f32]) {
	let k = classes;
	let mut q = vec![0f32; k * k];
	let mut qp = vec![0f32; k];
	let eps = 0.005f32 / k as f32;
	for i in 0..k {
		p[i] = 1.0 / k as f32;
		for j in 0..i {
			q[i * k + i] += r[j * k + i] * r[j * k + i];
			q[i * k + j] = q[j * k + i];
		}
		for j in i + 1..k {
			q[i * k + i] += r[j * k + i] * r[j * k + i];
			q[i * k + j] = -r[j * k + i] * r[i * k + j];
		}
	}
	for _ in 0..100 {
		let mut pqp = 0f32;
		for i in 0..k {
			qp[i] = 0.0;
			for j in 0..k {
				qp[i] += q[i * k + j] * p[j];
			}
			pqp += p[i] * qp[i];
		}
		let mut max_error = 0f32;
		for &q in qp.iter() {
			let error = (q - pqp).abs();
			if error > max_error {
				max_error = error;
			}
		}
		if max_error < eps {
			break;
		}
		for i in 0..k {
			let diff = (-qp[i] + pqp) / q[i * k + i];
			p[i] += diff;
			pqp = (pqp + diff * (diff * q[i * k + i] + 2.0 * qp[i])) / (1.0 + diff) / (1.0 + diff);
			for j in 0..k {
				qp[j] = (qp[j] + diff * q[i * k + j]) / (1.0 + diff);
				p[j] /= 1.0 + diff;
			}
		}
	}
}

fn usize_of(v: i64, what: &str) -> TractResult<usize> {
	usize::try_from(v).map_err(|_| format_err!("{what} must not be negative, got {v}"))
}

/// The `SVMClassifier` translator.
pub fn classifier(
	_ctx: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	refuse_string_labels(node)?;
	let labels = attr_i64s(node, "classlabels_ints")?;
	let classes = labels.len();
	if !(2..=MAX_SVM_CLASSES).contains(&classes) {
		bail!("an SVM classifier needs 2 to {MAX_SVM_CLASSES} classes, this one has {classes}");
	}
	let per_class = attr_i64s(node, "vectors_per_class")?
		.into_iter()
		.map(|v| usize_of(v, "vectors_per_class"))
		.collect::<TractResult<Vec<_>>>()?;
	let mut starts = Vec::with_capacity(per_class.len());
	let mut count = 0usize;
	for &n in &per_class {
		starts.push(count);
		count = count.checked_add(n).ok_or_else(|| format_err!("vectors_per_class overflows"))?;
	}
	let per_class = if count == 0 { vec![] } else { per_class };
	let coefficients = attr_f32s(node, "coefficients")?;
	let rho = attr_f32s(node, "rho")?;
	let prob_a = attr_f32s(node, "prob_a")?;
	let prob_b = attr_f32s(node, "prob_b")?;
	if coefficients.is_empty() || coefficients.len() > MAX_SVM_VALUES {
		bail!("{} coefficients: an SVM needs 1 to {MAX_SVM_VALUES}", coefficients.len());
	}
	if prob_a.len() != prob_b.len() {
		bail!("prob_a has {} values and prob_b {}: they must match", prob_a.len(), prob_b.len());
	}
	let kernels = Kernels::read(node, attr_f32s(node, "support_vectors")?, count)?;
	let pairs = classes * (classes - 1) / 2;
	let post = Post::parse(node.get_attr_opt("post_transform")?)?;
	if count > 0 {
		if per_class.len() != classes {
			bail!("vectors_per_class has {} entries for {classes} classes", per_class.len());
		}
		if coefficients.len() < (classes - 1) * count {
			bail!(
				"{} coefficients, fewer than (classes − 1) × vectors = {}",
				coefficients.len(),
				(classes - 1) * count
			);
		}
		if rho.len() < pairs {
			bail!("{} rho values, fewer than the {pairs} class pairs", rho.len());
		}
		if !prob_a.is_empty() && prob_a.len() < pairs {
			bail!("{} prob_a values, fewer than the {pairs} class pairs", prob_a.len());
		}
		if prob_a.is_empty() && classes == 2 && post == Post::Probit {
			bail!("post_transform PROBIT on a binary SVM without probabilities: onnxruntime leaves its second score unset");
		}
	} else {
		if coefficients.len() % classes != 0 {
			bail!(
				"{} linear coefficients are not one row per class ({classes})",
				coefficients.len()
			);
		}
		if rho.is_empty() {
			bail!("rho must have at least one value");
		}
		if !prob_a.is_empty() {
			bail!("prob_a/prob_b on a linear SVM are not supported");
		}
	}
	let all_positive = coefficients.iter().all(|&c| c >= 0.0);
	let op = SvmClassifier {
		kernels,
		coefficients,
		per_class,
		starts,
		rho,
		prob_a,
		prob_b,
		labels,
		post,
		all_positive,
	};
	Ok((hir(op), vec![]))
}

/// `SVMRegressor`.
#[derive(Clone, Debug, PartialEq)]
pub struct SvmRegressor {
	kernels: Kernels,
	coefficients: Vec<f32>,
	rho: f32,
	one_class: bool,
}

// Floats compare by value; tract needs `Eq` for its operator equality, never on NaN attributes.
impl Eq for SvmRegressor {}

impl SvmRegressor {
	fn features(&self) -> usize {
		if self.kernels.count() > 0 {
			self.kernels.features
		} else {
			self.coefficients.len()
		}
	}

	fn row(&self, x: &[f32], kernel: &mut [f32]) -> f32 {
		let y = if self.kernels.count() > 0 {
			self.kernels.eval(x, kernel);
			dot(kernel, &self.coefficients) + self.rho
		} else {
			dot(x, &self.coefficients) + self.rho
		};
		if self.one_class {
			if y > 0.0 {
				1.0
			} else {
				-1.0
			}
		} else {
			y
		}
	}
}

/// The `SVMRegressor` translator.
pub fn regressor(
	_ctx: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	let count = usize_of(node.get_attr_opt::<i64>("n_supports")?.unwrap_or(0), "n_supports")?;
	let coefficients = attr_f32s(node, "coefficients")?;
	if coefficients.is_empty() || coefficients.len() > MAX_SVM_VALUES {
		bail!("{} coefficients: an SVM needs 1 to {MAX_SVM_VALUES}", coefficients.len());
	}
	let rho = attr_f32s(node, "rho")?;
	let Some(&rho) = rho.first() else { bail!("rho must have at least one value") };
	let kernels = Kernels::read(node, attr_f32s(node, "support_vectors")?, count)?;
	if count > 0 && coefficients.len() < count {
		bail!("{} coefficients for {count} support vectors", coefficients.len());
	}
	let coefficients = if count > 0 { coefficients[..count].to_vec() } else { coefficients };
	let one_class = node.get_attr_opt::<i64>("one_class")?.unwrap_or(0) != 0;
	Ok((hir(SvmRegressor { kernels, coefficients, rho, one_class }), vec![]))
}

/// Rows and features of the input, checked against the model, as f32.
fn rows_f32(input: &TValue, features: usize, op: &str) -> TractResult<(Tensor, usize)> {
	let (rows, width) = rows_and_width(input.shape())?;
	if width != features {
		bail!("{op} expects {features} features per row, the input has {width}");
	}
	let dt = input.datum_type();
	if ![f32::datum_type(), f64::datum_type(), i64::datum_type(), i32::datum_type()].contains(&dt) {
		bail!("{op} takes f32, f64, i64 or i32 features, not {dt:?}");
	}
	Ok((input.cast_to::<f32>()?.into_owned(), rows))
}

fn typed_rows(input: &TypedFact, features: usize, op: &str) -> TractResult<TDim> {
	let (rows, width) = match input.rank() {
		1 => (1.to_dim(), input.shape[0].clone()),
		2 => (input.shape[0].clone(), input.shape[1].clone()),
		r => bail!("{op} takes [rows, features] or [features], not rank {r}"),
	};
	if let Ok(width) = width.to_usize() {
		if width != features {
			bail!("{op} expects {features} features per row, the input has {width}");
		}
	}
	Ok(rows)
}

fn per_row(v: usize) -> i64 {
	i64::try_from(v.max(1)).unwrap_or(i64::MAX)
}

impl Op for SvmClassifier {
	fn name(&self) -> StaticName {
		"SVMClassifier".into()
	}
	op_as_typed_op!();
}

impl EvalOp for SvmClassifier {
	op_out_of_plan!();

	fn eval(&self, _ctx: &EvalContext, inputs: TVec<TValue>) -> TractResult<TVec<TValue>> {
		let features = self.features();
		let (x, rows) = rows_f32(&inputs[0], features, "SVMClassifier")?;
		let x = x.as_slice::<f32>()?;
		let width = self.width();
		let mut labels = vec![0i64; rows];
		let mut y = vec![0f32; rows * width];
		let mut kernel = vec![0f32; self.kernels.count()];
		let mut votes = vec![0i64; self.labels.len()];
		for r in 0..rows {
			let row = &x[r * features..(r + 1) * features];
			labels[r] = self.row(row, &mut kernel, &mut votes, &mut y[r * width..(r + 1) * width]);
		}
		Ok(tvec!(
			tensor1(&labels).into_tvalue(),
			tensor1(&y).into_shape(&[rows, width])?.into_tvalue()
		))
	}
}

impl TypedOp for SvmClassifier {
	fn output_facts(&self, inputs: &[&TypedFact]) -> TractResult<TVec<TypedFact>> {
		let rows = typed_rows(inputs[0], self.features(), "SVMClassifier")?;
		Ok(tvec!(i64::fact([rows.clone()]), f32::fact([rows, self.width().to_dim()])))
	}

	fn cost(&self, inputs: &[&TypedFact]) -> TractResult<TVec<(Cost, TDim)>> {
		let rows = typed_rows(inputs[0], self.features(), "SVMClassifier")?;
		let classes = self.labels.len();
		let work = if self.svc() {
			let pairwise = self.kernels.count().saturating_mul(classes);
			let proba = if self.have_proba() {
				classes.saturating_mul(classes).saturating_mul(100)
			} else {
				0
			};
			self.kernels
				.count()
				.saturating_mul(self.kernels.work())
				.saturating_add(pairwise)
				.saturating_add(proba)
		} else {
			self.coefficients.len()
		};
		Ok(tvec!((Cost::FMA(f32::datum_type()), rows * per_row(work))))
	}

	as_op!();
}

impl MlOp for SvmClassifier {
	fn onnx_name(&self) -> &'static str {
		"SVMClassifier"
	}

	fn outputs(&self) -> usize {
		2
	}

	fn rules<'r, 'p: 'r, 's: 'r>(
		&'s self,
		s: &mut Solver<'r>,
		inputs: &'p [TensorProxy],
		outputs: &'p [TensorProxy],
	) -> InferenceResult {
		classifier_rules(s, inputs, outputs, self.width())
	}
}

impl Op for SvmRegressor {
	fn name(&self) -> StaticName {
		"SVMRegressor".into()
	}
	op_as_typed_op!();
}

impl EvalOp for SvmRegressor {
	op_out_of_plan!();

	fn eval(&self, _ctx: &EvalContext, inputs: TVec<TValue>) -> TractResult<TVec<TValue>> {
		let features = self.features();
		let (x, rows) = rows_f32(&inputs[0], features, "SVMRegressor")?;
		let x = x.as_slice::<f32>()?;
		let mut kernel = vec![0f32; self.kernels.count()];
		let y: Vec<f32> = (0..rows)
			.map(|r| self.row(&x[r * features..(r + 1) * features], &mut kernel))
			.collect();
		Ok(tvec!(tensor1(&y).into_shape(&[rows, 1])?.into_tvalue()))
	}
}

impl TypedOp for SvmRegressor {
	fn output_facts(&self, inputs: &[&TypedFact]) -> TractResult<TVec<TypedFact>> {
		let rows = typed_rows(inputs[0], self.features(), "SVMRegressor")?;
		Ok(tvec!(f32::fact([rows, 1.to_dim()])))
	}

	fn cost(&self, inputs: &[&TypedFact]) -> TractResult<TVec<(Cost, TDim)>> {
		let rows = typed_rows(inputs[0], self.features(), "SVMRegressor")?;
		let work = self
			.kernels
			.count()
			.saturating_mul(self.kernels.work())
			.saturating_add(self.coefficients.len());
		Ok(tvec!((Cost::FMA(f32::datum_type()), rows * per_row(work))))
	}

	as_op!();
}

impl MlOp for SvmRegressor {
	fn onnx_name(&self) -> &'static str {
		"SVMRegressor"
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
		regressor_rules(s, inputs, outputs, 1)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn multiclass_probability_of_consistent_pairs_is_their_distribution() {
		// Pairwise probabilities of the distribution (0.5, 0.3, 0.2): r_ij = p_i / (p_i + p_j).
		let p = [0.5f32, 0.3, 0.2];
		let mut r = vec![0f32; 9];
		for i in 0..3 {
			for j in 0..3 {
				if i != j {
					r[i * 3 + j] = p[i] / (p[i] + p[j]);
				}
			}
		}
		let mut out = [0f32; 3];
		multiclass_probability(3, &r, &mut out);
		for (a, b) in out.iter().zip(p) {
			assert!((a - b).abs() < 0.01, "{out:?}");
		}
	}

	#[test]
	fn kernels_compute_their_definitions() {
		let k = |kind, vectors: Vec<f32>| Kernels {
			kind,
			gamma: 0.5,
			coef0: 1.0,
			degree: 3.0,
			vectors,
			features: 2,
		};
		let x = [1.0f32, 2.0];
		let mut out = [0f32; 1];
		k(Kernel::Linear, vec![3.0, 4.0]).eval(&x, &mut out);
		assert_eq!(out[0], 11.0);
		k(Kernel::Poly, vec![3.0, 4.0]).eval(&x, &mut out);
		assert_eq!(out[0], 6.5 * 6.5 * 6.5);
		k(Kernel::Rbf, vec![1.0, 0.0]).eval(&x, &mut out);
		assert_eq!(out[0], libm::expf(-2.0));
		k(Kernel::Sigmoid, vec![3.0, 4.0]).eval(&x, &mut out);
		assert_eq!(out[0], libm::tanhf(6.5));
	}
}
