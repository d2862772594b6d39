//! The full node: client, import queue, networking, BABE authoring, GRANDPA finality,
//! offchain workers and RPC.

use std::{sync::Arc, time::Duration};

use codec::Encode;
use futures::FutureExt;
use sc_client_api::{Backend, BlockBackend};
use sc_consensus_grandpa::SharedVoterState;
use sc_consensus_slots::SlotProportion;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sibyl_primitives::Role;
use sibyl_runtime::{apis::RuntimeApi, opaque::Block};

/// Host functions the runtime may call: Substrate's and the inference interface.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type HostFunctions = (sp_io::SubstrateHostFunctions, sibyl_inference::HostFunctions);

/// Host functions the runtime may call, plus the benchmarking ones.
#[cfg(feature = "runtime-benchmarks")]
pub type HostFunctions = (
	sp_io::SubstrateHostFunctions,
	sibyl_inference::HostFunctions,
	frame_benchmarking::benchmarking::HostFunctions,
);

/// The client of a full node.
pub type FullClient =
	sc_service::TFullClient<Block, RuntimeApi, sc_executor::WasmExecutor<HostFunctions>>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
type FullGrandpaBlockImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;
/// The inherent data a block's author provides and its importers check: BABE's slot, the time.
type BabeInherents =
	(sp_consensus_babe::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider);
type BabeInherentsFactory = Arc<
	dyn sp_inherents::CreateInherentDataProviders<Block, (), InherentDataProviders = BabeInherents>,
>;
/// BABE's block import (epochs, VRF checks) wrapping GRANDPA's (authority set changes).
type FullBlockImport = sc_consensus_babe::BabeBlockImport<
	Block,
	FullClient,
	FullGrandpaBlockImport,
	BabeInherentsFactory,
	FullSelectChain,
>;

/// Blocks between two GRANDPA justifications that are stored and served to syncing peers.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// What `new_partial` hands to the sub-commands and to `new_full`.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	sc_transaction_pool::TransactionPoolHandle<Block, FullClient>,
	(
		FullBlockImport,
		sc_consensus_babe::BabeLink<Block>,
		sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
		Option<Telemetry>,
	),
>;

/// Builds the parts every sub-command needs: client, backend, pool and import queue.
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|endpoints| !endpoints.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<HostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			Vec::new(),
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&client,
		select_chain.clone(),
		telemetry.as_ref().map(|x| x.handle()),
	)?;

	// The slot duration is genesis state (pallet-block-time), exposed by `BabeApi`.
	let babe_config = sc_consensus_babe::configuration(&*client)?;
	let slot_duration = babe_config.slot_duration();
	let inherents: BabeInherentsFactory = Arc::new(move |_, ()| async move {
		let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
		let slot =
			sp_consensus_babe::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
				*timestamp,
				slot_duration,
			);
		Ok((slot, timestamp))
	});
	let (block_import, babe_link) = sc_consensus_babe::block_import(
		babe_config,
		grandpa_block_import.clone(),
		client.clone(),
		inherents,
		select_chain.clone(),
		OffchainTransactionPoolFactory::new(transaction_pool.clone()),
	)?;
	let (import_queue, babe_worker) =
		sc_consensus_babe::import_queue(sc_consensus_babe::ImportQueueParams {
			link: babe_link.clone(),
			block_import: block_import.clone(),
			justification_import: Some(Box::new(grandpa_block_import)),
			client: client.clone(),
			slot_duration,
			spawner: &task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
		})?;
	// BABE's epoch worker is an essential task that ends (and stops the node) once every handle
	// to it is gone; nothing here queries it, so one handle is held for the node's life.
	task_manager.spawn_handle().spawn("babe-worker-handle", None, async move {
		let _handle = babe_worker;
		futures::future::pending::<()>().await
	});

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (block_import, babe_link, grandpa_link, telemetry),
	})
}

/// What a node does about model replication.
#[derive(Clone, Debug)]
pub struct NodeOptions {
	/// Copy available models into the local store.
	pub sync: bool,
	/// Serve corrupted chunks (a test hook).
	pub serve_corrupt: bool,
	/// Take the inference role: offchain workers reach the engine.
	pub inference: bool,
	/// Take the verifier role: offchain workers reach the engine.
	pub verify: bool,
	/// Take the data role with the sources in this file.
	pub oracle_feeds: Option<std::path::PathBuf>,
	/// Limits of the engine sandbox that runs models.
	pub engine: sibyl_engine::sandbox::SandboxConfig,
	/// A single-node `--dev` chain: the node also holds Bob's verifier key.
	pub dev: bool,
	/// Play a dishonest node (test builds only).
	#[cfg(feature = "dishonest")]
	pub dishonest: Option<crate::inference::Dishonesty>,
}

