//! The engine on models built in code: correctness, determinism, and every refusal.

use sibyl_engine::testing::*;
use sibyl_engine::{DType, Engine, EngineConfig, EngineError, InferenceError, ModelId, Tensor};

fn engine() -> Engine {
	Engine::default()
}

#[test]
fn mlp_output_matches_a_plain_rust_reference() -> Result<(), EngineError> {
	let mlp = Mlp::new(64, 32, 10);
	let bytes = mlp.onnx(D::N(1));
	let x = weights(7, 64);
	let outputs = engine().run_bytes(&bytes, &[f32_tensor(&[1, 64], &x)])?;
	assert_eq!(outputs.len(), 1);
	assert_eq!(outputs[0].shape.as_slice(), &[1, 10]);
	for (got, want) in f32_values(&outputs[0]).iter().zip(mlp.reference(&x)) {
		assert!((got - want).abs() < 1e-4, "{got} vs {want}");
	}
	Ok(())
}

#[test]
fn outputs_are_bit_identical_across_runs_and_cache_reloads() -> Result<(), EngineError> {
	let mlp = Mlp::new(64, 48, 10);
	let bytes = mlp.onnx(D::N(1));
	let input = [f32_tensor(&[1, 64], &weights(11, 64))];
	let engine = engine();
	let first = engine.run_bytes(&bytes, &input)?;
	for _ in 0..100 {
		assert_eq!(engine.run_bytes(&bytes, &input)?, first);
	}
	engine.clear_cache();
	assert_eq!(engine.run_bytes(&bytes, &input)?, first);
	assert_eq!(Engine::default().run_bytes(&bytes, &input)?, first);
	Ok(())
}

#[test]
fn dynamic_batch_gets_one_cached_plan_per_shape() -> Result<(), EngineError> {
	let mlp = Mlp::new(8, 4, 2);
	let bytes = mlp.onnx(D::Sym("batch"));
	let engine = engine();
	for batch in [3u32, 5, 3] {
		let x = weights(u64::from(batch), 8 * batch as usize);
		let out = engine.run_bytes(&bytes, &[f32_tensor(&[batch, 8], &x)])?;
		assert_eq!(out[0].shape.as_slice(), &[batch, 2]);
		for (got, want) in f32_values(&out[0]).iter().zip(mlp.reference(&x)) {
			assert!((got - want).abs() < 1e-4);
		}
	}
	assert_eq!(engine.cached_plans(), 2);
	Ok(())
}

#[test]
fn plan_cache_stays_within_its_memory_bound() -> Result<(), EngineError> {
	let mlp = Mlp::new(8, 4, 2);
	let bytes = mlp.onnx(D::Sym("batch"));
	// Room for one plan only (a plan is estimated at twice its model's size).
	let engine =
		Engine::new(EngineConfig { max_cached_bytes: bytes.len() * 3, ..Default::default() });
	for batch in 1..=4u32 {
		engine.run_bytes(&bytes, &[f32_tensor(&[batch, 8], &weights(1, 8 * batch as usize))])?;
		assert_eq!(engine.cached_plans(), 1);
	}
	Ok(())
}

#[test]
fn booleans_and_softmax_run() -> Result<(), EngineError> {
	let input = Tensor::new(DType::Bool, vec![1, 3], vec![1, 0, 1]).unwrap();
	let out = engine().run_bytes(&bool_not(), &[input])?;
	assert_eq!(out[0].data.as_slice(), &[0, 1, 0]);

	let out = engine().run_bytes(&softmax(), &[f32_tensor(&[1, 5], &[1.0, 2.0, 3.0, 4.0, 5.0])])?;
	let sum: f32 = f32_values(&out[0]).iter().sum();
	assert!((sum - 1.0).abs() < 1e-6);
	Ok(())
}

fn refusal(bytes: &[u8], inputs: &[Tensor]) -> EngineError {
	engine().run_bytes(bytes, inputs).expect_err("the engine must refuse this")
}

#[test]
fn truncated_and_random_bytes_are_invalid_models() {
	let bytes = Mlp::new(4, 4, 2).onnx(D::N(1));
	let input = [f32_tensor(&[1, 4], &[0.0; 4])];
	let err = refusal(&bytes[..bytes.len() / 2], &input);
	assert!(matches!(err, EngineError::InvalidModel(_)), "{err}");
	let random: Vec<u8> = weights(5, 300).iter().map(|w| (w * 127.0) as i8 as u8).collect();
	let err = refusal(&random, &input);
	assert!(matches!(err, EngineError::InvalidModel(_)), "{err}");
	assert_eq!(err.to_inference_error(), InferenceError::InvalidModel);
}

#[test]
fn unsupported_operator_is_named() {
	let err = refusal(&unsupported_op(), &[f32_tensor(&[1, 4], &[0.0; 4])]);
	assert_eq!(err, EngineError::UnsupportedOperator(vec!["SibylNoSuchOp".into()]));
	assert_eq!(err.to_inference_error(), InferenceError::UnsupportedOperator);
}

