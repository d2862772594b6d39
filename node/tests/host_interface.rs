//! The inference host interface through the real wasm runtime: with the engine extension (as
//! the node sets it up for offchain workers) and without it (everywhere else).

mod common;

use std::{sync::Arc, time::Duration};

use codec::{Decode, Encode};
use sc_executor::WasmExecutor;
use serde_json::json;
use sibyl_engine::{testing::*, Engine, ModelStore};
use sibyl_inference::{InferenceBackend, InferenceError, InferenceExt, ModelCost, ModelId, Tensor};
use sp_core::traits::{CallContext, CodeExecutor, RuntimeCode, WrappedRuntimeCode};

type HostFunctions = (sp_io::SubstrateHostFunctions, sibyl_inference::HostFunctions);
type Outcome = Result<Vec<Tensor>, InferenceError>;

/// The node's adapter in miniature: engine plus store.
struct Backend {
	engine: Engine,
	store: ModelStore,
}

impl InferenceBackend for Backend {
	fn run(&self, model: &ModelId, inputs: &[Tensor], budget: Option<&ModelCost>) -> Outcome {
		self.engine
			.run_within(model, inputs, budget, || self.store.get(model))
			.map_err(|e| e.to_inference_error())
	}

	fn identity(&self) -> Option<String> {
		self.engine.identity().ok().map(str::to_string)
	}
}

/// Calls `InferenceHostApi_run_model` in the runtime's wasm, in an offchain context.
fn call_runtime(backend: Option<Arc<Backend>>, model: ModelId, inputs: Vec<Tensor>) -> Outcome {
	let code = sibyl_runtime::WASM_BINARY.expect("the node tests need the wasm runtime");
	let executor = WasmExecutor::<HostFunctions>::builder().build();
	let fetcher = WrappedRuntimeCode(code.into());
	let runtime_code = RuntimeCode {
		code_fetcher: &fetcher,
		heap_pages: None,
		hash: sp_io::hashing::blake2_256(code).to_vec(),
	};
	let mut externalities = sp_io::TestExternalities::default();
	if let Some(backend) = backend {
		externalities.register_extension(InferenceExt::new(backend));
	}
	let mut ext = externalities.ext();
	let (result, _) = executor.call(
		&mut ext,
		&runtime_code,
		"InferenceHostApi_run_model",
		&(model, inputs).encode(),
		CallContext::Offchain,
	);
	let bytes = result.expect("the runtime call itself succeeds");
	Outcome::decode(&mut &bytes[..]).expect("a SCALE-encoded result")
}

fn backend_with(bytes: &[u8]) -> (tempfile::TempDir, Arc<Backend>, ModelId) {
	let dir = tempfile::tempdir().unwrap();
	let store = ModelStore::open(dir.path(), 64 << 20).unwrap();
	let id = store.put(bytes).unwrap();
	(dir, Arc::new(Backend { engine: Engine::default(), store }), id)
}

#[test]
fn offchain_call_with_the_extension_runs_the_model_in_the_engine() {
	let mlp = Mlp::new(16, 8, 4);
	let (_dir, backend, id) = backend_with(&mlp.onnx(D::N(1)));
	let x = weights(21, 16);
	let outputs = call_runtime(Some(backend.clone()), id, vec![f32_tensor(&[1, 16], &x)]).unwrap();
	// The same bytes as the engine gives natively, and close to the plain-Rust reference.
	let native = backend.run(&id, &[f32_tensor(&[1, 16], &x)], None).unwrap();
	assert_eq!(outputs, native);
	for (got, want) in f32_values(&outputs[0]).iter().zip(mlp.reference(&x)) {
		assert!((got - want).abs() < 1e-4);
	}
}

#[test]
fn every_refusal_crosses_the_host_boundary_as_its_named_code() {
	let mlp = Mlp::new(16, 8, 4);
	let (_dir, backend, id) = backend_with(&mlp.onnx(D::N(1)));
	let store = &backend.store;
	let truncated = store.put(&mlp.onnx(D::N(1))[..60]).unwrap();
	let random = store.put(&[0xA5u8; 300]).unwrap();
	let unsupported = store.put(&unsupported_op()).unwrap();
	let huge = store.put(&expand_to(100_000, 100_000)).unwrap();
	// 4096 × 2048 floats = 32 MiB: above the 16 MiB output limit, below the intermediate one.
	let wide = store.put(&expand_to(4096, 2048)).unwrap();
	// A file whose bytes do not hash to the name it is stored under.
	let impostor = ModelId::of(b"the model someone registered");
	std::fs::write(store.path(&impostor), mlp.onnx(D::N(1))).unwrap();

	let x = || vec![f32_tensor(&[1, 16], &[0.5; 16])];
	let one = || vec![f32_tensor(&[1, 1], &[1.0])];
	let cases = [
		("truncated bytes", truncated, x(), InferenceError::InvalidModel),
		("random bytes", random, x(), InferenceError::InvalidModel),
		(
			"unsupported operator",
			unsupported,
			vec![f32_tensor(&[1, 4], &[0.0; 4])],
			InferenceError::UnsupportedOperator,
		),
		("huge declared shape", huge, one(), InferenceError::ModelTooLarge),
		("oversized output", wide, one(), InferenceError::OutputTooLarge),
		("bytes not matching the id", impostor, x(), InferenceError::ModelHashMismatch),
		("absent model", ModelId::of(b"absent"), x(), InferenceError::ModelNotFound),
		(
			"wrong dtype",
			id,
			vec![Tensor::new(sibyl_engine::DType::I32, vec![1, 16], vec![0; 64]).unwrap()],
			InferenceError::InputTypeMismatch,
		),
		("wrong rank", id, vec![f32_tensor(&[16], &[0.0; 16])], InferenceError::InputShapeMismatch),
		(
			"wrong dimension",
			id,
			vec![f32_tensor(&[1, 15], &[0.0; 15])],
			InferenceError::InputShapeMismatch,
		),
		("two inputs for one", id, [x(), x()].concat(), InferenceError::InputCountMismatch),
		(
			"NaN input",
			id,
			vec![f32_tensor(&[1, 16], &[f32::NAN; 16])],
			InferenceError::NonFiniteInput,
		),
		(
			"infinite input",
			id,
			vec![f32_tensor(&[1, 16], &[f32::INFINITY; 16])],
			InferenceError::NonFiniteInput,
		),
	];
	for (what, model, inputs, expected) in cases {
		assert_eq!(call_runtime(Some(backend.clone()), model, inputs), Err(expected), "{what}");
	}
	// After all that, the engine still serves a good call.
	assert!(call_runtime(Some(backend), id, x()).is_ok());
}

#[test]
fn without_the_extension_the_call_is_unavailable_not_a_panic() {
	let outcome = call_runtime(None, ModelId::of(b"any"), vec![f32_tensor(&[1], &[0.0])]);
	assert_eq!(outcome, Err(InferenceError::Unavailable));
}

#[test]
fn over_rpc_state_call_the_engine_is_unavailable() {
	let mut node = common::Node::start("host-rpc", &["--dev", "--tmp", "--block-time-ms", "1000"]);
	node.wait_ready(Duration::from_secs(60));
	let args = (ModelId::of(b"any"), vec![f32_tensor(&[1], &[0.0])]).encode();
	let hex = sibyl_primitives::to_hex(&args);
	let result = node.rpc("state_call", json!(["InferenceHostApi_run_model", hex])).unwrap();
	let bytes = common::hex_bytes(&result).unwrap();
	assert_eq!(Outcome::decode(&mut &bytes[..]).unwrap(), Err(InferenceError::Unavailable));
}
