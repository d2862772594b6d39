//! A model registered and uploaded through one node reaches others over the p2p protocol, with
//! every chunk and the whole model hash-checked, and a dishonest peer cannot poison a store.

mod common;

use std::{path::Path, time::Duration};

use common::{run_cli, wait_for, Node};
use serde_json::{json, Value};
use sibyl_engine::testing::{Mlp, D};
use sibyl_primitives::ModelId;

/// The model store of the dev chain (`sibyl_dev`) under a node's base path.
fn store_dir(base: &Path) -> std::path::PathBuf {
	base.join("chains").join("sibyl_dev").join("models")
}

/// The raw bytes of the model's file in a node's store (unchecked, so poisoning would show).
fn stored(base: &Path, id: &ModelId) -> Option<Vec<u8>> {
	let store = sibyl_engine::ModelStore::open(store_dir(base), usize::MAX).ok()?;
	std::fs::read(store.path(id)).ok()
}

/// Writes `bytes` as model `id` into the store at `dir`, dated two hours ago: old enough for a
/// node to prune it if it took it for one of its own chain's purged models.
fn plant(dir: std::path::PathBuf, id: &ModelId, bytes: &[u8]) -> std::path::PathBuf {
	let store = sibyl_engine::ModelStore::open(dir, usize::MAX).unwrap();
	let path = store.path(id);
	std::fs::write(&path, bytes).unwrap();
	let two_hours_ago = std::time::SystemTime::now() - Duration::from_secs(7_200);
	std::fs::File::options().write(true).open(&path).unwrap().set_modified(two_hours_ago).unwrap();
	path
}

fn log_has(node: &Node, needle: &str) -> bool {
	std::fs::read_to_string(&node.log).unwrap_or_default().contains(needle)
}

#[test]
fn a_ten_mib_model_replicates_over_p2p_and_corrupt_peers_are_dropped() {
	let work = tempfile::tempdir().unwrap();
	// 1024 × 2560 f32 weights: a little over 10 MiB, eleven 1 MiB chunks.
	let bytes = Mlp::new(1024, 2560, 10).onnx(D::N(1));
	assert!(bytes.len() >= 10 * 1024 * 1024, "model is {} bytes", bytes.len());
	let id = ModelId::of(&bytes);
	let model_file = work.path().join("big.onnx");
	std::fs::write(&model_file, &bytes).unwrap();

	// A: the dev chain's authority, indexing chunk extrinsics offchain. Its base path already
	// holds models no registry of this chain has: another chain's store (same base path, its
	// own chain directory) and the store older nodes shared between chains (`<base>/models`).
	// Both stay: A prunes only its own chain's store, where a stale unregistered model goes.
	let base_a = work.path().join("a");
	let foreign = Mlp::new(4, 8, 2).onnx(D::N(1));
	let foreign_id = ModelId::of(&foreign);
	let other_chain =
		plant(base_a.join("chains").join("other_chain").join("models"), &foreign_id, &foreign);
	let legacy = plant(base_a.join("models"), &foreign_id, &foreign);
	let stale = plant(store_dir(&base_a), &foreign_id, &foreign);
	let key_a = format!("{:064x}", 11);
	let mut a = Node::start(
		"models-a",
		&[
			"--dev",
			"--base-path",
			base_a.to_str().unwrap(),
			"--block-time-ms",
			"1000",
			"--enable-offchain-indexing",
			"true",
			"--node-key",
			&key_a,
		],
	);
	a.wait_ready(Duration::from_secs(60));
	let addr_a = a.multiaddr();

	let upload = run_cli(&[
		"model",
		"upload",
		"--model",
		model_file.to_str().unwrap(),
		"--name",
		"wide-mlp",
		"--model-version",
		"1",
		"--suri",
		"//Alice",
		"--url",
		&format!("ws://127.0.0.1:{}", a.rpc_port),
		"--json",
	]);
	assert!(
		upload.status.success(),
		"upload failed: {}\nnode log:\n{}",
		String::from_utf8_lossy(&upload.stderr),
		a.log_tail()
	);
	let summary: Value = serde_json::from_slice(&upload.stdout).unwrap();
	println!("upload: {summary}");
	assert_eq!(summary["model_id"], id.to_hex());
	assert_eq!(summary["chunks"], 11);
	assert_eq!(summary["chunks_sent"], 11);

	// A assembles the model from its own offchain index.
	let on_a = wait_for(Duration::from_secs(30), "A to store the model", || stored(&base_a, &id));
	assert_eq!(on_a, bytes);
	wait_for(Duration::from_secs(10), "A to log where the chunks came from", || {
		log_has(&a, "11 chunks from the offchain index, 0 from peers").then_some(())
	});

	// C: a full node that serves every chunk with a flipped byte.
	let base_c = work.path().join("c");
	let key_c = format!("{:064x}", 12);
	let mut c = Node::start(
		"models-c-corrupt",
		&[
			"--chain",
			"dev",
			"--block-time-ms",
			"1000",
			"--base-path",
			base_c.to_str().unwrap(),
			"--enable-offchain-indexing",
			"true",
			"--node-key",
			&key_c,
			"--bootnodes",
			&addr_a,
			"--dev-serve-corrupt-chunks",
		],
	);
	c.wait_ready(Duration::from_secs(60));
	let addr_c = c.multiaddr();
	// C has the bytes itself (its own offchain index, filled while importing A's blocks).
	wait_for(Duration::from_secs(60), "C to store the model", || stored(&base_c, &id));

	// B: joins later, no offchain index, and at first may talk to C only.
	let base_b = work.path().join("b");
	let mut b = Node::start(
		"models-b",
		&[
			"--chain",
			"dev",
			"--block-time-ms",
			"1000",
			"--base-path",
			base_b.to_str().unwrap(),
			"--reserved-only",
			"--reserved-nodes",
			&addr_c,
			"--rpc-methods",
			"unsafe",
		],
	);
	b.wait_ready(Duration::from_secs(60));
	wait_for(Duration::from_secs(60), "B to catch a corrupt chunk from C", || {
		log_has(&b, "sent a corrupt chunk").then_some(())
	});
	assert!(stored(&base_b, &id).is_none(), "a corrupt model reached B's store");

	// Now B may reach A, an honest peer: the fetch goes on there.
	b.rpc("system_addReservedPeer", json!([addr_a])).unwrap();
	let on_b = wait_for(Duration::from_secs(90), "B to store the model", || stored(&base_b, &id));
	assert_eq!(ModelId::of(&on_b), id);
	assert_eq!(on_b, bytes);
	// The store renames the file into place just before the node logs it.
	wait_for(Duration::from_secs(10), "B to log where the chunks came from", || {
		log_has(&b, "0 chunks from the offchain index, 11 from peers").then_some(())
	});
	let line = std::fs::read_to_string(&b.log)
		.unwrap_or_default()
		.lines()
		.find(|l| l.contains("Stored model"))
		.map(str::to_string)
		.unwrap_or_default();
	println!("B: {line}");

	// By now A has listed the registry many times: the unregistered model in its own store is
	// deleted, the other chain's and the legacy store's copies are untouched.
	wait_for(Duration::from_secs(30), "A to prune its stale model", || {
		(!stale.exists()).then_some(())
	});
	assert!(log_has(&a, "purged from the registry: deleted"));
	assert_eq!(std::fs::read(&other_chain).unwrap(), foreign, "another chain's model deleted");
	assert_eq!(std::fs::read(&legacy).unwrap(), foreign, "the legacy store's model deleted");
	assert!(log_has(&a, "is a model store of an older sibyl-node"), "no warning about it");
}
