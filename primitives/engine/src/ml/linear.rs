//! `LinearClassifier` (ai.onnx.ml, opset 1) with onnxruntime's semantics
//! (`core/providers/cpu/ml/linearclassifier.cc`): replaces tract's, which writes a binary
//! classifier's second score differently and refuses `SOFTMAX_ZERO` and `PROBIT`.
//! tract's `LinearRegressor` agrees with onnxruntime and stays.

use tract_onnx::{
	model::ParsingContext,
	pb::NodeProto,
	prelude::*,
	tract_core::{internal::*, ops::Cost},
	tract_hir::internal::*,
};

use super::{
	attr_f32s, attr_i64s, classifier_rules, hir, post::*, refuse_string_labels, rows_and_width,
	MlOp, PlainSlice,
};

/// At most this many coefficients.
pub const MAX_LINEAR_VALUES: usize = 16 << 20;

/// `LinearClassifier`.
#[derive(Clone, Debug, PartialEq)]
pub struct LinearClassifier {
	/// `[targets, features]`.
	coefficients: Vec<f32>,
	/// One per target.
	intercepts: Vec<f32>,
	labels: Vec<i64>,
	post: Post,
}

// Floats compare by value; tract needs `Eq` for its operator equality, never on NaN attributes.
impl Eq for LinearClassifier {}

impl LinearClassifier {
	fn targets(&self) -> usize {
		self.intercepts.len()
	}

	fn features(&self) -> usize {
		self.coefficients.len() / self.targets()
	}

	/// One score per target, and a second column for a single target with two labels.
	fn second_class(&self) -> bool {
		self.targets() == 1 && self.labels.len() == 2
	}

	fn width(&self) -> usize {
		if self.second_class() {
			2
		} else {
			self.targets()
		}
	}

	fn row(&self, x: &[f32], out: &mut [f32]) -> i64 {
		let targets = self.targets();
		let features = self.features();
		let mut scores = [0f32; 1];
		let scores: &mut [f32] = if targets == 1 { &mut scores } else { &mut out[..targets] };
		for (t, s) in scores.iter_mut().enumerate() {
			let mut sum = 0f32;
			for (a, b) in x.iter().zip(&self.coefficients[t * features..(t + 1) * features]) {
				sum += a * b;
			}
			*s = sum + self.intercepts[t];
		}
		if targets == 1 {
			let s = scores[0];
			let (positive, negative) =
				if self.labels.len() == 2 { (self.labels[1], self.labels[0]) } else { (1, 0) };
			let label = if s > 0.0 { positive } else { negative };
			if self.post == Post::Probit {
				out[0] = probit(s);
			} else if self.second_class() && self.post == Post::Logistic {
				// onnxruntime 1.32: the logistic, then its complement beside it.
				out[0] = logistic(-s);
				out[1] = logistic(s);
			} else if self.second_class() {
				out[0] = 1.0 - s;
				out[1] = s;
			} else {
				out[0] = s;
			}
			return label;
		}
		let mut best = 0;
		for (j, &s) in scores.iter().enumerate().skip(1) {
			if s > scores[best] {
				best = j;
			}
		}
		match self.post {
			Post::Probit => scores.iter_mut().for_each(|s| *s = probit(*s)),
			Post::Logistic => scores.iter_mut().for_each(|s| *s = logistic(*s)),
			Post::Softmax => softmax(scores),
			Post::SoftmaxZero => softmax_zero(scores),
			Post::None => {},
		}
		self.labels[best]
	}
}

/// The `LinearClassifier` translator.
pub fn classifier(
	_ctx: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	refuse_string_labels(node)?;
	let labels = attr_i64s(node, "classlabels_ints")?;
	let coefficients = attr_f32s(node, "coefficients")?;
	let intercepts = attr_f32s(node, "intercepts")?;
	let targets = intercepts.len();
	if targets == 0 {
		bail!("LinearClassifier needs one intercept per class, it has none");
	}
	if coefficients.is_empty()
		|| coefficients.len() > MAX_LINEAR_VALUES
		|| coefficients.len() % targets != 0
	{
		bail!(
			"{} coefficients do not make {targets} rows of up to {MAX_LINEAR_VALUES} values",
			coefficients.len()
		);
	}
	if targets > 1 && labels.len() < targets {
		bail!("{targets} scores but {} class labels", labels.len());
	}
	let post = Post::parse(node.get_attr_opt("post_transform")?)?;
	if targets == 1 && labels.len() == 2 && post == Post::Probit {
		bail!("post_transform PROBIT on a one-score binary LinearClassifier: onnxruntime leaves its second score unset");
	}
	Ok((hir(LinearClassifier { coefficients, intercepts, labels, post }), vec![]))
}

impl Op for LinearClassifier {
	fn name(&self) -> StaticName {
		"LinearClassifier".into()
	}
	op_as_typed_op!();
}

impl EvalOp for LinearClassifier {
	op_out_of_plan!();

	fn eval(&self, _ctx: &EvalContext, inputs: TVec<TValue>) -> TractResult<TVec<TValue>> {
		let x = &inputs[0];
		let (rows, width) = rows_and_width(x.shape())?;
		let features = self.features();
		if width != features {
			bail!("LinearClassifier expects {features} features per row, the input has {width}");
		}
		let dt = x.datum_type();
		if ![f32::datum_type(), f64::datum_type(), i64::datum_type(), i32::datum_type()]
			.contains(&dt)
		{
			bail!("LinearClassifier takes f32, f64, i64 or i32 features, not {dt:?}");
		}
		let x = x.cast_to::<f32>()?;
		let x = x.as_slice::<f32>()?;
		let w = self.width();
		let mut labels = vec![0i64; rows];
		let mut y = vec![0f32; rows * w];
		for r in 0..rows {
			labels[r] = self.row(&x[r * features..(r + 1) * features], &mut y[r * w..(r + 1) * w]);
		}
		Ok(tvec!(tensor1(&labels).into_tvalue(), tensor1(&y).into_shape(&[rows, w])?.into_tvalue()))
	}
}

impl TypedOp for LinearClassifier {
	fn output_facts(&self, inputs: &[&TypedFact]) -> TractResult<TVec<TypedFact>> {
		let x = inputs[0];
		let rows = match x.rank() {
			1 => 1.to_dim(),
			2 => x.shape[0].clone(),
			r => bail!("LinearClassifier takes [rows, features] or [features], not rank {r}"),
		};
		if let Ok(width) = x.shape[x.rank() - 1].to_usize() {
			if width != self.features() {
				bail!(
					"LinearClassifier expects {} features per row, the input has {width}",
					self.features()
				);
			}
		}
		Ok(tvec!(i64::fact([rows.clone()]), f32::fact([rows, self.width().to_dim()])))
	}

	fn cost(&self, inputs: &[&TypedFact]) -> TractResult<TVec<(Cost, TDim)>> {
		let rows = if inputs[0].rank() == 2 { inputs[0].shape[0].clone() } else { 1.to_dim() };
		let per_row = i64::try_from(self.coefficients.len().saturating_add(self.targets()))
			.unwrap_or(i64::MAX);
		Ok(tvec!((Cost::FMA(f32::datum_type()), rows * per_row)))
	}

	as_op!();
}

impl MlOp for LinearClassifier {
	fn onnx_name(&self) -> &'static str {
		"LinearClassifier"
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
