//! Three validators (`--chain local`: alice, bob, charlie) on loopback peer and finalize.

mod common;

use std::time::Duration;

use common::{wait_for, Node};

#[test]
fn three_local_validators_peer_and_finalize() {
	let common_args = ["--chain", "local", "--tmp", "--block-time-ms", "1000"];
	// Authorities need a stable network identity; fixed keys keep the test reproducible.
	let alice_key = format!("{:064x}", 1);
	let mut alice =
		Node::start("alice", &[&common_args[..], &["--alice", "--node-key", &alice_key]].concat());
	alice.wait_ready(Duration::from_secs(60));
	let bootnode = alice.multiaddr();

	let mut others: Vec<Node> = ["bob", "charlie"]
		.iter()
		.enumerate()
		.map(|(ix, name)| {
			let flag = format!("--{name}");
			let key = format!("{:064x}", ix + 2);
			let args = [&flag, "--node-key", &key, "--bootnodes", &bootnode];
			Node::start(name, &[&common_args[..], &args[..]].concat())
		})
		.collect();
	for node in &mut others {
		node.wait_ready(Duration::from_secs(60));
	}
	let nodes = [&alice, &others[0], &others[1]];

	for node in nodes {
		wait_for(Duration::from_secs(60), &format!("{} to see 2 peers", node.name), || {
			node.peers().filter(|p| *p >= 2)
		});
	}
	// GRANDPA needs all three of three votes here, so finality proves the set works together.
	for node in nodes {
		let finalized =
			wait_for(Duration::from_secs(90), &format!("{} finality", node.name), || {
				node.finalized_number().filter(|n| *n >= 3)
			});
		println!("{}: finalized #{finalized}, best #{:?}", node.name, node.best_number());
	}
}
