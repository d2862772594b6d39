//! Command-line interface of `sibyl-node`.

use sibyl_primitives::time::{MAX_BLOCK_TIME_MS, MIN_BLOCK_TIME_MS};

/// Sub-commands besides running the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Inspect and run ONNX models locally, as the chain's engine would.
	#[command(subcommand)]
	Model(crate::inference::ModelCmd),

	/// Key management: generate, inspect and insert keys; prove a role key for a bond.
	#[command(subcommand)]
	Key(KeyCmd),

	/// Build a chain specification (prefer `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database metadata.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Internal: an engine worker process, started by the node's engine sandbox. It reads
	/// requests on stdin and answers on stdout.
	#[command(hide = true)]
	EngineWorker(EngineWorkerCmd),

	/// Runtime and node benchmarks (build with `--features runtime-benchmarks`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),
}

/// `sibyl-node key`: Substrate's key commands, and `prove`.
#[derive(Debug, clap::Subcommand)]
pub enum KeyCmd {
	#[allow(missing_docs)]
	#[command(flatten)]
	Substrate(sc_cli::KeySubcommand),
	/// Print the proof of possession of this node's role key that `Payments.bond` and
	/// `Payments.rotate_key` take, for one account on the chain of `--url`.
	Prove(crate::key_proof::ProveCmd),
}

/// `sibyl-node engine-worker`.
#[derive(Debug, clap::Args)]
pub struct EngineWorkerCmd {
	/// Address-space limit of this worker, in bytes.
	#[arg(long)]
	pub memory_bytes: u64,
}

/// Limits of the engine sandbox: the worker processes that run models (see docs/engine.md).
#[derive(Debug, Clone, clap::Args)]
pub struct EngineArgs {
	/// Worker processes that run models: calls running at once. One stuck on a hostile model
	/// until its deadline leaves the others to honest calls.
	#[arg(long, global = true, value_name = "N", default_value_t = 2,
		value_parser = clap::value_parser!(u32).range(1..=64))]
	pub engine_workers: u32,

	/// Address-space limit of each engine worker, in MiB (the worker's own binary counts
	/// toward it). A model that needs more kills its worker, and the node steps aside.
	#[arg(long, global = true, value_name = "MIB", default_value_t = 3072,
		value_parser = clap::value_parser!(u64).range(1024..=1_048_576))]
	pub engine_memory_mib: u64,

	/// Longest run of one call, in milliseconds. Each call's limit is 1 s plus its declared
	/// cost at the assumed speed (`--engine-ops-per-second`), at most this.
	#[arg(long, global = true, value_name = "MS", default_value_t = 10_000,
		value_parser = clap::value_parser!(u64).range(100..=600_000))]
	pub engine_timeout_ms: u64,

	/// Speed the run limits assume, in operations per second: set it well below what this
	/// machine computes, so that honest calls finish inside their limits.
	#[arg(long, global = true, value_name = "OPS", default_value_t = 2_000_000_000,
		value_parser = clap::value_parser!(u64).range(1_000_000..))]
	pub engine_ops_per_second: u64,
}

impl EngineArgs {
	/// The sandbox configuration these options describe, running workers as this binary.
	pub fn sandbox_config(&self) -> sibyl_engine::sandbox::SandboxConfig {
		let mut config = sibyl_engine::sandbox::SandboxConfig::new(
			crate::inference::worker_program(),
			vec!["engine-worker".into()],
		);
		config.workers = self.engine_workers as usize;
		config.memory_bytes = self.engine_memory_mib.saturating_mul(1 << 20);
		config.max_run_timeout = std::time::Duration::from_millis(self.engine_timeout_ms);
		config.min_run_timeout = config.min_run_timeout.min(config.max_run_timeout);
		config.ops_per_second = self.engine_ops_per_second;
		config
	}
}

/// `sibyl-node` options.
#[derive(Debug, clap::Parser)]
#[command(
	propagate_version = true,
	args_conflicts_with_subcommands = true,
	subcommand_negates_reqs = true
)]
pub struct Cli {
	/// A sub-command; without one the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of a running node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// Block time in milliseconds for chains built from a runtime preset (`dev`, `local`).
	///
	/// Fixed for the life of a chain: it is written into genesis. Has no effect on a chain
	/// spec file or on `testnet`, whose genesis is already decided.
	#[arg(
		long,
		global = true,
		value_name = "MS",
		value_parser = clap::value_parser!(u64).range(MIN_BLOCK_TIME_MS..=MAX_BLOCK_TIME_MS)
	)]
	pub block_time_ms: Option<u64>,

	/// Limits of the engine sandbox.
	#[clap(flatten)]
	pub engine: EngineArgs,

	/// Do not copy available models into this node's model store. The node still serves the
	/// chunks it has to peers.
	#[arg(long)]
	pub no_model_sync: bool,

	/// Test hook: serve every model chunk with a flipped byte, to play a dishonest peer.
	#[arg(long, hide = true)]
	pub dev_serve_corrupt_chunks: bool,

	/// Take the inference role: offchain workers run the requests assigned to this node's
	/// `infr` key (insert it with `key insert --key-type infr --scheme sr25519`, and bond its
	/// account with `Payments.bond`). Implies offchain workers. On by default with `--dev`,
	/// which also inserts Alice's `infr` key (bonded in the dev genesis).
	#[arg(long)]
	pub inference: bool,

	/// Take the verifier role: offchain workers re-run the requests this node's `vrfy` key is
	/// drawn to check, seal their output and reveal it (insert the key with `key insert
	/// --key-type vrfy --scheme sr25519`, and bond its account for `Verifier`). Implies
	/// offchain workers. On by default with `--dev`, which also inserts Bob's `vrfy` key
	/// (bonded as a verifier in the dev genesis).
	#[arg(long)]
	pub verify: bool,

	/// Take the data role: offchain workers fetch the sources in FILE and submit their values
	/// to the oracle feeds, signed with this node's `orcl` key (bond its account for `Data`).
	/// FILE is JSON: `{"feeds": [{"feed": 0, "url": "https://…", "path": "data.price"}]}`,
	/// where `path` names the number in the source's JSON answer (object keys and array
	/// indices, dot-separated). With `--dev` or `--alice`… the dev account's `orcl` key is
	/// inserted (Alice is bonded as a data node in the dev genesis).
	#[arg(long, value_name = "FILE")]
	pub oracle_feeds: Option<std::path::PathBuf>,

	/// Test builds only: play a dishonest node. `corrupt` alters every output this node
	/// computes; `lazy` computes once per model and replays that output for every later
	/// request instead of running the model.
	#[cfg(feature = "dishonest")]
	#[arg(long, value_enum, hide = true)]
	pub dishonest: Option<crate::inference::Dishonesty>,
}

impl Cli {
	/// The Sibyl-specific options of a running node.
	pub fn node_options(&self) -> crate::service::NodeOptions {
		let dev = self.run.shared_params.is_dev();
		crate::service::NodeOptions {
			sync: !self.no_model_sync,
			serve_corrupt: self.dev_serve_corrupt_chunks,
			inference: self.inference || dev,
			verify: self.verify || dev,
			oracle_feeds: self.oracle_feeds.clone(),
			engine: self.engine.sandbox_config(),
			dev,
			#[cfg(feature = "dishonest")]
			dishonest: self.dishonest,
		}
	}
}
