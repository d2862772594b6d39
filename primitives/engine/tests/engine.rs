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

// ---- Control flow: `If` ----

mod control_flow {
	use super::*;
	use tract_onnx::pb::{attribute_proto::AttributeType, AttributeProto, GraphProto};

	fn graph_attribute(name: &str, graph: GraphProto) -> AttributeProto {
		AttributeProto {
			name: name.into(),
			r#type: AttributeType::Graph as i32,
			g: Some(graph),
			..Default::default()
		}
	}

	/// A branch: its nodes, constants, and one output `name` (declared with a symbolic
	/// dimension, as PyTorch's exporter writes them, which the engine must not trust).
	fn branch(
		nodes: Vec<tract_onnx::pb::NodeProto>,
		initializer: Vec<tract_onnx::pb::TensorProto>,
		name: &str,
	) -> GraphProto {
		GraphProto {
			name: format!("branch_{name}"),
			node: nodes,
			initializer,
			output: vec![value(name, FLOAT, &[D::Sym("batch"), D::N(4)])],
			..Default::default()
		}
	}

	fn if_node(
		cond: &str,
		output: &str,
		then: GraphProto,
		otherwise: GraphProto,
	) -> tract_onnx::pb::NodeProto {
		let mut node = node("If", &[cond], &[output]);
		node.attribute =
			vec![graph_attribute("then_branch", then), graph_attribute("else_branch", otherwise)];
		node
	}

	/// `torch.squeeze(x, 0)` as PyTorch exports it: if `x.shape[0] == 1` then `Squeeze` else
	/// `Identity`. For a batch of 1 the else branch is the real one's opposite: tract alone
	/// types both and fails on the branches' different shapes.
	fn squeeze_if_one() -> Vec<u8> {
		let then = branch(
			vec![node("Squeeze", &["x", "axis0"], &["t"])],
			vec![ints("axis0", &[1], vec![0])],
			"t",
		);
		let otherwise = branch(vec![node("Identity", &["x"], &["e"])], vec![], "e");
		model(
			vec![
				node("Shape", &["x"], &["shape"]),
				node("Gather", &["shape", "zero"], &["rows"]),
				node("Equal", &["rows", "one"], &["single"]),
				if_node("single", "y", then, otherwise),
			],
			vec![ints("zero", &[], vec![0]), ints("one", &[], vec![1])],
			vec![value("x", FLOAT, &[D::Sym("batch"), D::N(4)])],
			vec![value("y", FLOAT, &[])],
		)
	}

	#[test]
	fn a_shape_decided_if_runs_only_the_branch_it_takes() -> Result<(), EngineError> {
		let bytes = squeeze_if_one();
		let one = engine().run_bytes(&bytes, &[f32_tensor(&[1, 4], &[1.0, 2.0, 3.0, 4.0])])?;
		assert_eq!(one[0].shape.as_slice(), &[4]);
		assert_eq!(f32_values(&one[0]), vec![1.0, 2.0, 3.0, 4.0]);
		let x: Vec<f32> = (0..8).map(|i| i as f32).collect();
		let two = engine().run_bytes(&bytes, &[f32_tensor(&[2, 4], &x)])?;
		assert_eq!(two[0].shape.as_slice(), &[2, 4]);
		assert_eq!(f32_values(&two[0]), x);
		Ok(())
	}

	fn flag(value: bool) -> Tensor {
		Tensor::new(DType::Bool, vec![], vec![u8::from(value)]).unwrap()
	}

	/// `y = flag ? x · W : x + 10`, `x: f32[1, 4]`, `W` 4×4 (the costlier branch).
	fn value_decided(otherwise: GraphProto) -> Vec<u8> {
		let w: Vec<f32> = (0..16).map(|i| if i % 5 == 0 { 2.0 } else { 0.0 }).collect();
		let then =
			branch(vec![node("MatMul", &["x", "w"], &["t"])], vec![floats("w", &[4, 4], w)], "t");
		model(
			vec![if_node("flag", "y", then, otherwise)],
			vec![],
			vec![value("x", FLOAT, &[D::N(1), D::N(4)]), value("flag", BOOL, &[])],
			vec![value("y", FLOAT, &[D::N(1), D::N(4)])],
		)
	}

