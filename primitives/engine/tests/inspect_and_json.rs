//! What operators and scripts read: inspection and the tensor JSON.

use sibyl_engine::testing::*;
use sibyl_engine::{json::InputJson, json::TensorJson, DType, Engine, ModelId};

#[test]
fn inspect_reports_io_operators_and_cost() {
	let mlp = Mlp::new(64, 32, 10);
	let bytes = mlp.onnx(D::N(1));
	let info = Engine::default().inspect(&bytes, &[]);
	assert_eq!(info.rejection, None);
	assert_eq!(info.model_id, ModelId::of(&bytes).to_hex());
	assert_eq!(info.inputs[0].name, "x");
	assert_eq!(info.inputs[0].dtype.as_deref(), Some("f32"));
	assert_eq!(info.inputs[0].shape, vec!["1", "64"]);
	assert_eq!(info.outputs[0].name, "y");
	let ops: Vec<&str> = info.operators.iter().map(|(op, _)| op.as_str()).collect();
	assert_eq!(ops, vec!["Add", "MatMul", "Relu"]);
	let cost = info.cost.expect("a cost for a fully shaped model");
	assert_eq!(cost.fma, 64 * 32 + 32 * 10);
	assert_eq!(cost.output_bytes, 40);
}

#[test]
fn inspect_explains_refusals() {
	let engine = Engine::default();
	let info = engine.inspect(&unsupported_op(), &[]);
	assert!(info.rejection.unwrap().contains("SibylNoSuchOp"));

	let dynamic = Mlp::new(8, 4, 2).onnx(D::Sym("batch"));
	let info = engine.inspect(&dynamic, &[]);
	assert!(info.cost.is_none());
	assert!(info.rejection.unwrap().contains("--shape x=1,8"));
	assert_eq!(info.inputs[0].shape, vec!["batch", "8"]);
	let info = engine.inspect(&dynamic, &[Some(vec![4, 8])]);
	assert_eq!(info.rejection, None);
	// Pinned, every shape is concrete: the input's and the output's that follows from it.
	assert_eq!(info.inputs[0].shape, vec!["4", "8"]);
	assert_eq!(info.outputs[0].shape, vec!["4", "2"]);
	assert_eq!(info.outputs[0].dtype.as_deref(), Some("f32"));
	assert_eq!(info.cost.unwrap().fma, 4 * (8 * 4 + 4 * 2));

	let info = engine.inspect(b"not onnx at all", &[]);
	assert!(info.rejection.unwrap().starts_with("not a loadable ONNX model"));
}

#[test]
fn input_json_converts_every_dtype() {
	let text = r#"{"inputs":[
		{"name":"a","dtype":"f32","shape":[2],"data":[0.5,-1]},
		{"name":"b","dtype":"i64","shape":[1],"data":[-7]},
		{"name":"c","dtype":"u8","shape":[2],"data":[0,255]},
		{"name":"d","dtype":"bool","shape":[3],"data":[true,false,1]},
		{"dtype":"i8","shape":[1],"data":[-128]},
		{"dtype":"i32","shape":[1],"data":[2147483647]},
		{"dtype":"f64","shape":[1],"data":[1e-300]}
	]}"#;
	let (names, tensors) = InputJson::parse(text).unwrap();
	assert_eq!(names[0].as_deref(), Some("a"));
	assert_eq!(names[4], None);
	assert_eq!(tensors[0].data.as_slice(), &[0.5f32.to_le_bytes(), (-1f32).to_le_bytes()].concat());
	assert_eq!(tensors[2].data.as_slice(), &[0, 255]);
	assert_eq!(tensors[3].data.as_slice(), &[1, 0, 1]);
	for (tensor, dtype) in tensors.iter().zip(DType::ALL) {
		let _ = dtype;
		let back = TensorJson::from_tensor(None, tensor).to_tensor().unwrap();
		assert_eq!(&back, tensor);
	}
}

#[test]
fn input_json_errors_name_the_tensor_and_element() {
	let cases = [
		(
			r#"{"inputs":[{"name":"x","dtype":"f16","shape":[1],"data":[1]}]}"#,
			"unknown dtype `f16`",
		),
		(r#"{"inputs":[{"name":"x","dtype":"u8","shape":[1],"data":[256]}]}"#, "x: element 0"),
		(r#"{"inputs":[{"name":"x","dtype":"i64","shape":[1],"data":[1.5]}]}"#, "x: element 0"),
		(r#"{"inputs":[{"name":"x","dtype":"f32","shape":[2],"data":[1]}]}"#, "do not fit shape"),
		(r#"{"inputs":[{"name":"x","dtype":"f32","shape":[1],"data":[1e39]}]}"#, "element 0"),
		(
			r#"{"inputs":[{"name":"x","dtype":"f32","shape":[1],"data":[1],"extra":1}]}"#,
			"unknown field",
		),
	];
	for (text, expected) in cases {
		let err = InputJson::parse(text).unwrap_err();
		assert!(err.contains(expected), "{text}: {err}");
	}
}
