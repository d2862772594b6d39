//! Score transforms of the ONNX-ML classifiers and regressors, as onnxruntime computes them
//! (`core/providers/cpu/ml/ml_common.h`): single precision throughout, `exp` and `log` from the
//! `libm` crate (plain Rust, no FMA contraction, so the same bits on every CPU; the algorithms
//! are those of musl and glibc's generic `expf`/`logf`).

use tract_onnx::tract_hir::internal::{bail, TractResult};

/// `post_transform` of the ONNX-ML scoring operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Post {
	/// Scores as computed.
	None,
	/// `1 / (1 + e^-x)`, per score.
	Logistic,
	/// Softmax over the scores of a row.
	Softmax,
	/// Softmax that leaves zero scores near zero.
	SoftmaxZero,
	/// `√2 · erfinv(2x − 1)`, per score.
	Probit,
}

impl Post {
	/// Parses the attribute; a missing attribute is `NONE`.
	pub fn parse(value: Option<&str>) -> TractResult<Post> {
		Ok(match value.unwrap_or("NONE") {
			"NONE" => Post::None,
			"LOGISTIC" => Post::Logistic,
			"SOFTMAX" => Post::Softmax,
			"SOFTMAX_ZERO" => Post::SoftmaxZero,
			"PROBIT" => Post::Probit,
			other => bail!("unknown post_transform {other:?}"),
		})
	}
}

/// onnxruntime's `ComputeLogistic`: symmetric, so large negative scores do not overflow.
pub fn logistic(value: f32) -> f32 {
	let v = 1.0 / (1.0 + libm::expf(-value.abs()));
	if value < 0.0 {
		1.0 - v
	} else {
		v
	}
}

/// onnxruntime's `ErfInv` (Winitzki's approximation, its constants).
fn erf_inv(x: f32) -> f32 {
	let sign = if x < 0.0 { -1.0f32 } else { 1.0 };
	let x = (1.0 - x) * (1.0 + x);
	let log = libm::logf(x);
	// onnxruntime 1.32: `static_cast<float>(M_PI)`.
	let v = 2.0 / (core::f32::consts::PI * 0.147) + 0.5 * log;
	let v2 = 1.0 / 0.147f32 * log;
	let v3 = -v + libm::sqrtf(v * v - v2);
	sign * libm::sqrtf(v3)
}

/// onnxruntime's `ComputeProbit`.
pub fn probit(value: f32) -> f32 {
	core::f32::consts::SQRT_2 * erf_inv(2.0 * value - 1.0)
}

/// Softmax after subtracting the row's maximum.
pub fn softmax(values: &mut [f32]) {
	let max = values.iter().fold(-f32::MAX, |m, &v| if v > m { v } else { m });
	let mut sum = 0.0f32;
	for v in values.iter_mut() {
		*v = libm::expf(*v - max);
		sum += *v;
	}
	for v in values.iter_mut() {
		*v /= sum;
	}
}

/// onnxruntime's `ComputeSoftmaxZero`: scores within 1e-7 of zero are scaled, not exponentiated.
pub fn softmax_zero(values: &mut [f32]) {
	let max = values.iter().fold(-f32::MAX, |m, &v| if v > m { v } else { m });
	let exp_neg_max = libm::expf(-max);
	let mut sum = 0.0f32;
	for v in values.iter_mut() {
		if *v > 0.000_000_1 || *v < -0.000_000_1 {
			*v = libm::expf(*v - max);
			sum += *v;
		} else {
			*v *= exp_neg_max;
		}
	}
	for v in values.iter_mut() {
		*v /= sum;
	}
}

/// How a single binary score becomes two (onnxruntime's `add_second_class`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecondClass {
	/// Write the one score as it is.
	No,
	/// Weights are all positive (a probability): `[1 − s, s]`.
	Complement,
	/// Mixed weights, the positive class won: `[−s, s]` (or both through the logistic).
	MixedPositive,
	/// Mixed weights, the negative class won: written as the positive case (onnxruntime 1.32).
	MixedNegative,
}

/// onnxruntime's `write_scores`: applies `post` to a row of scores, turning a single binary score
/// into two as `second` says.
pub fn write_scores(scores: &mut Vec<f32>, post: Post, second: SecondClass) {
	if scores.len() >= 2 {
		match post {
			Post::Probit => scores.iter_mut().for_each(|s| *s = probit(*s)),
			Post::Logistic => scores.iter_mut().for_each(|s| *s = logistic(*s)),
			Post::Softmax => softmax(scores),
			Post::SoftmaxZero => softmax_zero(scores),
			Post::None => {},
		}
	} else if let Some(&s) = scores.first() {
		if post == Post::Probit {
			scores[0] = probit(s);
			return;
		}
		match second {
			SecondClass::No => {},
			SecondClass::Complement => {
				scores[0] = 1.0 - s;
				scores.push(s);
			},
			SecondClass::MixedPositive | SecondClass::MixedNegative if post == Post::Logistic => {
				scores[0] = logistic(-s);
				scores.push(logistic(s));
			},
			SecondClass::MixedPositive | SecondClass::MixedNegative => {
				scores[0] = -s;
				scores.push(s);
			},
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn logistic_and_softmax_match_their_definitions() {
		assert_eq!(logistic(0.0), 0.5);
		assert!((logistic(2.0) - 0.880_797).abs() < 1e-6);
		assert!((logistic(-2.0) - 0.119_203).abs() < 1e-6);
		assert_eq!(logistic(-200.0), 0.0);
		let mut v = vec![1.0, 2.0, 3.0];
		softmax(&mut v);
		assert!((v[2] - 0.665_241).abs() < 1e-6, "{v:?}");
		assert!((v.iter().sum::<f32>() - 1.0).abs() < 1e-6);
		assert!((probit(0.975) - 1.96).abs() < 0.01, "{}", probit(0.975));
	}

	#[test]
	fn one_binary_score_becomes_two_as_onnxruntime_writes_them() {
		let run = |s: f32, post, second| {
			let mut v = vec![s];
			write_scores(&mut v, post, second);
			v
		};
		assert_eq!(run(0.25, Post::None, SecondClass::Complement), vec![0.75, 0.25]);
		assert_eq!(run(2.0, Post::None, SecondClass::MixedPositive), vec![-2.0, 2.0]);
		// onnxruntime 1.32 writes the negative winner like the positive one: `[−s, s]`.
		assert_eq!(run(-2.0, Post::None, SecondClass::MixedNegative), vec![2.0, -2.0]);
		assert_eq!(run(0.0, Post::Logistic, SecondClass::MixedNegative), vec![0.5, 0.5]);
		assert_eq!(run(1.0, Post::None, SecondClass::No), vec![1.0]);
	}
}