	fn add_ten() -> GraphProto {
		branch(vec![node("Add", &["x", "ten"], &["e"])], vec![floats("ten", &[1], vec![10.0])], "e")
	}

	#[test]
	fn a_value_decided_if_runs_either_branch_from_one_plan() -> Result<(), EngineError> {
		let bytes = value_decided(add_ten());
		let x = f32_tensor(&[1, 4], &[1.0, 2.0, 3.0, 4.0]);
		let engine = engine();
		let doubled = engine.run_bytes(&bytes, &[x.clone(), flag(true)])?;
		assert_eq!(f32_values(&doubled[0]), vec![2.0, 4.0, 6.0, 8.0]);
		let shifted = engine.run_bytes(&bytes, &[x, flag(false)])?;
		assert_eq!(f32_values(&shifted[0]), vec![11.0, 12.0, 13.0, 14.0]);
		assert_eq!(engine.cached_plans(), 1, "the condition's value must not need a new plan");
		Ok(())
	}

	#[test]
	fn a_value_decided_if_costs_its_costlier_branch() {
		let info = engine().inspect(&value_decided(add_ten()), &[]);
		assert!(info.rejection.is_none(), "{:?}", info.rejection);
		let cost = info.cost.expect("a cost estimate");
		assert!(cost.fma >= 16, "the MatMul branch's 16 FMAs are counted: {cost:?}");
	}

	#[test]
	fn value_decided_branches_of_different_shapes_are_refused_by_name() {
		let flatten = branch(
			vec![node("Reshape", &["x", "flat"], &["e"])],
			vec![ints("flat", &[1], vec![4])],
			"e",
		);
		let bytes = value_decided(flatten);
		let x = f32_tensor(&[1, 4], &[1.0, 2.0, 3.0, 4.0]);
		match refusal(&bytes, &[x, flag(true)]) {
			EngineError::InvalidModel(why) => {
				assert!(why.contains("agree on types and shapes"), "{why}")
			},
			other => panic!("expected InvalidModel, got {other:?}"),
		}
	}

	#[test]
	fn a_branch_that_cannot_run_on_these_shapes_fails_only_when_taken() -> Result<(), EngineError> {
		// Squeezing axis 1 of a [1, 4] input is impossible: onnxruntime fails when the branch
		// is taken, and so does the engine, while the other branch runs.
		let impossible = branch(
			vec![node("Squeeze", &["x", "axis1"], &["e"])],
			vec![ints("axis1", &[1], vec![1])],
			"e",
		);
		let bytes = value_decided(impossible);
		let x = f32_tensor(&[1, 4], &[1.0, 2.0, 3.0, 4.0]);
		let engine = engine();
		let doubled = engine.run_bytes(&bytes, &[x.clone(), flag(true)])?;
		assert_eq!(f32_values(&doubled[0]), vec![2.0, 4.0, 6.0, 8.0]);
		match engine.run_bytes(&bytes, &[x, flag(false)]) {
			Err(EngineError::ExecutionFailed(why)) => {
				assert!(why.contains("cannot run on these input shapes"), "{why}")
			},
			other => panic!("expected ExecutionFailed, got {other:?}"),
		}
		Ok(())
	}
}

// ---- Control flow: `Loop` ----

mod loops {
	use super::*;
	use tract_onnx::pb::{attribute_proto::AttributeType, AttributeProto, GraphProto, NodeProto};

	/// A loop body: `(iter, cond_in, v_in: f32[3])` → `(cond_out, v_out, scans…)`.
	fn body(
		nodes: Vec<NodeProto>,
		initializer: Vec<tract_onnx::pb::TensorProto>,
		scans: &[&str],
	) -> GraphProto {
		let mut output = vec![value("cond_out", BOOL, &[]), value("v_out", FLOAT, &[D::N(3)])];
		output.extend(scans.iter().map(|s| value(s, FLOAT, &[D::N(3)])));
		GraphProto {
			name: "body".into(),
			node: nodes,
			initializer,
			input: vec![
				value("iter", INT64, &[]),
				value("cond_in", BOOL, &[]),
				value("v_in", FLOAT, &[D::N(3)]),
			],
			output,
			..Default::default()
		}
	}

