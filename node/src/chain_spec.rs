//! Chain specifications: built from runtime presets, or loaded from JSON.

use sc_service::ChainType;
use serde_json::json;
use sibyl_primitives::currency::{DECIMALS, SYMBOL};
use sibyl_runtime::{genesis_config_presets::TESTNET_RUNTIME_PRESET, WASM_BINARY};

/// A chain specification of the Sibyl runtime.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The committed raw testnet specification.
const TESTNET_RAW: &[u8] = include_bytes!("../../chain-specs/testnet.raw.json");

fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), SYMBOL.into());
	properties.insert("tokenDecimals".into(), DECIMALS.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
	block_time_ms: Option<u64>,
) -> Result<ChainSpec, String> {
	let code = WASM_BINARY.ok_or_else(|| {
		"the node was built without its wasm runtime (SKIP_WASM_BUILD set?)".to_string()
	})?;
	let mut builder = ChainSpec::builder(code, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_protocol_id("sibyl")
		.with_properties(properties())
		.with_genesis_config_preset_name(preset);
	if let Some(ms) = block_time_ms {
		if !ms.is_multiple_of(2) {
			return Err(format!(
				"--block-time-ms {ms}: a block time must be an even number of milliseconds (a \
				 BABE slot is twice the timestamp's minimum period)"
			));
		}
		builder =
			builder.with_genesis_config_patch(json!({ "blockTime": { "slotDurationMs": ms } }));
	}
	Ok(builder.build())
}

/// One validator (Alice); every role on one node.
pub fn development(block_time_ms: Option<u64>) -> Result<ChainSpec, String> {
	from_preset(
		"Sibyl Development",
		"sibyl_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
		block_time_ms,
	)
}

/// Three validators (Alice, Bob, Charlie) on one machine.
pub fn local_testnet(block_time_ms: Option<u64>) -> Result<ChainSpec, String> {
	from_preset(
		"Sibyl Local Testnet",
		"sibyl_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
		block_time_ms,
	)
}

/// The testnet built afresh from the runtime preset: only to regenerate the committed spec.
pub fn testnet_genesis() -> Result<ChainSpec, String> {
	from_preset("Sibyl Testnet", "sibyl_testnet", ChainType::Live, TESTNET_RUNTIME_PRESET, None)
}

/// The public testnet, as committed in `chain-specs/testnet.raw.json`.
pub fn testnet() -> Result<ChainSpec, String> {
	ChainSpec::from_json_bytes(TESTNET_RAW)
}

/// Loads `id`: a known chain name or a path to a chain spec JSON file.
pub fn load(id: &str, block_time_ms: Option<u64>) -> Result<ChainSpec, String> {
	match id {
		"dev" => development(block_time_ms),
		"" | "local" => local_testnet(block_time_ms),
		"testnet" => testnet(),
		"testnet-genesis" => testnet_genesis(),
		path => {
			let path = std::path::Path::new(path);
			if !path.is_file() {
				return Err(format!(
					"unknown chain `{}`: expected dev, local, testnet or the path of a chain spec \
					 JSON file",
					path.display()
				));
			}
			ChainSpec::from_json_file(path.to_path_buf())
		},
	}
}
