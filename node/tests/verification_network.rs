//! Verification on a real network of five `sibyl-node` processes on loopback (`--chain local`),
//! two of them playing dishonest nodes (the test-only `dishonest` feature):
//!
//! - alice, bob, charlie: validators; alice executes (`--inference`, and also holds Ferdie's
//!   `infr` key), bob and charlie verify (`--verify`) on emulated other CPUs
//!   (`TRACT_CPU_ISA=-avx512f`, `TRACT_X86_KIND=intel`): honest nodes on different CPUs must
//!   agree bit for bit, with nobody slashed or given a miss;
//! - dave: `--inference --dishonest corrupt` (every output altered);
//! - eve: `--verify --dishonest lazy` (computes once, then replays that output).
//!
//! A real @polkadot/api client (`scripts/js/verification-scenario.mjs`) then drives three phases
//! and the test checks the chain's accounts: honest requests settle `Verified` with exact
//! payouts; with Dave as the only executor his results are outvoted, he is slashed and the
//! requester refunded in full; with Eve drawn as a verifier, her replayed outputs are out of
//! line, she is slashed and unpaid. It prints the verification overhead and the blocks from
//! inclusion to settlement.
#![cfg(feature = "dishonest")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::{path::Path, process::Command, time::Duration};

use common::{run_cli, wait_for, Node};
use serde_json::Value;

const MILLI: i128 = 1_000_000_000;
const UNIT: i128 = 1_000 * MILLI;
/// The model's price for its owner (//One): 0.002 UNIT.
const PRICE: i128 = 2 * MILLI;
/// What one run (the execution or one verification) earns: the flat 0.01 plus the compute fee,
/// `ComputeFeePerMegaOp` (1 µUNIT) per started million declared ops; the example MLP declares
/// fewer than a million.
const RUN: i128 = 10 * MILLI + MILLI / 1_000;

fn insert_key(base: &Path, key_type: &str, suri: &str) {
	let out = run_cli(&[
		"key",
		"insert",
		"--base-path",
		base.to_str().unwrap(),
		"--chain",
		"local",
		"--key-type",
		key_type,
		"--scheme",
		"sr25519",
		"--suri",
		suri,
	]);
	assert!(out.status.success(), "key insert: {}", String::from_utf8_lossy(&out.stderr));
}

fn int(v: &Value) -> i128 {
	v.as_str().map(|s| s.parse().unwrap()).or_else(|| v.as_i64().map(i128::from)).unwrap()
}

fn outcomes(phase: &Value) -> Vec<String> {
	phase["requests"].as_object().unwrap().values().map(|r| r["outcome"].to_string()).collect()
}

fn log_count(phase: &Value, key: &str, who: &str) -> usize {
	phase["log"].as_array().unwrap().iter().filter(|e| e[key] == who).count()
}