#[test]
fn wrong_dtype_rank_dims_and_count_are_refused() {
	let bytes = Mlp::new(4, 4, 2).onnx(D::N(1));
	let i64_input = Tensor::new(DType::I64, vec![1, 4], vec![0; 32]).unwrap();
	assert_eq!(
		refusal(&bytes, &[i64_input]).to_inference_error(),
		InferenceError::InputTypeMismatch
	);
	let err = refusal(&bytes, &[f32_tensor(&[4], &[0.0; 4])]);
	assert!(matches!(err, EngineError::InputShapeMismatch { .. }), "{err}");
	let err = refusal(&bytes, &[f32_tensor(&[1, 5], &[0.0; 5])]);
	assert!(matches!(err, EngineError::InputShapeMismatch { .. }), "{err}");
	let two = [f32_tensor(&[1, 4], &[0.0; 4]), f32_tensor(&[1, 4], &[0.0; 4])];
	assert_eq!(refusal(&bytes, &two), EngineError::InputCountMismatch { expected: 1, given: 2 });
}

#[test]
fn nan_and_infinite_inputs_are_refused() {
	let bytes = Mlp::new(4, 4, 2).onnx(D::N(1));
	for bad in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
		let err = refusal(&bytes, &[f32_tensor(&[1, 4], &[0.0, bad, 0.0, 0.0])]);
		assert_eq!(err, EngineError::NonFiniteInput { index: 0 });
		assert_eq!(err.to_inference_error(), InferenceError::NonFiniteInput);
	}
}

#[test]
fn inconsistent_tensor_data_is_refused() {
	let bytes = Mlp::new(4, 4, 2).onnx(D::N(1));
	let mut tensor = f32_tensor(&[1, 4], &[0.0; 4]);
	tensor.data.truncate(15);
	assert_eq!(refusal(&bytes, &[tensor]).to_inference_error(), InferenceError::InvalidInput);
}

#[test]
fn bytes_that_do_not_match_the_model_id_are_refused() {
	let bytes = Mlp::new(4, 4, 2).onnx(D::N(1));
	let other = ModelId::of(b"another model");
	let err =
		engine().run(&other, &[f32_tensor(&[1, 4], &[0.0; 4])], || Ok(bytes.clone())).unwrap_err();
	assert_eq!(
		err,
		EngineError::ModelHashMismatch { expected: other, actual: ModelId::of(&bytes) }
	);
}

#[test]
fn a_huge_declared_shape_is_refused_before_it_runs() {
	// 100k × 100k floats = 40 GB.
	let err = refusal(&expand_to(100_000, 100_000), &[f32_tensor(&[1, 1], &[1.0])]);
	assert!(matches!(err, EngineError::IntermediateTooLarge { .. }), "{err}");
	assert_eq!(err.to_inference_error(), InferenceError::ModelTooLarge);
}

#[test]
fn an_oversized_output_is_refused_before_it_runs() {
	let engine = Engine::new(EngineConfig { max_output_bytes: 1 << 20, ..Default::default() });
	// 1024 × 1024 floats = 4 MiB > 1 MiB.
	let err = engine.run_bytes(&expand_to(1024, 1024), &[f32_tensor(&[1, 1], &[1.0])]).unwrap_err();
	assert!(matches!(err, EngineError::OutputTooLarge { .. }), "{err}");
}

#[test]
fn an_oversized_input_is_refused() {
	let engine = Engine::new(EngineConfig { max_input_bytes: 8, ..Default::default() });
	let bytes = Mlp::new(4, 4, 2).onnx(D::N(1));
	let err = engine.run_bytes(&bytes, &[f32_tensor(&[1, 4], &[0.0; 4])]).unwrap_err();
	assert_eq!(err, EngineError::InputTooLarge { bytes: 16, limit: 8 });
}

#[test]
fn an_oversized_model_is_refused() {
	let bytes = Mlp::new(64, 64, 10).onnx(D::N(1));
	let engine = Engine::new(EngineConfig { max_model_bytes: 1024, ..Default::default() });
	let err = engine.run_bytes(&bytes, &[f32_tensor(&[1, 64], &[0.0; 64])]).unwrap_err();
	assert!(matches!(err, EngineError::ModelTooLarge { .. }), "{err}");
}

#[test]
fn data_dependent_output_shapes_are_unbounded() {
	let err =
		refusal(&non_zero(), &[f32_tensor(&[1, 8], &[0.0, 1.0, 0.0, 2.0, 0.0, 0.0, 3.0, 0.0])]);
	assert!(matches!(err, EngineError::UnboundedShape(_)), "{err}");
	assert_eq!(err.to_inference_error(), InferenceError::UnboundedShape);
}

#[test]
fn integer_outputs_that_tract_derives_from_shapes_leave_as_i64() -> Result<(), EngineError> {
	// Shape(x) is computed by tract as TDim; the chain sees i64.
	let bytes = model(
		vec![node("Shape", &["x"], &["y"])],
		vec![],
		vec![value("x", FLOAT, &[D::N(2), D::N(3)])],
		vec![value("y", INT64, &[D::N(2)])],
	);
	let out = engine().run_bytes(&bytes, &[f32_tensor(&[2, 3], &[0.0; 6])])?;
	assert_eq!(out[0].dtype, DType::I64);
	assert_eq!(out[0].data.as_slice(), &[2i64.to_le_bytes(), 3i64.to_le_bytes()].concat());
	Ok(())
}
