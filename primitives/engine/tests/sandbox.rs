//! The sandbox: worker processes, time and memory limits, quarantine, fairness, budgets, and
//! the hostile-model zoo.

use std::time::{Duration, Instant};

use sibyl_engine::{
	sandbox::{Sandbox, SandboxConfig},
	testing::{hostile, *},
	Engine, EngineError, InferenceError, ModelCost, ModelId, Tensor,
};

fn sandbox(configure: impl FnOnce(&mut SandboxConfig)) -> Sandbox {
	let mut config = SandboxConfig::new(env!("CARGO_BIN_EXE_sibyl-engine-worker").into(), vec![]);
	configure(&mut config);
	Sandbox::new(config)
}

fn x() -> Vec<Tensor> {
	vec![f32_tensor(&[1, 1], &[0.5])]
}

fn run(
	sandbox: &Sandbox,
	bytes: &[u8],
	inputs: &[Tensor],
	budget: Option<&ModelCost>,
) -> Result<Vec<Tensor>, EngineError> {
	sandbox.run(&ModelId::of(bytes), inputs, budget, || Ok(bytes.to_vec()))
}

fn mlp() -> (Vec<u8>, Vec<Tensor>) {
	(Mlp::new(64, 32, 10).onnx(D::N(1)), vec![f32_tensor(&[1, 64], &weights(1, 64))])
}

#[test]
fn a_worker_computes_the_same_bits_as_the_engine_and_stays_warm() -> Result<(), EngineError> {
	let sandbox = sandbox(|_| {});
	let (bytes, input) = mlp();
	let local = Engine::default().run_bytes(&bytes, &input)?;
	assert_eq!(run(&sandbox, &bytes, &input, None)?, local);
	// The worker kept its plan: the next call needs no bytes.
	let again = sandbox.run(&ModelId::of(&bytes), &input, None, || {
		Err(EngineError::Internal("the bytes were asked for again".into()))
	})?;
	assert_eq!(again, local);
	assert_eq!(sandbox.workers(), 1);
	Ok(())
}

#[test]
fn a_call_past_its_deadline_is_killed_quarantined_and_others_go_on() -> Result<(), EngineError> {
	let sandbox = sandbox(|c| {
		c.min_run_timeout = Duration::from_millis(300);
		c.ops_per_second = 1 << 40;
	});
	// 2 × 2048³ ≈ 17 G multiply-adds declared as 1 M: the deadline is the 300 ms floor.
	let slow = square_matmul(2048);
	let input = [f32_tensor(&[2048, 2048], &weights(3, 2048 * 2048))];
	let cost = Engine::default().cost(&ModelId::of(&slow), &input, || Ok(slow.clone()))?;
	let budget = cost.model_cost();
	let start = Instant::now();
	let err = run(&sandbox, &slow, &input, Some(&budget)).unwrap_err();
	let waited = start.elapsed();
	println!("slow call: {err} after {waited:?}");
	assert!(matches!(err, EngineError::Timeout { .. }), "{err}");
	assert!(!code(&err).is_outcome(), "a timeout is this node's, not the model's");
	// Never waited past the deadline (preparation + run) by more than the kill.
	assert!(waited < Duration::from_secs(7), "waited {waited:?}");
	// Quarantined: the next call steps aside without a worker, so before any deadline could
	// pass (a run, even killed, takes at least the 300 ms floor; no tighter bound, which a
	// loaded CI box missed once at 50 ms).
	let workers = sandbox.workers();
	let start = Instant::now();
	assert!(matches!(
		run(&sandbox, &slow, &input, Some(&budget)),
		Err(EngineError::Timeout { .. })
	));
	let stepped_aside = start.elapsed();
	assert_eq!(sandbox.workers(), workers, "a quarantined model starts no worker");
	assert!(stepped_aside < Duration::from_millis(300), "stepped aside after {stepped_aside:?}");
	// Other models are served.
	let (bytes, input) = mlp();
	assert_eq!(run(&sandbox, &bytes, &input, None)?, Engine::default().run_bytes(&bytes, &input)?);
	Ok(())
}

fn code(error: &EngineError) -> InferenceError {
	error.to_inference_error()
}

#[test]
fn honest_calls_are_served_while_a_hostile_one_holds_a_worker() -> Result<(), EngineError> {
	let sandbox = std::sync::Arc::new(sandbox(|c| {
		c.max_run_timeout = Duration::from_secs(4);
	}));
	let hostile = std::thread::spawn({
		let sandbox = sandbox.clone();
		move || {
			let slow = square_matmul(2048);
			let input = [f32_tensor(&[2048, 2048], &weights(3, 2048 * 2048))];
			run(&sandbox, &slow, &input, None)
		}
	});
	std::thread::sleep(Duration::from_millis(200));
	let (bytes, input) = mlp();
	let expected = Engine::default().run_bytes(&bytes, &input)?;
	let mut slowest = Duration::ZERO;
	for _ in 0..50 {
		let start = Instant::now();
		assert_eq!(run(&sandbox, &bytes, &input, None)?, expected);
		slowest = slowest.max(start.elapsed());
	}
	println!("slowest honest call beside a hostile one: {slowest:?}");
	assert!(slowest < Duration::from_secs(1), "{slowest:?}");
	let _ = hostile.join();
	Ok(())
}

