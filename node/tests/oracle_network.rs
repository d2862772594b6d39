//! An oracle feed on a real network: three validators on loopback (`--chain local`), each a data
//! node with `--oracle-feeds`. Alice and Bob read a local HTTP server whose JSON value the test
//! changes; Charlie reads one that answers twice the value. A real @polkadot/api client
//! (`scripts/js/oracle-setup.mjs`) bonds the data nodes and creates the feed as sudo. The feed
//! must follow the source, Charlie must be penalized, and with the source down the feed must
//! keep its last value and go stale.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Feed values carry two decimals: `105_50` is 105.50.
#![allow(clippy::inconsistent_digit_grouping)]

mod common;

use std::{
	path::Path,
	process::Command,
	time::{Duration, Instant},
};

use codec::Decode;
use common::{hex_bytes, latest, wait_for, Node, Source};
use serde_json::json;

/// The amount of `who`'s data bond, from `Payments.Bonds` (the pallet's own storage key).
fn data_bond(node: &Node, who: sp_keyring::Sr25519Keyring) -> Option<u128> {
	let key = pallet_payments::Bonds::<sibyl_runtime::Runtime>::hashed_key_for(
		sibyl_primitives::Role::Data,
		who.to_account_id(),
	);
	let raw = node.rpc("state_getStorage", json!([sibyl_primitives::to_hex(&key)])).ok()?;
	let bond = pallet_payments::Bond::<u128, u32>::decode(&mut &hex_bytes(&raw)?[..]).ok()?;
	Some(bond.amount)
}

#[test]
fn a_feed_follows_its_source_penalizes_a_wrong_node_and_goes_stale_when_the_source_is_down() {
	let tmp = tempfile::tempdir().unwrap();
	let dir = tmp.path();
	let honest = Source::start("100.00");
	let wrong = Source::start("200.00");
	let feeds = |name: &str, url: &str| {
		let file = dir.join(format!("{name}.json"));
		let text = json!({"feeds": [{"feed": 0, "url": url, "path": "data.usd"}]});
		std::fs::write(&file, text.to_string()).unwrap();
		file.to_str().unwrap().to_string()
	};
	let (a, b, c) = (
		feeds("alice", &honest.url()),
		feeds("bob", &honest.url()),
		feeds("charlie", &wrong.url()),
	);

	let common = ["--chain", "local", "--tmp"];
	let alice_key = format!("{:064x}", 1);
	let mut alice = Node::start(
		"o-alice",
		&[&common[..], &["--alice", "--node-key", &alice_key, "--oracle-feeds", &a]].concat(),
	);
	alice.wait_ready(Duration::from_secs(60));
	let boot = alice.multiaddr();
	let mut others: Vec<Node> = [("bob", &b), ("charlie", &c)]
		.iter()
		.enumerate()
		.map(|(ix, (name, file))| {
			let flag = format!("--{name}");
			let key = format!("{:064x}", ix + 2);
			let args =
				[&flag[..], "--node-key", &key, "--bootnodes", &boot, "--oracle-feeds", file];
			Node::start(&format!("o-{name}"), &[&common[..], &args[..]].concat())
		})
		.collect();
	for node in &mut others {
		node.wait_ready(Duration::from_secs(60));
	}
	for node in [&alice, &others[0], &others[1]] {
		wait_for(Duration::from_secs(60), "peers", || node.peers().filter(|p| *p >= 2));
	}

	// Bond the three data nodes and create feed 0: 2 decimals, 2 submitters, rounds of 4
	// blocks (2 to commit, 2 to reveal), values usable for 8 blocks, 40 % deviation: Charlie's double value is far out,
	// and a round that happens to close with Alice's and Charlie's values only (median 150.00)
	// penalizes nobody.
	let js = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/js/oracle-setup.mjs");
	let url = format!("ws://127.0.0.1:{}", alice.rpc_port);
	let setup = Command::new("node")
		.arg(js)
		.args([
			"--url",
			&url,
			"--nodes",
			"//Alice,//Bob,//Charlie",
			"--max-deviation-ppm",
			"400000",
			"--round-length",
			"4",
			"--max-age",
			"8",
		])
		.output()
		.expect("node (Node.js) runs");
	let logs = || format!("{}\n-----\n{}", alice.log_tail(), others[1].log_tail());
	assert!(
		setup.status.success(),
		"setup failed: {}\n{}",
		String::from_utf8_lossy(&setup.stderr),
		logs()
	);
	let charlie_bond = data_bond(&alice, sp_keyring::Sr25519Keyring::Charlie).unwrap();

	let start = Instant::now();
	let (value, round, _, stale) =
		wait_for(Duration::from_secs(120), "the feed's first value", || {
			latest(&alice, 0).filter(|(v, ..)| *v == 100_00)
		});
	assert!(!stale);
	println!("feed 0 = {value} (round {round}) after {:?}", start.elapsed());

	// Charlie's value (200.00) is 100 % from the median: penalized a tenth of his bond, which
	// leaves it below the minimum, so he stops being a data node.
	let penalized = wait_for(Duration::from_secs(60), "Charlie penalized", || {
		data_bond(&alice, sp_keyring::Sr25519Keyring::Charlie).filter(|b| *b < charlie_bond)
	});
	assert_eq!(penalized, charlie_bond - charlie_bond / 10);
	let alice_bond = data_bond(&alice, sp_keyring::Sr25519Keyring::Alice).unwrap();
	assert_eq!(alice_bond, 10 * 1_000_000_000_000, "an honest node keeps its bond");

	// The source moves; the feed follows.
	honest.set(Some("105.50"));
	let start = Instant::now();
	let (_, round, ..) = wait_for(Duration::from_secs(90), "the feed to follow", || {
		latest(&alice, 0).filter(|(v, _, _, stale)| *v == 105_50 && !stale)
	});
	println!("feed 0 followed the source to 105.50 in {:?} (round {round})", start.elapsed());

	// The source goes down: no submissions, the value stays and goes stale.
	honest.set(None);
	let (value, last_round, age, _) =
		wait_for(Duration::from_secs(120), "the feed to go stale", || {
			latest(&alice, 0).filter(|(.., stale)| *stale)
		});
	assert_eq!(value, 105_50, "a stale feed keeps its last value");
	assert!(age > 8, "stale after its maximum age: {age}");
	println!("feed 0 stale after round {last_round}: value {value}, age {age} blocks");
	assert!(
		std::fs::read_to_string(&alice.log).unwrap().contains("gave no value"),
		"a down source leaves a log line"
	);
	// ... and counts in Alice's metrics (node/src/metrics.rs), once a block finalizes.
	let failures = wait_for(Duration::from_secs(30), "sibyl_oracle_fetch_failures_total", || {
		common::scrape(&alice, "sibyl_oracle_fetch_failures_total", &[]).filter(|n| *n >= 1.0)
	});
	println!("Alice's oracle fetch failures: {failures}");
	drop(wrong);
}
