//! Model replication between nodes.
//!
//! When the chain marks a model `Available`, every node with model sync on assembles its bytes
//! into the local model store: first from its own offchain index (the chunk extrinsics, kept when
//! the node runs with `--enable-offchain-indexing true`), then, for chunks it lacks, from peers
//! over the request-response protocol `/<genesis>/sibyl/models/1`. Every chunk is checked against
//! its on-chain blake2-256 hash and the whole model against its id before the store takes it. A
//! peer that sends a chunk with the wrong hash is reported with a fatal reputation change (which
//! bans and disconnects it) and the fetch goes on with other peers.
//!
//! Every node serves the chunks it has, from its store or its offchain index.
//!
//! A model purged from the registry (`Models::purge`, after its retirement grace) leaves the
//! store too: a stored model that the registry at the best block does not know, once the node is
//! not major-syncing and the file is older than [`UNREGISTERED_GRACE`] (a model `model upload`
//! stored before its registration landed is kept), is deleted. Its offchain-index chunks were
//! cleared by the purge itself.

use std::{
	collections::{HashMap, HashSet},
	fs::File,
	io::{Read, Seek, SeekFrom},
	sync::Arc,
	time::{Duration, Instant},
};

use codec::{Decode, Encode};
use futures::StreamExt;
use rand::seq::SliceRandom;
use sc_network::{
	request_responses::{IncomingRequest, OutgoingResponse},
	service::traits::NetworkService,
	IfDisconnected, NetworkBackend, NetworkPeers, NetworkRequest, PeerId, ProtocolName,
	ReputationChange,
};
use sc_network_sync::SyncingService;
use sibyl_engine::ModelStore;
use sibyl_primitives::{
	api::ModelsApi,
	registry::{chunk_index_key, chunk_len, ModelStatus},
	ModelId,
};
use sibyl_runtime::opaque::Block;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{offchain::OffchainStorage, H256};

use crate::service::FullClient;

/// Log target of model sync.
const LOG: &str = "sibyl-models";
/// Largest request: a model id and a chunk index, SCALE-encoded.
const MAX_REQUEST: u64 = 64;
/// Largest response: one chunk (the runtime's 1 MiB) and room to spare.
const MAX_RESPONSE: u64 = 2 * 1024 * 1024;
/// How long one chunk request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// How often the registry is compared with the store.
const SCAN_PERIOD: Duration = Duration::from_secs(1);
/// How long to wait before retrying a model none of whose missing chunks could be found.
const RETRY_AFTER: Duration = Duration::from_secs(3);
/// Models listed per runtime-API call.
const PAGE: u32 = 256;
/// How old a stored model the registry does not know must be before it is deleted.
pub const UNREGISTERED_GRACE: Duration = Duration::from_secs(3600);
/// Inbound requests queued before new ones are refused.
const INBOUND_QUEUE: usize = 64;

/// A request for one chunk of one model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub struct ChunkRequest {
	/// The model.
	pub model: ModelId,
	/// The chunk index.
	pub index: u32,
}

/// A Sibyl protocol's name on one chain: `/<genesis hash hex>/sibyl/<suffix>`.
pub fn chain_protocol(genesis_hash: &H256, suffix: &str) -> ProtocolName {
	let genesis = sibyl_primitives::to_hex(genesis_hash.as_bytes());
	format!("/{}/sibyl/{suffix}", genesis.trim_start_matches("0x")).into()
}

/// Size and time limits of a request-response protocol.
pub struct Limits {
	/// Largest request, bytes.
	pub max_request: u64,
	/// Largest response, bytes.
	pub max_response: u64,
	/// How long one request may take.
	pub timeout: Duration,
	/// Inbound requests queued before new ones are refused.
	pub queue: usize,
}

/// A request-response protocol's network configuration and the queue its inbound requests
/// arrive on.
pub fn request_response<N: NetworkBackend<Block, H256>>(
	name: ProtocolName,
	limits: Limits,
) -> (N::RequestResponseProtocolConfig, async_channel::Receiver<IncomingRequest>) {
	let (tx, rx) = async_channel::bounded(limits.queue);
	let config = N::request_response_config(
		name,
		Vec::new(),
		limits.max_request,
		limits.max_response,
		limits.timeout,
		Some(tx),
	);
	(config, rx)
}

/// The protocol name for a chain: `/<genesis hash hex>/sibyl/models/1`.
pub fn protocol_name(genesis_hash: &H256) -> ProtocolName {
	chain_protocol(genesis_hash, "models/1")
}

