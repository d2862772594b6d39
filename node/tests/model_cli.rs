//! `sibyl-node model inspect` and `model run`, as an operator uses them.

mod common;

use common::run_cli;
use serde_json::Value;
use sibyl_engine::{testing::*, Engine};

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
	let path = dir.join(name);
	std::fs::write(&path, bytes).unwrap();
	path.to_str().unwrap().to_string()
}

fn input_json(values: &[f32]) -> String {
	serde_json::json!({"inputs":[{"name":"x","dtype":"f32","shape":[1, values.len()],"data":values}]})
		.to_string()
}

#[test]
fn run_prints_outputs_commitment_and_latency_as_json() {
	let dir = tempfile::tempdir().unwrap();
	let mlp = Mlp::new(64, 32, 10);
	let bytes = mlp.onnx(D::N(1));
	let model = write(dir.path(), "mlp.onnx", &bytes);
	let x = weights(5, 64);
	let input = write(dir.path(), "in.json", input_json(&x).as_bytes());

	let output = run_cli(&[
		"model", "run", "--model", &model, "--input", &input, "--repeat", "20", "--json",
	]);
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let report: Value = serde_json::from_slice(&output.stdout).unwrap();
	assert_eq!(report["model_id"], sibyl_engine::ModelId::of(&bytes).to_hex());
	assert_eq!(report["outputs"][0]["name"], "y");
	assert_eq!(report["outputs"][0]["dtype"], "f32");
	assert_eq!(report["outputs"][0]["shape"], serde_json::json!([1, 10]));
	let engine_out = Engine::default().run_bytes(&bytes, &[f32_tensor(&[1, 64], &x)]).unwrap();
	let printed: Vec<f32> = report["outputs"][0]["data"]
		.as_array()
		.unwrap()
		.iter()
		.map(|v| v.as_f64().unwrap() as f32)
		.collect();
	assert_eq!(printed, f32_values(&engine_out[0]), "JSON floats must round-trip exactly");
	assert!(report["commitment"].as_str().unwrap().starts_with("0x"));
	assert_eq!(report["commitment"].as_str().unwrap().len(), 66);
	assert_eq!(report["latency_ms"]["runs"], 20);
	assert!(
		report["latency_ms"]["median"].as_f64().unwrap()
			<= report["latency_ms"]["p90"].as_f64().unwrap()
	);

	// The same input gives the same commitment in a new process.
	let again = run_cli(&["model", "run", "--model", &model, "--input", &input, "--json"]);
	let again: Value = serde_json::from_slice(&again.stdout).unwrap();
	assert_eq!(again["commitment"], report["commitment"]);
}

#[test]
fn inspect_describes_the_model_and_its_cost() {
	let dir = tempfile::tempdir().unwrap();
	let model = write(dir.path(), "mlp.onnx", &Mlp::new(8, 4, 2).onnx(D::Sym("batch")));
	let output = run_cli(&["model", "inspect", "--model", &model]);
	let text = String::from_utf8_lossy(&output.stdout);
	assert!(output.status.success());
	assert!(text.contains("inputs     x: f32 [batch, 8]"), "{text}");
	assert!(text.contains("verdict    rejected: unbounded shape"), "{text}");

	let output = run_cli(&["model", "inspect", "--model", &model, "--shape", "x=2,8", "--json"]);
	let info: Value = serde_json::from_slice(&output.stdout).unwrap();
	assert_eq!(info["rejection"], Value::Null);
	assert_eq!(info["cost"]["fma"], 2 * (8 * 4 + 4 * 2));
}

fn failure(args: &[&str]) -> String {
	let output = run_cli(args);
	assert!(!output.status.success(), "{args:?} should fail");
	let err = String::from_utf8_lossy(&output.stderr).into_owned();
	assert_eq!(err.trim().lines().count(), 1, "one line expected:\n{err}");
	assert!(!err.contains("panicked"), "{err}");
	err
}

#[test]
fn bad_models_and_inputs_get_one_line_errors() {
	let dir = tempfile::tempdir().unwrap();
	let mlp = write(dir.path(), "mlp.onnx", &Mlp::new(4, 4, 2).onnx(D::N(1)));
	let good = write(dir.path(), "good.json", input_json(&[0.5; 4]).as_bytes());
	let truncated = write(dir.path(), "cut.onnx", &Mlp::new(4, 4, 2).onnx(D::N(1))[..40]);
	let unsupported = write(dir.path(), "op.onnx", &unsupported_op());
	let wrong_shape = write(dir.path(), "shape.json", input_json(&[0.5; 5]).as_bytes());
	let wrong_dtype = write(
		dir.path(),
		"dtype.json",
		br#"{"inputs":[{"name":"x","dtype":"i64","shape":[1,4],"data":[1,2,3,4]}]}"#,
	);
	let wrong_name = write(
		dir.path(),
		"name.json",
		br#"{"inputs":[{"name":"z","dtype":"f32","shape":[1,4],"data":[1,2,3,4]}]}"#,
	);
	let not_json = write(dir.path(), "bad.json", b"{");

	let run =
		|model: &str, input: &str| failure(&["model", "run", "--model", model, "--input", input]);
	assert!(run(&truncated, &good).contains("not a loadable ONNX model"));
	assert!(run(&unsupported, &good).contains("unsupported ONNX operator(s): SibylNoSuchOp"));
	assert!(run(&mlp, &wrong_shape).contains("input `x` must have shape [1, 4], got [1, 5]"));
	assert!(run(&mlp, &wrong_dtype).contains("input `x` must be f32, got i64"));
	assert!(run(&mlp, &wrong_name).contains("named `z`"));
	assert!(run(&mlp, &not_json).contains("input JSON"));
	assert!(run(&mlp, "/nonexistent.json").contains("cannot read input"));
	assert!(run("/nonexistent.onnx", &good).contains("cannot read model"));
	assert!(
		failure(&["model", "inspect", "--model", &mlp, "--shape", "q=1"]).contains("no input `q`")
	);
}

/// `sibyl-node model upload` of `model` as version 1 of `m`, signed by Alice, to `url`.
fn upload(model: &str, url: &str) -> std::process::Output {
	run_cli(&[
		"model",
		"upload",
		"--model",
		model,
		"--name",
		"m",
		"--model-version",
		"1",
		"--suri",
		"//Alice",
		"--url",
		url,
	])
}

#[test]
fn upload_refuses_a_model_the_engine_rejects_before_touching_the_chain() {
	let dir = tempfile::tempdir().unwrap();
	let model = write(dir.path(), "bad.onnx", &unsupported_op());
	// No node listens on this port: the command must stop before it connects.
	let output = upload(&model, "ws://127.0.0.1:9");
	assert!(!output.status.success());
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(stderr.contains("the engine rejects this model"), "{stderr}");
	assert!(!stderr.contains("cannot connect"), "{stderr}");
	assert_eq!(stderr.trim().lines().count(), 1, "one-line error: {stderr}");
}

#[test]
fn upload_without_a_node_is_a_clear_error() {
	let dir = tempfile::tempdir().unwrap();
	let model = write(dir.path(), "mlp.onnx", &Mlp::new(4, 3, 2).onnx(D::N(1)));
	let port = common::free_port();
	let url = format!("ws://127.0.0.1:{port}");
	let output = upload(&model, &url);
	assert!(!output.status.success());
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(stderr.contains(&format!("cannot connect to {url}")), "{stderr}");
}