impl NodeOptions {
	/// The roles whose offchain work this node does.
	pub fn roles(&self) -> Vec<Role> {
		let mut roles = Vec::new();
		if self.inference {
			roles.push(Role::Inference);
		}
		if self.verify {
			roles.push(Role::Verifier);
		}
		if self.oracle_feeds.is_some() {
			roles.push(Role::Data);
		}
		roles
	}
}

/// Inserts the sr25519 key of `seed` for `role` into the keystore; logs the role's keys.
fn role_keys(
	keystore: &sp_keystore::KeystorePtr,
	role: Role,
	seeds: &[&str],
	hint: &crate::role_check::KeystoreHint,
) -> Result<(), ServiceError> {
	let key_type = role.key_type();
	for seed in seeds {
		sp_keystore::Keystore::sr25519_generate_new(&**keystore, key_type, Some(seed))
			.map_err(|e| ServiceError::Other(format!("cannot insert the dev {role:?} key: {e}")))?;
	}
	let keys = sp_keystore::Keystore::sr25519_public_keys(&**keystore, key_type);
	let name = String::from_utf8_lossy(&key_type.0).into_owned();
	if keys.is_empty() {
		log::warn!(
			"🧠 {role:?} role without a {name} key: insert one with `sibyl-node key insert \
			 --key-type {name} --scheme sr25519 --chain {} --base-path {}` (or \
			 `author_insertKey`) and bond it",
			hint.chain,
			hint.base_path,
		);
	} else {
		log::info!("🧠 {role:?} role on, {} {name} key(s): {:?}", keys.len(), keys);
	}
	Ok(())
}

/// Builds and starts a full node.
pub fn new_full<
	N: sc_network::NetworkBackend<Block, <Block as sp_runtime::traits::Block>::Hash>,