	/// `Loop(M, cond, x)` over `body`; `M` a constant unless `trips` is `None` (then an input).
	fn looped(trips: Option<i64>, cond: bool, body: GraphProto, scans: bool) -> Vec<u8> {
		let mut node = node(
			"Loop",
			&["M", if cond { "go" } else { "" }, "x"],
			if scans { &["v", "s"] } else { &["v"] },
		);
		node.attribute = vec![AttributeProto {
			name: "body".into(),
			r#type: AttributeType::Graph as i32,
			g: Some(body),
			..Default::default()
		}];
		let mut initializer = vec![tract_onnx::pb::TensorProto {
			name: "go".into(),
			data_type: BOOL,
			int32_data: vec![1],
			..Default::default()
		}];
		let mut inputs = vec![value("x", FLOAT, &[D::N(3)]), value("y", FLOAT, &[D::N(3)])];
		match trips {
			Some(m) => initializer.push(ints("M", &[], vec![m])),
			None => inputs.push(value("M", INT64, &[])),
		}
		let mut outputs = vec![value("v", FLOAT, &[D::N(3)])];
		if scans {
			outputs.push(value("s", FLOAT, &[]));
		}
		model(vec![node], initializer, inputs, outputs)
	}

	/// `v_out = v_in + y + iter` (y read from the enclosing graph), also written as a scan output.
	fn accumulate() -> GraphProto {
		body(
			vec![
				node("Identity", &["cond_in"], &["cond_out"]),
				node("Cast", &["iter"], &["iter_f"]).with_to(1),
				node("Add", &["v_in", "y"], &["v_y"]),
				node("Add", &["v_y", "iter_f"], &["v_out"]),
				node("Identity", &["v_out"], &["s"]),
			],
			vec![],
			&["s"],
		)
	}

	trait WithTo {
		fn with_to(self, to: i64) -> Self;
	}
	impl WithTo for NodeProto {
		fn with_to(mut self, to: i64) -> Self {
			self.attribute.push(int_attribute("to", to));
			self
		}
	}

	#[test]
	fn a_loop_with_a_fixed_trip_count_carries_and_scans() -> Result<(), EngineError> {
		let bytes = looped(Some(4), false, accumulate(), true);
		let x = f32_tensor(&[3], &[1.0, 2.0, 3.0]);
		let y = f32_tensor(&[3], &[10.0, 20.0, 30.0]);
		let out = engine().run_bytes(&bytes, &[x, y])?;
		// x + 4y + (0 + 1 + 2 + 3)
		assert_eq!(f32_values(&out[0]), vec![47.0, 88.0, 129.0]);
		assert_eq!(out[1].shape.as_slice(), &[4, 3]);
		assert_eq!(
			f32_values(&out[1]),
			vec![11.0, 22.0, 33.0, 22.0, 43.0, 64.0, 34.0, 65.0, 96.0, 47.0, 88.0, 129.0]
		);
		Ok(())
	}

	#[test]
	fn a_loop_stops_when_its_condition_turns_false() -> Result<(), EngineError> {
		// cond_out = iter < 2: iterations 0, 1 and 2 run, the fourth check stops it.
		let until_two = body(
			vec![
				node("Less", &["iter", "two"], &["cond_out"]),
				node("Add", &["v_in", "one"], &["v_out"]),
			],
			vec![ints("two", &[], vec![2]), floats("one", &[1], vec![1.0])],
			&[],
		);
		let bytes = looped(Some(10), true, until_two, false);
		let out = engine().run_bytes(
			&bytes,
			&[f32_tensor(&[3], &[0.0, 1.0, 2.0]), f32_tensor(&[3], &[0.0; 3])],
		)?;
		assert_eq!(f32_values(&out[0]), vec![3.0, 4.0, 5.0]);
		Ok(())
	}

