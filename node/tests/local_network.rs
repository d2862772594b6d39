//! A local network that an outside operator joins: the three `--chain local` validators
//! (alice, bob, charlie) peer and finalize; dave starts a node with no keys, makes his session
//! keys in its keystore (`author_rotateKeysWithOwner`), registers them with their proof, and root
//! adds him to the set; he authors blocks that are finalized. Root then removes charlie, and with
//! charlie's node killed the set {alice, bob, dave} finalizes on its own (GRANDPA needs all three
//! votes of three: dave's included). Requests settle before, during and after.

mod common;

use std::time::Duration;

use common::{js, wait_for, Node};
use serde_json::Value;

const NAMES: &str = "//Alice,//Bob,//Charlie,//Dave";

/// The validator set as `node` sees it (scripts/js/validators.mjs status).
fn status(node: &Node) -> Option<Value> {
	let url = format!("ws://127.0.0.1:{}", node.rpc_port);
	let (out, _, ok) = js("validators.mjs", &["status", "--url", &url, "--names", NAMES]);
	ok.then(|| serde_json::from_str(&out).ok()).flatten()
}

fn validators(status: &Value) -> Vec<String> {
	let mut set: Vec<String> = status["validators"]
		.as_array()
		.unwrap()
		.iter()
		.map(|v| v.as_str().unwrap().to_string())
		.collect();
	set.sort();
	set
}

/// One request for the example model, as `//Two`, executed by alice's node alone (level
/// `unverified`: the genesis verifiers bob and charlie are validators here, not verifying nodes);
/// panics unless it settles with an accepted output.
fn request_settles(node: &Node, model: &str, input: &str, when: &str) {
	let url = format!("ws://127.0.0.1:{}", node.rpc_port);
	let (out, err, ok) = js(
		"request.mjs",
		&[
			"--url",
			&url,
			"--model",
			model,
			"--input",
			input,
			"--suri",
			"//Two",
			"--level",
			"unverified",
			"--json",
		],
	);
	assert!(ok, "request {when} failed: {err}\n{}", node.log_tail());
	let report: Value = serde_json::from_str(out.trim()).unwrap();
	assert!(report["outcome"].to_string().contains("verified"), "request {when}: {report}");
	println!("request {when}: settled {} blocks after inclusion", report["blocks_to_settle"]);
}

#[test]
fn an_operator_joins_the_validator_set_and_another_leaves_while_requests_settle() {
	let tmp = tempfile::tempdir().unwrap();
	let common_args = ["--chain", "local", "--tmp", "--block-time-ms", "1000"];
	// Authorities need a stable network identity; fixed keys keep the test reproducible.
	let alice_key = format!("{:064x}", 1);
	let mut alice = Node::start(
		"alice",
		&[&common_args[..], &["--alice", "--inference", "--node-key", &alice_key]].concat(),
	);
	alice.wait_ready(Duration::from_secs(60));
	let bootnode = alice.multiaddr();
	let start = |name: &str, n: u8, args: &[&str]| {
		let key = format!("{n:064x}");
		let all =
			[&common_args[..], &["--node-key", &key, "--bootnodes", &bootnode], args].concat();
		let mut node = Node::start(name, &all);
		node.wait_ready(Duration::from_secs(60));
		node
	};
	let bob = start("bob", 2, &["--bob"]);
	let mut charlie = start("charlie", 3, &["--charlie"]);
	// Dave: an operator's validator, with no keys in its keystore.
	let dave = start("dave", 4, &["--validator", "--name", "dave"]);

	for node in [&alice, &bob, &charlie, &dave] {
		wait_for(Duration::from_secs(60), &format!("{} to see 3 peers", node.name), || {
			node.peers().filter(|p| *p >= 3)
		});
	}
	// GRANDPA needs all three of three votes here, so finality proves the set works together.
	for node in [&alice, &bob, &charlie] {
		wait_for(Duration::from_secs(90), &format!("{} finality", node.name), || {
			node.finalized_number().filter(|n| *n >= 3)
		});
	}
	let first = status(&alice).expect("status");
	assert_eq!(validators(&first), ["alice", "bob", "charlie"], "{first}");

	let example = common::example_model(tmp.path(), &[]);
	common::upload(&alice, &example.model, "validators-mlp");
	request_settles(&alice, &example.id, &example.input, "before dave joins");

	// Dave joins: keys made in his node's keystore, registered by his account, root adds him.
	let dave_url = format!("ws://127.0.0.1:{}", dave.rpc_port);
	let (out, err, ok) = js("validators.mjs", &["join", "--url", &dave_url, "--account", "//Dave"]);
	assert!(ok, "join failed: {err}");
	println!("{}", out.trim());
	// Two sessions (20 slots each) later he is in the set; he authors, and his blocks finalize.
	let joined = wait_for(Duration::from_secs(120), "dave in the validator set", || {
		status(&alice).filter(|s| validators(s).contains(&"dave".to_string()))
	});
	println!("dave validates from session {}: {joined}", joined["session"]);
	request_settles(&alice, &example.id, &example.input, "while dave joins");
	let authored = wait_for(Duration::from_secs(120), "a block by dave, finalized", || {
		status(&alice).filter(|s| {
			let block = s["last_authored"]["dave"].as_u64().unwrap_or(0);
			block > 0 && s["finalized"].as_u64().unwrap_or(0) >= block
		})
	});
	println!("dave authored #{}: {authored}", authored["last_authored"]["dave"]);
	assert!(dave.log_has("Prepared block for proposing"), "{}", dave.log_tail());

	// Root removes charlie; two sessions later the set is alice, bob and dave.
	let alice_url = format!("ws://127.0.0.1:{}", alice.rpc_port);
	let (_, err, ok) =
		js("validators.mjs", &["leave", "--url", &alice_url, "--account", "//Charlie"]);
	assert!(ok, "leave failed: {err}");
	let left = wait_for(Duration::from_secs(120), "charlie out of the validator set", || {
		status(&alice).filter(|s| validators(s) == ["alice", "bob", "dave"])
	});
	println!("charlie left at session {}: {left}", left["session"]);
	// Without charlie, finality goes on: it takes alice's, bob's and dave's votes.
	charlie.kill9();
	let since = alice.finalized_number().unwrap();
	let finalized = wait_for(Duration::from_secs(90), "finality without charlie", || {
		alice.finalized_number().filter(|n| *n >= since + 5)
	});
	println!("finalized #{finalized} without charlie (from #{since})");
	request_settles(&alice, &example.id, &example.input, "after charlie left");
}