/// Builds the protocol's network configuration and the queue its inbound requests arrive on.
pub fn protocol_config<N: NetworkBackend<Block, H256>>(
	genesis_hash: &H256,
) -> (N::RequestResponseProtocolConfig, async_channel::Receiver<IncomingRequest>) {
	let limits = Limits {
		max_request: MAX_REQUEST,
		max_response: MAX_RESPONSE,
		timeout: REQUEST_TIMEOUT,
		queue: INBOUND_QUEUE,
	};
	request_response::<N>(protocol_name(genesis_hash), limits)
}

/// Where a node's model bytes come from: its store and its offchain index.
pub struct ChunkSource<S> {
	client: Arc<FullClient>,
	store: ModelStore,
	offchain: Option<S>,
}

impl<S: OffchainStorage> ChunkSource<S> {
	/// A source over the node's client, store and offchain database.
	pub fn new(client: Arc<FullClient>, store: ModelStore, offchain: Option<S>) -> Self {
		ChunkSource { client, store, offchain }
	}

	/// Chunk `index` of `model`, unchecked, if this node has it.
	fn local_chunk(&self, model: &ModelId, index: u32) -> Option<Vec<u8>> {
		if let Some(db) = &self.offchain {
			let key = chunk_index_key(model, index);
			if let Some(bytes) = db.get(sp_core::offchain::STORAGE_PREFIX, &key) {
				return Some(bytes);
			}
		}
		if !self.store.contains(model) {
			return None;
		}
		let best = self.client.info().best_hash;
		let info = self.client.runtime_api().model(best, *model).ok().flatten()?;
		let len = chunk_len(info.size, info.chunk_size, index)?;
		let start = u64::from(index).checked_mul(u64::from(info.chunk_size))?;
		let mut file = File::open(self.store.path(model)).ok()?;
		file.seek(SeekFrom::Start(start)).ok()?;
		let mut bytes = vec![0u8; usize::try_from(len).ok()?];
		file.read_exact(&mut bytes).ok()?;
		Some(bytes)
	}
}

/// Answers peers' chunk requests until the network shuts down.
///
/// `corrupt` flips a byte of every chunk served: a test hook (`--dev-serve-corrupt-chunks`) that
/// lets integration tests stand up a dishonest peer with the real binary.
pub async fn serve<S: OffchainStorage>(
	source: Arc<ChunkSource<S>>,
	requests: async_channel::Receiver<IncomingRequest>,
	corrupt: bool,
) {
	let mut requests = std::pin::pin!(requests);
	while let Some(request) = requests.next().await {
		let (result, reputation_changes) = match ChunkRequest::decode(&mut &request.payload[..]) {
			Ok(ChunkRequest { model, index }) => {
				let chunk = source.local_chunk(&model, index).map(|mut bytes| {
					if corrupt {
						if let Some(first) = bytes.first_mut() {
							*first ^= 0xff;
						}
					}
					bytes
				});
				log::debug!(
					target: LOG,
					"peer {} asked for chunk {index} of {}: {}",
					request.peer,
					model.to_hex(),
					if chunk.is_some() { "served" } else { "not here" }
				);
				(chunk.ok_or(()), Vec::new())
			},
			Err(_) => {
				(Err(()), vec![ReputationChange::new(-(1 << 12), "undecodable chunk request")])
			},
		};
		let _ = request.pending_response.send(OutgoingResponse {
			result,
			reputation_changes,
			sent_feedback: None,
		});
	}
}

/// Keeps the store in step with the registry.
pub struct ModelSync<S> {
	source: Arc<ChunkSource<S>>,
	network: Arc<dyn NetworkService>,
	sync: Arc<SyncingService<Block>>,
	protocol: ProtocolName,
	/// Models that failed, and when they may be tried again.
	retry_at: HashMap<ModelId, Instant>,
	/// Peers caught sending bad bytes; never asked again.
	banned: HashSet<PeerId>,
	/// The engine, whose cached plans of retired models are dropped.
	engine: Arc<crate::inference::EngineBackend>,
	/// Retired models whose plans were dropped.
	forgotten: HashSet<ModelId>,
	/// Bytes and failures, when the node has metrics.
	metrics: Option<Arc<crate::metrics::Metrics>>,
}

/// Where the chunks of an assembled model came from.
#[derive(Default, Debug)]
struct Provenance {
	local: u32,
	peers: u32,
	local_bytes: u64,
	peer_bytes: u64,
}

