//! The operator-facing command line: help, chain specs, keys and errors.

mod common;

use common::run_cli;
use serde_json::Value;

fn stdout(output: &std::process::Output) -> String {
	String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &std::process::Output) -> String {
	String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_cpu_without_the_pinned_kernels_is_refused_the_verifier_role_in_one_line() {
	// Emulates a CPU without AVX2 and FMA: the node would compute other bits than its peers,
	// so it refuses the role at start-up instead of being put out of line.
	let dir = tempfile::tempdir().unwrap();
	let output = std::process::Command::new(common::node_bin())
		.env("TRACT_CPU_ISA", "-avx512f,-avx2,-fma")
		.args(["--dev", "--base-path", dir.path().to_str().unwrap(), "--verify", "--rpc-port", "0"])
		.args(["--port", "0", "--no-prometheus", "--no-telemetry", "--no-mdns"])
		.output()
		.unwrap();
	assert!(!output.status.success());
	let err = stderr(&output);
	let line = err.lines().find(|l| l.starts_with("Error:")).unwrap_or_else(|| panic!("{err}"));
	assert!(line.contains("cannot take the inference or verifier role"), "{line}");
	assert!(line.contains("lacks avx2, fma"), "{line}");
}

#[test]
fn help_lists_the_block_time_option() {
	let output = run_cli(&["--help"]);
	assert!(output.status.success(), "{}", stderr(&output));
	assert!(stdout(&output).contains("--block-time-ms"));
}

#[test]
fn testnet_raw_spec_builds_with_six_second_blocks() {
	let output = run_cli(&["build-spec", "--chain", "testnet", "--raw"]);
	assert!(output.status.success(), "{}", stderr(&output));
	let spec: Value = serde_json::from_slice(&output.stdout).unwrap();
	assert_eq!(spec["id"], "sibyl_testnet");
	let top = spec["genesis"]["raw"]["top"].as_object().unwrap();
	// The storage value BlockTime::SlotDuration holds 6000u64, little endian.
	let key = pallet_block_time::SlotDuration::<sibyl_runtime::Runtime>::hashed_key();
	let key = sibyl_primitives::to_hex(&key);
	assert_eq!(top.get(&key).and_then(Value::as_str), Some("0x7017000000000000"));
}

#[test]
fn dev_spec_carries_the_requested_block_time() {
	let output = run_cli(&["build-spec", "--chain", "dev", "--block-time-ms", "1000"]);
	assert!(output.status.success(), "{}", stderr(&output));
	let spec: Value = serde_json::from_slice(&output.stdout).unwrap();
	let preset = &spec["genesis"]["runtimeGenesis"]["patch"];
	assert_eq!(preset["blockTime"]["slotDurationMs"], 1000, "{preset}");
}

#[test]
fn block_time_out_of_range_is_refused() {
	let output = run_cli(&["build-spec", "--chain", "dev", "--block-time-ms", "10"]);
	assert!(!output.status.success());
	assert!(stderr(&output).contains("--block-time-ms"), "{}", stderr(&output));
}

#[test]
fn odd_block_time_is_refused() {
	let output = run_cli(&["build-spec", "--chain", "dev", "--block-time-ms", "1001"]);
	assert!(!output.status.success());
	assert!(stderr(&output).contains("even number of milliseconds"), "{}", stderr(&output));
}

#[test]
fn key_generate_prints_a_phrase() {
	let output = run_cli(&["key", "generate", "--scheme", "sr25519"]);
	assert!(output.status.success(), "{}", stderr(&output));
	assert!(stdout(&output).contains("Secret phrase"));
}

#[test]
fn unknown_chain_is_a_one_line_error() {
	let output = run_cli(&["build-spec", "--chain", "no-such-chain"]);
	assert!(!output.status.success());
	let err = stderr(&output);
	let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
	assert_eq!(lines.len(), 1, "expected one line, got:\n{err}");
	assert!(lines[0].starts_with("Error:") && lines[0].contains("unknown chain `no-such-chain`"));
	assert!(!err.contains("panicked") && !err.contains("backtrace"));

	let output = run_cli(&["--chain", "no-such-chain", "--tmp"]);
	assert!(!output.status.success());
	let err = stderr(&output);
	assert!(err.trim().lines().count() == 1 && err.contains("unknown chain"), "{err}");
}

/// Issue 21: the committed testnet (scripts/testnet-ceremony.sh) has bootnodes, and no key anyone
/// can derive: none of the well-known dev accounts (Alice … Ferdie and their stashes, sr25519,
/// ed25519 or ecdsa), and none from the public dev phrase (the old testnet preset's
/// `//sibyl-testnet//validator-N` and `//sibyl-testnet//root`).
#[test]
fn testnet_raw_spec_has_bootnodes_and_no_dev_keys() {
	use sp_core::{ecdsa, ed25519, sr25519, Pair};
	let output = run_cli(&["build-spec", "--chain", "testnet", "--raw"]);
	assert!(output.status.success(), "{}", stderr(&output));
	let text = String::from_utf8(output.stdout).unwrap().to_lowercase();
	let spec: Value = serde_json::from_str(&text).unwrap();
	let boot = spec["bootnodes"].as_array().expect("bootNodes");
	assert!(!boot.is_empty(), "the testnet spec names its bootnodes");
	for node in boot {
		let addr = node.as_str().unwrap();
		assert!(addr.contains("/tcp/30333/p2p/12d3koo"), "bootnode {addr}");
	}

	let mut suris: Vec<String> = ["alice", "bob", "charlie", "dave", "eve", "ferdie"]
		.iter()
		.flat_map(|n| [format!("//{n}"), format!("//{n}//stash")])
		.collect();
	suris.extend((0..8).map(|i| format!("//sibyl-testnet//validator-{i}")));
	suris.push("//sibyl-testnet//root".into());
	let mut publics: Vec<(String, Vec<u8>)> = Vec::new();
	for suri in &suris {
		let phrase = format!("{}{suri}", sp_core::crypto::DEV_PHRASE);
		publics.push((
			format!("sr25519 {suri}"),
			sr25519::Pair::from_string(&phrase, None).unwrap().public().0.to_vec(),
		));
		publics.push((
			format!("ed25519 {suri}"),
			ed25519::Pair::from_string(&phrase, None).unwrap().public().0.to_vec(),
		));
		publics.push((
			format!("ecdsa {suri}"),
			ecdsa::Pair::from_string(&phrase, None).unwrap().public().0.to_vec(),
		));
	}
	assert!(publics.len() >= 3 * 12);
	for (what, public) in publics {
		let hex: String = public.iter().map(|b| format!("{b:02x}")).collect();
		assert!(!text.contains(&hex), "the testnet spec holds the {what} dev key {hex}");
	}
}
