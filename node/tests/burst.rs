//! A burst of 1,000 requests on a real `--dev` node (issue 8), from four accounts, sent by a
//! real @polkadot/api client (`scripts/js/burst.mjs`) in waves that respect the runtime's request
//! queue. Every request must end with exactly one `RequestSettled` and one escrow settlement
//! (paid + refunded = escrowed), and the money must reconcile exactly: each account lost its
//! transaction fees plus what its escrows paid out, and total issuance fell by the fees. Prints
//! blocks from inclusion to settlement (median, p99), settled requests per minute and the node's
//! peak RSS. Alone in its test binary, so that no other test shares the two cores.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use common::{js, upload, Node};
use serde_json::Value;

#[test]
fn a_burst_of_1000_requests_settles_each_once_and_reconciles() {
	let tmp = tempfile::tempdir().unwrap();
	let dir = tmp.path();
	let example = common::example_model(dir, &[]);
	let (model_s, input_s) = (&example.model[..], &example.input[..]);
	let model_id = example.id.clone();

	let mut node = Node::start("burst", &["--dev", "--tmp", "--block-time-ms", "1000"]);
	node.wait_ready(Duration::from_secs(120));
	upload(&node, model_s, "burst");

	let url = format!("ws://127.0.0.1:{}", node.rpc_port);
	let started = Instant::now();
	let (stdout, stderr, ok) = js(
		"burst.mjs",
		&[
			"--url",
			&url,
			"--model",
			&model_id,
			"--input",
			input_s,
			"--count",
			"1000",
			"--accounts",
			"//Dave,//Eve,//Ferdie,//Charlie",
			"--json",
		],
	);
	assert!(ok, "burst failed:\n{stdout}\n{stderr}\n{}", node.log_tail());
	let report: Value = serde_json::from_str(stdout.trim()).expect("one JSON report");
	println!("burst of 1,000 on --dev: {report}");
	assert_eq!(report["requests"], 1_000);
	assert_eq!(report["settled"], 1_000);
	assert_eq!(report["reconciled"], true, "{}", report["problems"]);
	// Every node here is honest: every request is verified and nobody is penalized for load.
	assert_eq!(report["outcomes"], serde_json::json!({ "verified": 1_000 }));
	assert_eq!(report["penalties"]["missed"], 0, "{}", report["penalties"]);
	assert_eq!(report["penalties"]["slashed"], 0, "{}", report["penalties"]);
	println!(
		"--dev (1 s blocks, debug build): blocks from inclusion to settlement median {} p99 {}; \
		 {} settled requests per minute of chain time; outcomes {}; node peak RSS {} MiB; {:?} \
		 wall",
		report["blocks_to_settle"]["median"],
		report["blocks_to_settle"]["p99"],
		report["settled_per_minute"],
		report["outcomes"],
		node.peak_rss_kib().unwrap_or(0) / 1024,
		started.elapsed()
	);
}