impl<S: OffchainStorage + 'static> ModelSync<S> {
	/// Model sync over the node's network.
	pub fn new(
		source: Arc<ChunkSource<S>>,
		network: Arc<dyn NetworkService>,
		sync: Arc<SyncingService<Block>>,
		protocol: ProtocolName,
		engine: Arc<crate::inference::EngineBackend>,
		metrics: Option<Arc<crate::metrics::Metrics>>,
	) -> Self {
		ModelSync {
			source,
			network,
			sync,
			protocol,
			retry_at: HashMap::new(),
			banned: HashSet::new(),
			engine,
			forgotten: HashSet::new(),
			metrics,
		}
	}

	/// Runs until the node stops.
	pub async fn run(mut self) {
		loop {
			futures_timer::Delay::new(SCAN_PERIOD).await;
			for model in self.missing_models() {
				if self.retry_at.get(&model).is_some_and(|at| Instant::now() < *at) {
					continue;
				}
				match self.fetch(&model).await {
					Ok(()) => {
						self.retry_at.remove(&model);
					},
					Err(reason) => {
						log::warn!(target: LOG, "model {} not stored yet: {reason}", model.to_hex());
						if let Some(metrics) = &self.metrics {
							metrics.model_sync_failed();
						}
						// Keep a longer back-off that `fetch` chose.
						let at = Instant::now() + RETRY_AFTER;
						self.retry_at.entry(model).and_modify(|t| *t = (*t).max(at)).or_insert(at);
					},
				}
			}
		}
	}

	/// Available or retired models (retired ones still finish their requests) the store lacks.
	/// The engine's plans of retired models are dropped on the way: a cached plan never outlives
	/// its model's retirement (a request made before it is prepared again if it comes). When the
	/// whole registry was read, stored models it no longer has are deleted ([`Self::prune`]).
	fn missing_models(&mut self) -> Vec<ModelId> {
		let client = &self.source.client;
		let best = client.info().best_hash;
		let api = client.runtime_api();
		let mut missing = Vec::new();
		let mut registered = HashSet::new();
		let mut after = None;
		loop {
			let page = match api.models(best, after, PAGE) {
				Ok(page) => page,
				Err(e) => {
					log::debug!(target: LOG, "cannot list models at {best}: {e}");
					return missing;
				},
			};
			let full = page.len() as u32 == PAGE;
			after = page.last().map(|(id, _)| *id);
			for (id, status) in &page {
				registered.insert(*id);
				if *status == ModelStatus::Retired && self.forgotten.insert(*id) {
					self.engine.sandbox().forget(id);
				}
			}
			missing.extend(
				page.into_iter()
					.filter(|(id, status)| {
						*status != ModelStatus::Uploading && !self.source.store.contains(id)
					})
					.map(|(id, _)| id),
			);
			if !full {
				break;
			}
		}
		if !sp_consensus::SyncOracle::is_major_syncing(&*self.sync) {
			self.prune(&registered);
		}
		missing
	}

	/// Deletes the stored models not in `registered` (the whole registry at the best block)
	/// that have been stored for longer than [`UNREGISTERED_GRACE`].
	fn prune(&mut self, registered: &HashSet<ModelId>) {
		let store = &self.source.store;
		for id in unregistered(&store.list(), registered, |id| store.age(id)) {
			match store.remove(&id) {
				Ok(_) => {
					self.engine.sandbox().forget(&id);
					self.forgotten.remove(&id);
					log::info!(target: LOG, "model {} purged from the registry: deleted", id.to_hex());
				},
				Err(e) => log::warn!(target: LOG, "cannot delete model {}: {e}", id.to_hex()),
			}
		}
	}

	/// Assembles `model` from the offchain index and peers, checks it and stores it.
	async fn fetch(&mut self, model: &ModelId) -> Result<(), String> {
		let started = Instant::now();
		let client = self.source.client.clone();
		let best = client.info().best_hash;
		let api = client.runtime_api();
		let info = api
			.model(best, *model)
			.map_err(|e| e.to_string())?
			.ok_or("not registered at the best block")?;
		let hashes = api
			.chunk_hashes(best, *model)
			.map_err(|e| e.to_string())?
			.ok_or("no chunk hashes at the best block")?;

		let mut bytes = Vec::with_capacity(info.size as usize);
		let mut provenance = Provenance::default();
		for (index, expected) in (0u32..).zip(hashes.iter()) {
			let len = chunk_len(info.size, info.chunk_size, index).ok_or("chunk count mismatch")?;
			let check = |chunk: &[u8]| {
				chunk.len() as u32 == len && H256(sp_io::hashing::blake2_256(chunk)) == *expected
			};
			let chunk = match self.source.local_chunk(model, index).filter(|c| check(c)) {
				Some(chunk) => {
					provenance.local += 1;
					provenance.local_bytes += chunk.len() as u64;
					chunk
				},
				None => {
					let chunk = self.fetch_from_peers(model, index, &check).await?;
					provenance.peers += 1;
					provenance.peer_bytes += chunk.len() as u64;
					chunk
				},
			};
			bytes.extend_from_slice(&chunk);
		}
		if ModelId::of(&bytes) != *model {
			// Every chunk matched its registered hash, so the owner registered the wrong id.
			self.retry_at.insert(*model, Instant::now() + Duration::from_secs(3600));
			return Err("its chunks match their hashes but not the model id".into());
		}
		self.source.store.put(&bytes).map_err(|e| format!("store refused it: {e}"))?;
		if let Some(metrics) = &self.metrics {
			metrics.model_synced(provenance.local_bytes, provenance.peer_bytes);
		}
		let secs = started.elapsed().as_secs_f64();
		log::info!(
			target: LOG,
			"📦 Stored model {} ({} bytes, {} chunks from the offchain index, {} from peers) in {:.2} s, {:.1} MiB/s",
			model.to_hex(),
			bytes.len(),
			provenance.local,
			provenance.peers,
			secs,
			bytes.len() as f64 / (1024.0 * 1024.0) / secs.max(1e-9),
		);
		Ok(())
	}

	/// Asks connected peers, in random order, for a chunk until one sends bytes that `check`.
	async fn fetch_from_peers(
		&mut self,
		model: &ModelId,
		index: u32,
		check: &(dyn Fn(&[u8]) -> bool + Sync),
	) -> Result<Vec<u8>, String> {
		let mut peers: Vec<PeerId> = self
			.sync
			.peers_info()
			.await
			.map_err(|_| "the sync service stopped")?
			.into_iter()
			.map(|(peer, _)| peer)
			.filter(|peer| !self.banned.contains(peer))
			.collect();
		if peers.is_empty() {
			return Err(format!("chunk {index}: no peers to ask"));
		}
		peers.shuffle(&mut rand::thread_rng());
		let request = ChunkRequest { model: *model, index }.encode();
		for peer in peers {
			let response = self
				.network
				.request(
					peer,
					self.protocol.clone(),
					request.clone(),
					None,
					IfDisconnected::ImmediateError,
				)
				.await;
			match response {
				Ok((chunk, _)) if check(&chunk) => return Ok(chunk),
				Ok(_) => {
					log::warn!(
						target: LOG,
						"peer {peer} sent a corrupt chunk {index} of {}: reported and dropped",
						model.to_hex()
					);
					self.banned.insert(peer);
					self.network.report_peer(
						peer,
						ReputationChange::new_fatal("sent a model chunk with the wrong hash"),
					);
				},
				Err(e) => log::debug!(target: LOG, "peer {peer} had no chunk {index}: {e}"),
			}
		}
		Err(format!("chunk {index}: no peer had it"))
	}
}

