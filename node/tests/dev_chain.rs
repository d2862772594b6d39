//! A real `sibyl-node --dev` on loopback produces and finalizes blocks.

mod common;

use std::time::Duration;

use common::{hex_bytes, http_get, wait_for, Node};
use serde_json::json;

#[test]
fn dev_node_produces_and_finalizes_blocks() {
	let mut node = Node::start("dev", &["--dev", "--tmp", "--block-time-ms", "1000"]);
	node.wait_ready(Duration::from_secs(60));

	let best = wait_for(Duration::from_secs(60), "best block >= 3", || {
		node.best_number().filter(|n| *n >= 3)
	});
	let finalized = wait_for(Duration::from_secs(60), "finalized block >= 1", || {
		node.finalized_number().filter(|n| *n >= 1)
	});
	println!("dev node: best #{best}, finalized #{finalized}");
}

#[test]
fn block_time_flag_sets_the_slot_duration_in_genesis() {
	let mut node = Node::start("dev-slot", &["--dev", "--tmp", "--block-time-ms", "1500"]);
	node.wait_ready(Duration::from_secs(60));

	// BabeApi_configuration returns a SCALE-encoded `BabeConfiguration`, whose first field is
	// the slot duration in milliseconds (u64).
	let result = node.rpc("state_call", json!(["BabeApi_configuration", "0x"])).unwrap();
	let bytes: [u8; 8] = hex_bytes(&result).unwrap()[..8].try_into().unwrap();
	assert_eq!(u64::from_le_bytes(bytes), 1500);
}

#[test]
fn dev_node_serves_metadata_v15_and_prometheus_metrics() {
	let mut node = Node::start("dev-meta", &["--dev", "--tmp", "--block-time-ms", "1000"]);
	node.wait_ready(Duration::from_secs(60));

	// polkadot.js discovers runtime APIs from metadata V15 or later.
	let versions = node.rpc("state_call", json!(["Metadata_metadata_versions", "0x"])).unwrap();
	let bytes = hex_bytes(&versions).unwrap();
	// Vec<u32>: compact length, then little-endian u32s.
	let listed: Vec<u32> =
		bytes[1..].chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().unwrap())).collect();
	assert!(listed.contains(&15), "metadata versions {listed:?} lack 15");

	let metrics = wait_for(Duration::from_secs(30), "prometheus metrics", || {
		http_get(node.prometheus_port, "/metrics")
			.ok()
			.filter(|m| m.contains("substrate_block_height"))
	});
	assert!(metrics.contains("substrate_block_height"));
}