#[test]
fn a_call_above_its_declared_budget_is_an_outcome_before_it_runs() {
	let sandbox = sandbox(|_| {});
	let bomb = hostile::compute_bomb(2048, 40);
	let start = Instant::now();
	let budget = ModelCost { ops: 1_000_000, memory: 1 << 30 };
	let err = run(&sandbox, &bomb, &x(), Some(&budget)).unwrap_err();
	println!("compute bomb: {err} after {:?}", start.elapsed());
	assert_eq!(code(&err), InferenceError::OverBudget);
	assert!(code(&err).is_outcome());
	assert!(start.elapsed() < Duration::from_secs(5));
	let bomb = hostile::memory_bomb(4096, 48);
	let err = run(&sandbox, &bomb, &x(), Some(&ModelCost { ops: u64::MAX, memory: 1 << 30 }))
		.unwrap_err();
	println!("memory bomb within a 1 GiB budget: {err}");
	assert_eq!(code(&err), InferenceError::OverBudget);
	assert!(err.to_string().contains("bytes of memory"), "{err}");
}

#[test]
fn a_model_past_the_memory_limit_kills_only_its_worker() -> Result<(), EngineError> {
	let sandbox = sandbox(|c| c.memory_bytes = 1 << 30);
	// 3 GiB of live tensors, run without a budget: the allocation fails at the 1 GiB limit.
	let bomb = hostile::memory_bomb(4096, 48);
	let err = run(&sandbox, &bomb, &x(), None).unwrap_err();
	println!("memory bomb: {err}");
	assert_eq!(code(&err), InferenceError::ResourceLimit);
	assert!(!code(&err).is_outcome());
	// The constant-folding bomb dies while it is prepared.
	let fold = hostile::fold_bomb(32768, 4);
	let err = run(&sandbox, &fold, &x(), None).unwrap_err();
	println!("fold bomb: {err}");
	assert_eq!(code(&err), InferenceError::ResourceLimit);
	let info = sandbox.inspect(&fold, &[]);
	println!("fold bomb inspected: {:?}", info.rejection);
	assert!(info.rejection.is_some_and(|r| r.contains("sandbox")));
	// A fresh worker serves the next call.
	let (bytes, input) = mlp();
	assert_eq!(run(&sandbox, &bytes, &input, None)?, Engine::default().run_bytes(&bytes, &input)?);
	Ok(())
}

#[test]
fn the_zoo_is_refused_or_fails_by_name() {
	let sandbox = sandbox(|_| {});
	for (name, bytes) in hostile::zoo() {
		let info = sandbox.inspect(&bytes, &[]);
		println!(
			"{name}: {} bytes; cost {:?}; rejection {:?}",
			bytes.len(),
			info.cost.as_ref().map(|c| (c.ops, c.memory_bytes)),
			info.rejection
		);
		match name {
			"deep-graph" => assert!(info.rejection.unwrap().contains("20000")),
			"panic" => assert!(info.rejection.unwrap().contains("panicked")),
			"fold-bomb" => assert!(info.rejection.unwrap().contains("sandbox")),
			"compute-bomb" => assert!(info.cost.unwrap().ops > 300_000_000_000),
			"memory-bomb" => assert!(info.cost.unwrap().memory_bytes > 3 << 30),
			other => panic!("unexpected {other}"),
		}
	}
	// The panic is the model's: every node reproduces it, and the worker survives it.
	let before = sandbox.idle_pids();
	let err = run(&sandbox, &hostile::panicking(), &x(), None).unwrap_err();
	assert_eq!(code(&err), InferenceError::ExecutionFailed);
	let mut after = sandbox.idle_pids();
	after.sort();
	let mut before = before;
	before.sort();
	assert_eq!(before, after, "the same workers, alive");
}

#[test]
fn cost_of_an_mlp_counts_its_multiply_adds_and_memory() -> Result<(), EngineError> {
	// 64·32 + 32·10 multiply-adds; every element written at most a few times over.
	let (bytes, input) = mlp();
	let cost = Engine::default().cost(&ModelId::of(&bytes), &input, || Ok(bytes.clone()))?;
	println!("{cost:?}");
	assert_eq!(cost.fma, 64 * 32 + 32 * 10);
	assert!(cost.ops >= cost.fma + 10 && cost.ops <= cost.fma + 4 * (32 + 10), "{cost:?}");
	// Weights (64·32 + 32 + 32·10 + 10 floats) plus at most the activations.
	let held = bytes.len() as u64;
	assert!(cost.memory_bytes >= held && cost.memory_bytes <= held + 4 * (64 + 32 + 10) * 4);
	// A model ten times wider costs about ten times more.
	let wide = Mlp::new(640, 32, 10).onnx(D::N(1));
	let input = [f32_tensor(&[1, 640], &weights(1, 640))];
	let wider = Engine::default().cost(&ModelId::of(&wide), &input, || Ok(wide.clone()))?;
	assert_eq!(wider.fma, 640 * 32 + 32 * 10);
	Ok(())
}