/// The stored models (`stored`) to delete: those not in `registered` stored longer than
/// [`UNREGISTERED_GRACE`] ago (`age`: how long ago; unknown ages are kept).
fn unregistered(
	stored: &[ModelId],
	registered: &HashSet<ModelId>,
	age: impl Fn(&ModelId) -> Option<Duration>,
) -> Vec<ModelId> {
	stored
		.iter()
		.filter(|id| !registered.contains(id))
		.filter(|id| age(id).is_some_and(|age| age >= UNREGISTERED_GRACE))
		.copied()
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn only_old_models_the_registry_does_not_know_are_deleted() {
		let [purged, fresh, kept, unknown_age] = [1u8, 2, 3, 4].map(|b| ModelId([b; 32]));
		let registered: HashSet<ModelId> = [kept].into();
		let hour = UNREGISTERED_GRACE;
		let age = |id: &ModelId| match id.0[0] {
			1 => Some(hour),
			2 => Some(hour - Duration::from_secs(1)),
			3 => Some(hour * 100),
			_ => None,
		};
		assert_eq!(
			unregistered(&[purged, fresh, kept, unknown_age], &registered, age),
			vec![purged]
		);
		assert_eq!(unregistered(&[purged], &[purged].into(), age), vec![]);
	}

	#[test]
	fn protocol_name_is_per_chain() {
		let a = protocol_name(&H256::repeat_byte(1));
		let b = protocol_name(&H256::repeat_byte(2));
		assert_ne!(a, b);
		assert!(a.to_string().ends_with("/sibyl/models/1"));
		assert_eq!(a.to_string().len(), 1 + 64 + "/sibyl/models/1".len());
	}

	#[test]
	fn chunk_request_fits_the_limit() {
		let request = ChunkRequest { model: ModelId([7; 32]), index: u32::MAX };
		assert!(request.encode().len() as u64 <= MAX_REQUEST);
		assert_eq!(ChunkRequest::decode(&mut &request.encode()[..]), Ok(request));
	}
}
