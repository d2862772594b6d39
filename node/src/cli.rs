//! Command-line interface of `sibyl-node`.

use sibyl_primitives::time::{MAX_BLOCK_TIME_MS, MIN_BLOCK_TIME_MS};

/// Sub-commands besides running the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Inspect and run ONNX models locally, as the chain's engine would.
	#[command(subcommand)]
	Model(crate::inference::ModelCmd),

	/// Key management: generate, inspect and insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

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

	/// Runtime and node benchmarks (build with `--features runtime-benchmarks`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),
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
			dev,
			#[cfg(feature = "dishonest")]
			dishonest: self.dishonest,
		}
	}
}