#[test]
fn honest_nodes_are_paid_and_dishonest_ones_slashed_on_a_real_network() {
	let tmp = tempfile::tempdir().unwrap();
	let dir = tmp.path();
	let common = ["--chain", "local", "--enable-offchain-indexing", "true"];
	let base = |name: &str| dir.join(name).to_str().unwrap().to_string();
	insert_key(&dir.join("alice"), "infr", "//Ferdie");
	insert_key(&dir.join("dave"), "infr", "//Dave");
	insert_key(&dir.join("eve"), "vrfy", "//Eve");

	let alice_key = format!("{:064x}", 1);
	let alice_base = base("alice");
	let mut alice = Node::start(
		"v-alice",
		&[
			&common[..],
			&["--alice", "--inference", "--node-key", &alice_key, "--base-path", &alice_base],
		]
		.concat(),
	);
	alice.wait_ready(Duration::from_secs(60));
	let boot = alice.multiaddr();
	let start = |name: &str, n: u8, args: &[&str], env: &[(&str, &str)]| {
		let b = base(name);
		// Authorities need a stable network key; fixed keys keep the test reproducible.
		let key = format!("{n:064x}");
		let mut all = common.to_vec();
		all.extend(["--base-path", &b, "--bootnodes", &boot, "--node-key", &key]);
		all.extend(args);
		let mut node = Node::start_with_env(&format!("v-{name}"), &all, env);
		node.wait_ready(Duration::from_secs(60));
		node
	};
	// The honest verifiers run on emulated other CPUs (tract's CPU detection edited): one
	// without AVX-512, one taken for an Intel CPU (tract's per-vendor kernel choice). The engine
	// pins one kernel set, so they compute the executor's bits exactly and the exact-tolerance
	// requests below all verify.
	let bob = start("bob", 2, &["--bob", "--verify"], &[("TRACT_CPU_ISA", "-avx512f")]);
	let charlie = start("charlie", 3, &["--charlie", "--verify"], &[("TRACT_X86_KIND", "intel")]);
	let dave = start("dave", 4, &["--inference", "--dishonest", "corrupt"], &[]);
	let eve = start("eve", 5, &["--verify", "--dishonest", "lazy"], &[]);
	let nodes = [&alice, &bob, &charlie, &dave, &eve];
	for node in nodes {
		wait_for(Duration::from_secs(60), &format!("{} to see 4 peers", node.name), || {
			node.peers().filter(|p| *p >= 4)
		});
	}

	// The demo MLP, owned by //One, checked by two verifiers on every request.
	let model = dir.join("model.onnx");
	let example = run_cli(&["model", "example", "--out", model.to_str().unwrap()]);
	assert!(example.status.success());
	let model_id = String::from_utf8(example.stdout).unwrap().trim().to_string();
	let url = format!("ws://127.0.0.1:{}", alice.rpc_port);
	let price = PRICE.to_string();
	let upload = run_cli(&[
		"model",
		"upload",
		"--model",
		model.to_str().unwrap(),
		"--name",
		"verified-mlp",
		"--model-version",
		"1",
		"--price",
		&price,
		"--verifiers",
		"2",
		"--suri",
		"//One",
		"--url",
		&url,
	]);
	assert!(upload.status.success(), "upload: {}", String::from_utf8_lossy(&upload.stderr));

	let js = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/js");
	let out = Command::new("node")
		.arg(js.join("verification-scenario.mjs"))
		.args(["--url", &url, "--model", &model_id])
		.output()
		.expect("node (Node.js) runs");
	let stdout = String::from_utf8_lossy(&out.stdout);
	let logs = || nodes.iter().map(|n| n.log_tail()).collect::<Vec<_>>().join("\n-----\n");
	assert!(
		out.status.success(),
		"scenario failed:\n{stdout}\n{}\n{}",
		String::from_utf8_lossy(&out.stderr),
		logs()
	);
	let report: Value = serde_json::from_str(stdout.trim()).expect("one JSON report");
	println!("scenario report: {report}");
	assert_eq!(report["start"]["inference"], serde_json::json!(["alice"]));

	// 1. Honest: every request verified; exact payouts. Fee = price + execution (RUN) +
	//    two verifications (RUN each, the premium, paid on to the verifiers by the treasury).
	let fee = int(&report["fee"]);
	assert_eq!(fee, PRICE + 3 * RUN);
	let honest = &report["honest"];
	assert!(outcomes(honest).iter().all(|o| o.contains("verified")), "{honest}");
	for request in honest["requests"].as_object().unwrap().values() {
		assert_eq!(int(&request["escrow"]["paid"]), fee, "{request}");
	}
	assert_eq!(int(&honest["free_delta"]["alice"]), 3 * RUN, "executor paid");
	assert_eq!(int(&honest["free_delta"]["bob"]), 3 * RUN, "verifier paid");
	assert_eq!(int(&honest["free_delta"]["charlie"]), 3 * RUN, "verifier paid");
	assert_eq!(int(&honest["free_delta"]["one"]), 3 * PRICE, "owner paid");
	for who in ["alice", "bob", "charlie"] {
		assert_eq!(log_count(honest, "slashed", who), 0, "{who} slashed: {honest}");
		assert_eq!(log_count(honest, "missed", who), 0, "{who} missed: {honest}");
	}

	// 2. Dave's corrupted outputs are outvoted by Bob and Charlie: slashed, requester refunded.
	let dishonest = &report["dishonest_executor"];
	let refunded = outcomes(dishonest);
	assert_eq!(refunded.len(), 2);
	assert!(refunded.iter().all(|o| o.contains("slashedAndRefunded")), "{dishonest}");
	assert!(log_count(dishonest, "slashed", "dave") >= 1, "{dishonest}");
	assert!(int(&dishonest["dave_bond"]) <= 50 * UNIT, "half the bond goes: {dishonest}");
	assert_eq!(int(&dishonest["free_delta"]["dave"]), 0, "a cheat earns nothing");
	assert_eq!(int(&dishonest["free_delta"]["bob"]), 2 * RUN, "verifiers paid");
	assert!(!dishonest["active_after"].as_array().unwrap().contains(&"dave".into()));
	// The requester was made whole: each escrow went back in full.
	for request in dishonest["requests"].as_object().unwrap().values() {
		assert_eq!(int(&request["escrow"]["paid"]), 0, "{request}");
		assert_eq!(int(&request["escrow"]["refunded"]), fee, "{request}");
	}

	// 3. Eve computes her first request honestly, then replays it: out of line, slashed.
	let lazy = &report["lazy_verifier"];
	assert_eq!(lazy["sets"]["verifiers"], serde_json::json!(["bob", "eve"]), "{lazy}");
	assert!(outcomes(&lazy["first"]).iter().all(|o| o.contains("verified")), "{lazy}");
	assert_eq!(int(&lazy["first"]["free_delta"]["eve"]), RUN, "in line: paid");
	let later = &lazy["later"];
	assert!(outcomes(later).iter().all(|o| o.contains("verified")), "{lazy}");
	assert_eq!(log_count(later, "slashed", "eve"), 2, "{lazy}");
	assert_eq!(int(&later["free_delta"]["eve"]), 0, "a lazy verifier earns nothing");
	assert_eq!(int(&later["free_delta"]["bob"]), 2 * RUN);
	assert_eq!(int(&later["free_delta"]["ferdie"]), 2 * RUN);
	assert_eq!(int(&lazy["eve_bond"]), 640 * UNIT, "20 % of the bond, twice");

	let overhead = &report["overhead"];
	let blocks: Vec<u64> = overhead["blocks_to_settle"]
		.as_array()
		.unwrap()
		.iter()
		.map(|b| b.as_u64().unwrap())
		.collect();
	println!(
		"verification overhead: {} verifier executions per request over {} requests; blocks from \
		 inclusion to settlement: {blocks:?}",
		overhead["verifier_executions_per_request"], overhead["requests"]
	);
	assert_eq!(overhead["verifier_executions_per_request"].as_f64(), Some(2.0));
}