>(
	config: Configuration,
	options: NodeOptions,
) -> Result<TaskManager, ServiceError> {
	if options.inference || options.verify {
		// Every inference and verifier node computes the same bits, or none: refuse the role on
		// a CPU (or an engine build) that cannot run the chain's pinned kernel set. Checked before
		// anything starts: a refusal after the network was up raced its tasks' shutdown panics,
		// which could end the process before the one-line error (a CI failure of tests/cli.rs).
		let expected = sibyl_primitives::ENGINE_IDENTITY;
		match sibyl_engine::kernels::pin() {
			Ok(identity) if identity == expected => {
				log::info!("🧮 Engine {identity}: outputs bit-identical across x86-64 nodes")
			},
			Ok(identity) => {
				return Err(ServiceError::Other(format!(
					"cannot take the inference or verifier role: this engine is `{identity}`, \
					 the chain's is `{expected}`"
				)))
			},
			Err(e) => {
				return Err(ServiceError::Other(format!(
					"cannot take the inference or verifier role: {e}"
				)))
			},
		}
	}
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (block_import, babe_link, grandpa_link, mut telemetry),
	} = new_partial(&config)?;

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as sp_runtime::traits::Block>::Hash,
		N,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = N::register_notification_metrics(config.prometheus_registry());

	let peer_store_handle = net_config.peer_store_handle();
	let genesis_hash = client
		.block_hash(0)
		.ok()
		.flatten()
		.ok_or_else(|| ServiceError::Other("the genesis block is missing".into()))?;
	let grandpa_protocol_name =
		sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			peer_store_handle,
		);
	net_config.add_notification_protocol(grandpa_protocol_config);

	let models_protocol = crate::model_sync::protocol_name(&genesis_hash);
	let (models_protocol_config, model_requests) =
		crate::model_sync::protocol_config::<N>(&genesis_hash);
	net_config.add_request_response_protocol(models_protocol_config);
	let outputs_protocol = crate::outputs::protocol_name(&genesis_hash);
	let (outputs_protocol_config, output_requests) =
		crate::outputs::protocol_config::<N>(&genesis_hash);
	net_config.add_request_response_protocol(outputs_protocol_config);

	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::default(),
	));

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config: Some(WarpSyncConfig::WithProvider(warp_sync)),
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	let store_dir = crate::inference::store_dir(&config.data_path);
	let store = crate::inference::EngineBackend::open_store(&store_dir).map_err(|e| {
		ServiceError::Other(format!("cannot open model store {}: {e}", store_dir.display()))
	})?;
	log::info!("📦 Model store at {}", store.dir().display());
	let legacy = crate::inference::legacy_store_dir(config.base_path.path());
	if legacy.is_dir() {
		log::warn!(
			"📦 {} is a model store of an older sibyl-node, shared by every chain of this base \
			 path; models now live per chain in {} (fetched again from peers and checked). \
			 Delete the old directory once no older node uses it.",
			legacy.display(),
			store.dir().display()
		);
	}
	// Models run in sandboxed worker processes (started on first use), never in this one.
	let engine = crate::inference::EngineBackend::new(store.clone(), options.engine.clone());
	// Sibyl's metrics on the node's Prometheus registry (node/src/metrics.rs).
	let sibyl_metrics =
		match config.prometheus_registry() {
			Some(registry) => Some(crate::metrics::Metrics::register(registry).map_err(|e| {
				ServiceError::Other(format!("cannot register Sibyl's metrics: {e}"))
			})?),
			None => None,
		};
	if let Some(metrics) = &sibyl_metrics {
		engine.attach_metrics(metrics.clone());
	}
	let chunk_source = Arc::new(crate::model_sync::ChunkSource::new(
		client.clone(),
		store.clone(),
		backend.offchain_storage(),
	));
	task_manager.spawn_handle().spawn(
		"sibyl-model-serve",
		Some("sibyl-models"),
		crate::model_sync::serve(chunk_source.clone(), model_requests, options.serve_corrupt),
	);
	let outputs = Arc::new(crate::outputs::Outputs::new(
		backend.offchain_storage(),
		network.clone(),
		sync_service.clone(),
		outputs_protocol,
	));
	task_manager.spawn_handle().spawn(
		"sibyl-output-serve",
		Some("sibyl-outputs"),
		outputs.clone().serve(output_requests),
	);
	if options.sync {
		let sync = crate::model_sync::ModelSync::new(
			chunk_source,
			network.clone(),
			sync_service.clone(),
			models_protocol,
			engine.clone(),
			sibyl_metrics.clone(),
		);
		task_manager.spawn_handle().spawn("sibyl-model-sync", Some("sibyl-models"), sync.run());
	}

	let roles = options.roles();
	// Every signer of this node (offchain workers, BABE, GRANDPA, RPC-inserted keys) goes through
	// the caching wrapper: keys given as phrases are derived once, not at every signature.
	let keystore: sp_keystore::KeystorePtr =
		crate::keystore::CachingKeystore::new(keystore_container.keystore());
	let dev_seed = config.dev_key_seed.clone();
	let hint = || crate::role_check::KeystoreHint {
		chain: config.chain_spec.id().to_string(),
		base_path: config.base_path.path().display().to_string(),
	};
	if options.inference {
		// `--dev` / `--alice`…: the dev account's inference key, bonded in the dev genesis.
		let seeds: Vec<&str> = dev_seed.as_deref().into_iter().collect();
		role_keys(&keystore, Role::Inference, &seeds, &hint())?;
	}
	if options.verify {
		// `--bob`, `--charlie`…: that account's verifier key (bonded in the local genesis); a
		// lone `--dev` node also verifies as Bob, bonded as a verifier in the dev genesis.
		let mut seeds: Vec<&str> = Vec::new();
		if options.dev {
			seeds.push("//Bob");
		} else if let Some(seed) = dev_seed.as_deref() {
			seeds.push(seed);
		}
		role_keys(&keystore, Role::Verifier, &seeds, &hint())?;
	}
	let sources = match &options.oracle_feeds {
		Some(file) => {
			let sources = crate::oracle::read_sources(file).map_err(ServiceError::Other)?;
			let seeds: Vec<&str> = dev_seed.as_deref().into_iter().collect();
			role_keys(&keystore, Role::Data, &seeds, &hint())?;
			log::info!("📈 Data role on, {} source(s) from {}", sources.len(), file.display());
			sources
		},
		None => Vec::new(),
	};
	if let Some(metrics) = sibyl_metrics {
		task_manager.spawn_handle().spawn(
			"sibyl-metrics",
			None,
			crate::metrics::watch(
				client.clone(),
				keystore.clone(),
				roles.clone(),
				backend.offchain_storage(),
				metrics,
			),
		);
	}
	if !roles.is_empty() {
		task_manager.spawn_handle().spawn(
			"sibyl-role-keys",
			None,
			crate::role_check::watch(client.clone(), keystore.clone(), roles.clone(), hint()),
		);
	}
	// The runtime's offchain workers act only for the roles (and sources) recorded here.
	if let Some(mut db) = backend.offchain_storage() {
		use sp_core::offchain::OffchainStorage;
		let prefix = sp_core::offchain::STORAGE_PREFIX;
		db.set(prefix, sibyl_primitives::roles::NODE_ROLES_KEY, &roles.encode());
		db.set(prefix, pallet_oracle::fetch::SOURCES_KEY, &sources.encode());
	}

	if config.offchain_worker.enabled || !roles.is_empty() {
		// The engine is reachable from offchain workers only, and only on inference and
		// verifier nodes: block import never runs a model.
		let inference = options.inference || options.verify;
		#[cfg(feature = "dishonest")]
		let engine: Arc<dyn sibyl_inference::InferenceBackend> = match options.dishonest {
			Some(mode) => {
				log::warn!("😈 Playing a dishonest node: {mode:?}");
				Arc::new(crate::inference::DishonestBackend::new(engine, mode))
			},
			None => engine,
		};
		// Workers' transactions reach the pool once it has caught up with their block.
		let (submitter, submitting) = crate::offchain_pool::AfterMaintenance::new(
			transaction_pool.clone(),
			crate::offchain_pool::result_slot,
		);
		task_manager.spawn_handle().spawn("offchain-submit", "offchain-worker", submitting);
		let offchain_workers =
			sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
				runtime_api_provider: client.clone(),
				is_validator: config.role.is_authority(),
				keystore: Some(keystore.clone()),
				offchain_db: backend.offchain_storage(),
				transaction_pool: Some(OffchainTransactionPoolFactory::new(submitter)),
				network_provider: Arc::new(network.clone()),
				enable_http_requests: true,
				custom_extensions: move |_| {
					if inference {
						vec![Box::new(sibyl_inference::InferenceExt::new(engine.clone())) as Box<_>]
					} else {
						Vec::new()
					}
				},
			})?;
		task_manager.spawn_handle().spawn(
			"offchain-workers-runner",
			"offchain-worker",
			offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
		);
	}

	let role = config.role;
	let force_authoring = config.force_authoring;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();

	let rpc_extensions_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		let outputs = outputs.clone();
		let outputs_source: Arc<dyn crate::rpc::OutputSource> = outputs.clone();
		Box::new(move |_| {
			let deps = crate::rpc::FullDeps { client: client.clone(), pool: pool.clone() };
			let mut module = crate::rpc::create_full(deps)?;
			let outputs = crate::outputs::rpc(outputs.clone())
				.map_err(|e| ServiceError::Other(format!("inference_output RPC: {e}")))?;
			module
				.merge(outputs)
				.map_err(|e| ServiceError::Other(format!("inference_output RPC: {e}")))?;
			let sibyl = crate::rpc::Sibyl::new(client.clone(), outputs_source.clone());
			module
				.merge(crate::rpc::SibylApiServer::into_rpc(sibyl))
				.map_err(|e| ServiceError::Other(format!("sibyl RPC: {e}")))?;
			Ok(module)
		})
	};

	let _rpc_handlers = sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: Arc::new(network.clone()),
		client: client.clone(),
		keystore: keystore.clone(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder: rpc_extensions_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	if role.is_authority() {
		let proposer_factory = sc_basic_authorship::ProposerFactory::new(
			task_manager.spawn_handle(),
			client.clone(),
			transaction_pool.clone(),
			prometheus_registry.as_ref(),
			telemetry.as_ref().map(|x| x.handle()),
		);

		let slot_duration = babe_link.config().slot_duration();
		let babe = sc_consensus_babe::start_babe(sc_consensus_babe::BabeParams {
			keystore: keystore.clone(),
			client,
			select_chain,
			env: proposer_factory,
			block_import,
			sync_oracle: sync_service.clone(),
			justification_sync_link: sync_service.clone(),
			create_inherent_data_providers: move |_, ()| async move {
				let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
				let slot =
					sp_consensus_babe::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
						*timestamp,
						slot_duration,
					);
				Ok((slot, timestamp))
			},
			force_authoring,
			backoff_authoring_blocks: Option::<()>::None,
			babe_link,
			block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
			max_block_proposal_slot_portion: None,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
		})?;

		// Authoring is essential: if it fails, the node stops.
		task_manager.spawn_essential_handle().spawn_blocking(
			"babe-proposer",
			Some("block-authoring"),
			babe,
		);
	}

	if enable_grandpa {
		// Only an authority votes; others follow finality without a keystore.
		let keystore = if role.is_authority() { Some(keystore.clone()) } else { None };

		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: Duration::from_millis(333),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			protocol_name: grandpa_protocol_name,
		};

		let grandpa_params = sc_consensus_grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: Arc::new(sync_service),
			notification_service: grandpa_notification_service,
			voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
			prometheus_registry,
			shared_voter_state: SharedVoterState::empty(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		};

		// The voter is essential: if it fails, the node stops.
		task_manager.spawn_essential_handle().spawn_blocking(
			"grandpa-voter",
			None,
			sc_consensus_grandpa::run_grandpa_voter(grandpa_params)?,
		);
	}

	Ok(task_manager)
}
