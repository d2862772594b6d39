//! Inference outputs too large for chain state.
//!
//! An executor's offchain worker keeps such an output in the node's offchain database under
//! [`output_key`]`(hash)`, and only the hash goes on chain. Every node serves the outputs it has
//! to peers over the request-response protocol `/<genesis hash>/sibyl/outputs/1` (request: the
//! 32-byte hash; response: the bytes), and the `inference_output` RPC returns an output by hash,
//! from the local database or fetched from peers, checked against the hash and then kept.

use std::{
	sync::{Arc, Mutex, MutexGuard},
	time::Duration,
};

use codec::{Decode, Encode};
use futures::StreamExt;
use jsonrpsee::{types::ErrorObjectOwned, RpcModule};
use rand::seq::SliceRandom;
use sc_network::{
	request_responses::{IncomingRequest, OutgoingResponse},
	service::traits::NetworkService,
	IfDisconnected, NetworkBackend, NetworkPeers, NetworkRequest, ProtocolName, ReputationChange,
};
use sc_network_sync::SyncingService;
use sibyl_runtime::opaque::Block;
use sp_core::{offchain::OffchainStorage, H256};

const LOG: &str = "sibyl-outputs";
/// Largest output the host interface hands to the runtime (`sibyl_inference::MAX_OUTPUT_BYTES`),
/// and room to spare.
const MAX_RESPONSE: u64 = sibyl_inference::MAX_OUTPUT_BYTES as u64 + 1024;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
const INBOUND_QUEUE: usize = 32;

/// The offchain-database key (under the persistent prefix) of the output with `hash`; the same
/// key the inference pallet's offchain worker writes.
pub fn output_key(hash: &H256) -> Vec<u8> {
	(b"sibyl/outputs/", hash).encode()
}

/// The protocol name for a chain: `/<genesis hash hex>/sibyl/outputs/1`.
pub fn protocol_name(genesis_hash: &H256) -> ProtocolName {
	crate::model_sync::chain_protocol(genesis_hash, "outputs/1")
}

/// The protocol's network configuration and the queue its inbound requests arrive on.
pub fn protocol_config<N: NetworkBackend<Block, H256>>(
	genesis_hash: &H256,
) -> (N::RequestResponseProtocolConfig, async_channel::Receiver<IncomingRequest>) {
	let limits = crate::model_sync::Limits {
		max_request: 64,
		max_response: MAX_RESPONSE,
		timeout: REQUEST_TIMEOUT,
		queue: INBOUND_QUEUE,
	};
	crate::model_sync::request_response::<N>(protocol_name(genesis_hash), limits)
}

/// A node's large outputs: its offchain database and its peers.
pub struct Outputs<S> {
	db: Option<Mutex<S>>,
	network: Arc<dyn NetworkService>,
	sync: Arc<SyncingService<Block>>,
	protocol: ProtocolName,
}

impl<S: OffchainStorage + 'static> Outputs<S> {
	/// Outputs over the node's offchain database and network.
	pub fn new(
		db: Option<S>,
		network: Arc<dyn NetworkService>,
		sync: Arc<SyncingService<Block>>,
		protocol: ProtocolName,
	) -> Self {
		Outputs { db: db.map(Mutex::new), network, sync, protocol }
	}

	fn db(&self) -> Option<MutexGuard<'_, S>> {
		Some(self.db.as_ref()?.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
	}

	/// The output with `hash`, if this node has it (checked).
	pub fn local(&self, hash: &H256) -> Option<Vec<u8>> {
		let db = self.db()?;
		db.get(sp_core::offchain::STORAGE_PREFIX, &output_key(hash))
			.filter(|bytes| H256(sp_io::hashing::blake2_256(bytes)) == *hash)
	}

	/// The output with `hash`, from here or from a peer; a fetched output is kept.
	pub async fn get(&self, hash: &H256) -> Result<Vec<u8>, String> {
		if let Some(bytes) = self.local(hash) {
			return Ok(bytes);
		}
		let mut peers: Vec<_> = self
			.sync
			.peers_info()
			.await
			.map_err(|_| "the sync service stopped".to_string())?
			.into_iter()
			.map(|(peer, _)| peer)
			.collect();
		peers.shuffle(&mut rand::thread_rng());
		for peer in peers {
			let response = self
				.network
				.request(
					peer,
					self.protocol.clone(),
					hash.encode(),
					None,
					IfDisconnected::ImmediateError,
				)
				.await;
			match response {
				Ok((bytes, _)) if H256(sp_io::hashing::blake2_256(&bytes)) == *hash => {
					log::info!(target: LOG, "fetched output {hash:?} ({} bytes) from {peer}", bytes.len());
					if let Some(mut db) = self.db() {
						db.set(sp_core::offchain::STORAGE_PREFIX, &output_key(hash), &bytes);
					}
					return Ok(bytes);
				},
				Ok(_) => {
					log::warn!(target: LOG, "peer {peer} sent bytes that are not output {hash:?}");
					self.network.report_peer(
						peer,
						ReputationChange::new_fatal("sent an output with the wrong hash"),
					);
				},
				Err(e) => log::debug!(target: LOG, "peer {peer} had no output {hash:?}: {e}"),
			}
		}
		Err(format!("no connected peer has output {hash:?}"))
	}

	/// Answers peers' output requests until the network shuts down.
	pub async fn serve(self: Arc<Self>, requests: async_channel::Receiver<IncomingRequest>) {
		let mut requests = std::pin::pin!(requests);
		while let Some(request) = requests.next().await {
			let (result, reputation_changes) = match H256::decode(&mut &request.payload[..]) {
				Ok(hash) => (self.local(&hash).ok_or(()), Vec::new()),
				Err(_) => (Err(()), vec![ReputationChange::new(-(1 << 12), "bad output request")]),
			};
			let _ = request.pending_response.send(OutgoingResponse {
				result,
				reputation_changes,
				sent_feedback: None,
			});
		}
	}
}

/// The `inference_output(hash)` RPC: an output kept offchain, as `0x…` SCALE `Vec<Tensor>`.
pub fn rpc<S: OffchainStorage + 'static>(
	outputs: Arc<Outputs<S>>,
) -> Result<RpcModule<Arc<Outputs<S>>>, jsonrpsee::core::RegisterMethodError> {
	let mut module = RpcModule::new(outputs);
	module.register_async_method("inference_output", |params, outputs, _| async move {
		let hash: H256 = params.one().map_err(|e| {
			ErrorObjectOwned::owned(-32602, format!("expected one output hash: {e}"), None::<()>)
		})?;
		outputs
			.get(&hash)
			.await
			.map(|bytes| sibyl_primitives::to_hex(&bytes))
			.map_err(|e| ErrorObjectOwned::owned(4004, e, None::<()>))
	})?;
	Ok(module)
}