	#[test]
	fn a_loop_costs_its_body_times_its_trips() {
		// No scan output: the loop's own outputs are the same size whatever the trips, so only
		// the body's work can tell 4 trips from 400.
		let add_y = || {
			body(
				vec![
					node("Identity", &["cond_in"], &["cond_out"]),
					node("Add", &["v_in", "y"], &["v_out"]),
				],
				vec![],
				&[],
			)
		};
		let ops = |trips: i64| {
			let info = engine().inspect(&looped(Some(trips), false, add_y(), false), &[]);
			assert!(info.rejection.is_none(), "{:?}", info.rejection);
			info.cost.expect("a cost estimate").ops
		};
		let (few, many) = (ops(4), ops(400));
		assert!(many >= 50 * few, "400 trips cost {many} ops, 4 trips {few}");
		// Each trip pays its steps' dispatch (2,000 ops per body node), not only 3 additions.
		assert!(few >= 4 * 2_000, "4 trips of a tiny body cost {few} ops");
	}

	#[test]
	fn loops_whose_cost_cannot_be_bounded_are_refused_by_name() {
		let x = [f32_tensor(&[3], &[0.0; 3]), f32_tensor(&[3], &[0.0; 3])];
		let trip_input = looped(None, false, accumulate(), true);
		let m = Tensor::new(DType::I64, vec![], 3i64.to_le_bytes().to_vec()).unwrap();
		match engine().run_bytes(&trip_input, &[x[0].clone(), x[1].clone(), m]) {
			Err(EngineError::InvalidModel(why)) => assert!(why.contains("trip count"), "{why}"),
			other => panic!("expected InvalidModel, got {other:?}"),
		}
		let early_exit_with_scans = looped(Some(3), true, accumulate(), true);
		match engine().run_bytes(&early_exit_with_scans, &x) {
			Err(EngineError::InvalidModel(why)) => {
				assert!(why.contains("condition input and scan outputs"), "{why}")
			},
			other => panic!("expected InvalidModel, got {other:?}"),
		}
		let huge = looped(Some(1 << 30), false, accumulate(), true);
		match engine().run_bytes(&huge, &x) {
			Err(error) => assert!(error.to_string().contains("trip count"), "{error}"),
			other => panic!("expected a refusal, got {other:?}"),
		}
	}
}

/// A forward LSTM over `steps` steps (hidden 8, input 4): tract runs it as a loop, whose body
/// the cost estimate must count once per step, or a long sequence would be registered as cheap.
#[test]
fn a_recurrent_loop_costs_its_body_times_its_steps() {
	let (hidden, features) = (8i64, 4i64);
	let lstm = |steps: i64| {
		let mut node = node("LSTM", &["x", "w", "r"], &["y", "y_h"]);
		node.attribute = vec![int_attribute("hidden_size", hidden)];
		model(
			vec![node],
			vec![
				floats(
					"w",
					&[1, 4 * hidden, features],
					weights(1, (4 * hidden * features) as usize),
				),
				floats("r", &[1, 4 * hidden, hidden], weights(2, (4 * hidden * hidden) as usize)),
			],
			vec![value("x", FLOAT, &[D::N(steps), D::N(1), D::N(features)])],
			vec![value("y", FLOAT, &[]), value("y_h", FLOAT, &[])],
		)
	};
	let fma = |steps: i64| {
		let info = engine().inspect(&lstm(steps), &[]);
		assert!(info.rejection.is_none(), "{:?}", info.rejection);
		info.cost.expect("a cost estimate").fma
	};
	let per_step = (4 * hidden * (features + hidden)) as u64;
	let (one, many) = (fma(1), fma(64));
	assert!(one >= per_step, "one step costs at least its gates' {per_step} FMAs: {one}");
	assert!(many >= 64 * per_step, "64 steps cost at least 64 × {per_step} FMAs: {many}");
}
