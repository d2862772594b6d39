//! Inference outputs too large for chain state.
//!
//! An executor's offchain worker keeps such an output in the node's offchain database under
//! [`output_key`]`(hash)`, and only the hash goes on chain. Every node serves the outputs it has
//! to peers over the request-response protocol `/<genesis hash>/sibyl/outputs/1` (request: the
//! 32-byte hash; response: the bytes), and the `inference_output` RPC returns an output by hash,
//! from the local database or fetched from peers and checked against the hash.
//!
//! The RPC is public, so what it can make the node do is bounded: a fetch asks at most
//! [`MAX_PEERS_PER_FETCH`] peers; at most [`MAX_FETCHES`] fetches run at once (beyond, the RPC
//! answers "busy" at once); a hash no peer had is answered "not found" for [`MISSING_FOR`]
//! without asking again; fetched outputs are kept in memory up to [`MAX_CACHED_BYTES`] (least
//! recently fetched first out), never in the database, which holds only this node's own outputs
//! (deleted by its offchain worker once their request is pruned).

use std::{
	collections::{HashMap, VecDeque},
	sync::{Arc, Mutex, MutexGuard},
	time::{Duration, Instant},
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
/// Most peers one fetch asks.
pub const MAX_PEERS_PER_FETCH: usize = 4;
/// Most fetches from peers running at once.
pub const MAX_FETCHES: usize = 4;
/// How long a hash no peer had is answered "not found" without asking again.
pub const MISSING_FOR: Duration = Duration::from_secs(12);
/// Bytes of fetched outputs kept in memory.
pub const MAX_CACHED_BYTES: usize = 64 << 20;
/// Hashes remembered as missing.
const MAX_MISSING: usize = 1_024;

/// The offchain-database key (under the persistent prefix) of the output with `hash`; the same
/// key the inference pallet's offchain worker writes.
pub fn output_key(hash: &H256) -> Vec<u8> {
	sibyl_primitives::request::stored_output_key(hash)
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
	fetches: Arc<tokio::sync::Semaphore>,
	cache: Mutex<Cache>,
}

/// Fetched outputs (bounded by bytes) and hashes recently not found.
#[derive(Default)]
struct Cache {
	outputs: VecDeque<(H256, Vec<u8>)>,
	bytes: usize,
	missing: HashMap<H256, Instant>,
}

impl Cache {
	fn get(&self, hash: &H256) -> Option<Vec<u8>> {
		self.outputs.iter().find(|(h, _)| h == hash).map(|(_, bytes)| bytes.clone())
	}

	fn insert(&mut self, hash: H256, bytes: Vec<u8>) {
		if bytes.len() > MAX_CACHED_BYTES || self.get(&hash).is_some() {
			return;
		}
		self.bytes = self.bytes.saturating_add(bytes.len());
		self.outputs.push_back((hash, bytes));
		while self.bytes > MAX_CACHED_BYTES {
			let Some((_, old)) = self.outputs.pop_front() else { break };
			self.bytes = self.bytes.saturating_sub(old.len());
		}
	}

	fn recently_missing(&mut self, hash: &H256) -> bool {
		let now = Instant::now();
		self.missing.retain(|_, until| *until > now);
		self.missing.contains_key(hash)
	}

	fn mark_missing(&mut self, hash: H256) {
		if self.missing.len() >= MAX_MISSING {
			self.missing.clear();
		}
		self.missing.insert(hash, Instant::now() + MISSING_FOR);
	}
}

impl<S: OffchainStorage + 'static> Outputs<S> {
	/// Outputs over the node's offchain database and network.
	pub fn new(
		db: Option<S>,
		network: Arc<dyn NetworkService>,
		sync: Arc<SyncingService<Block>>,
		protocol: ProtocolName,
	) -> Self {
		Outputs {
			db: db.map(Mutex::new),
			network,
			sync,
			protocol,
			fetches: Arc::new(tokio::sync::Semaphore::new(MAX_FETCHES)),
			cache: Mutex::new(Cache::default()),
		}
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

	fn cache(&self) -> MutexGuard<'_, Cache> {
		self.cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
	}

	/// The output with `hash`, from here or from a peer; a fetched output is kept in memory.
	pub async fn get(&self, hash: &H256) -> Result<Vec<u8>, String> {
		if let Some(bytes) = self.local(hash).or_else(|| self.cache().get(hash)) {
			return Ok(bytes);
		}
		if self.cache().recently_missing(hash) {
			return Err(format!("no connected peer had output {hash:?} a moment ago"));
		}
		let Ok(_permit) = self.fetches.clone().try_acquire_owned() else {
			return Err(format!(
				"{MAX_FETCHES} output fetches are running on this node; try again shortly"
			));
		};
		let mut peers: Vec<_> = self
			.sync
			.peers_info()
			.await
			.map_err(|_| "the sync service stopped".to_string())?
			.into_iter()
			.map(|(peer, _)| peer)
			.collect();
		peers.shuffle(&mut rand::thread_rng());
		for peer in peers.into_iter().take(MAX_PEERS_PER_FETCH) {
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
					self.cache().insert(*hash, bytes.clone());
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
		self.cache().mark_missing(*hash);
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

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn fetched_outputs_are_kept_within_a_byte_bound_oldest_out_first() {
		let mut cache = Cache::default();
		let chunk = MAX_CACHED_BYTES / 4;
		for i in 0..6u8 {
			cache.insert(H256::repeat_byte(i), vec![i; chunk]);
			assert!(cache.bytes <= MAX_CACHED_BYTES);
		}
		assert_eq!(cache.outputs.len(), 4);
		assert!(cache.get(&H256::repeat_byte(0)).is_none(), "the oldest went first");
		assert_eq!(cache.get(&H256::repeat_byte(5)), Some(vec![5; chunk]));
		// An output larger than the whole bound is not kept.
		cache.insert(H256::repeat_byte(9), vec![0; MAX_CACHED_BYTES + 1]);
		assert!(cache.get(&H256::repeat_byte(9)).is_none());
	}

	#[test]
	fn a_missing_hash_is_remembered_for_a_while_and_the_memory_is_bounded() {
		let mut cache = Cache::default();
		let hash = H256::repeat_byte(1);
		assert!(!cache.recently_missing(&hash));
		cache.mark_missing(hash);
		assert!(cache.recently_missing(&hash));
		cache.missing.insert(hash, Instant::now() - Duration::from_secs(1));
		assert!(!cache.recently_missing(&hash), "forgotten after MISSING_FOR");
		for i in 0..(MAX_MISSING as u32 + 10) {
			cache.mark_missing(H256::from_low_u64_le(u64::from(i)));
		}
		assert!(cache.missing.len() <= MAX_MISSING);
	}
}
