//! Genesis presets: `development`, `local_testnet` and `testnet`.
//!
//! The node builds its `dev` and `local` chain specs from these at start-up; the committed
//! `chain-specs/testnet.raw.json` was generated from the `testnet` template by
//! `scripts/testnet-ceremony.sh`, which adds the keys (see `docs/building.md`).

use crate::{
	AccountId, BalancesConfig, BlockTimeConfig, CollatorSelectionConfig, PaymentsConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sibyl_primitives::{
	time::{DEV_BLOCK_TIME_MS, TESTNET_BLOCK_TIME_MS},
	Balance, Role,
};
use sp_consensus_babe::AuthorityId as BabeId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::sr25519;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Name of the public testnet preset.
pub const TESTNET_RUNTIME_PRESET: &str = "testnet";

/// Balance of each endowed account at genesis.
pub const ENDOWMENT: Balance = UNIT.saturating_mul(1_000_000);

/// Bond of the nodes bonded in genesis (the dev chain's Alice and Bob).
pub const NODE_BOND: Balance = UNIT.saturating_mul(1_000);

/// A validator: its account, and its session keys (BABE and GRANDPA).
pub type Validator = (AccountId, BabeId, GrandpaId);

fn genesis(
	validators: Vec<Validator>,
	root: Option<AccountId>,
	endowed: Vec<AccountId>,
	nodes: Vec<(AccountId, Role, sr25519::Public)>,
	slot_duration_ms: u64,
) -> Value {
	// The treasury starts with an endowment so that it exists and can pay verifiers at once.
	let treasury = crate::configs::TreasuryAccount::get();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed
				.into_iter()
				.chain([treasury])
				.map(|account| (account, ENDOWMENT))
				.collect::<Vec<_>>(),
		},
		// BABE's and GRANDPA's first authorities come from the session's genesis keys.
		babe: pallet_babe::GenesisConfig {
			epoch_config: crate::configs::BABE_GENESIS_EPOCH_CONFIG
		},
		collator_selection: CollatorSelectionConfig {
			invulnerables: validators
				.iter()
				.map(|(account, ..)| account.clone())
				.collect::<Vec<_>>(),
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|(account, babe, grandpa)| {
					(account.clone(), account, SessionKeys { babe, grandpa })
				})
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: root },
		block_time: BlockTimeConfig { slot_duration_ms },
		payments: PaymentsConfig {
			bonds: nodes
				.into_iter()
				.map(|(account, role, key)| (account, role, NODE_BOND, key))
				.collect::<Vec<_>>(),
		},
	})
}

/// A dev validator: the account and both session keys of one dev name.
fn dev_validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> Validator {
	(sr.to_account_id(), sr.public().into(), ed.public().into())
}

/// A dev account bonded for `role` with its own sr25519 key as node key.
fn dev_node(account: Sr25519Keyring, role: Role) -> (AccountId, Role, sr25519::Public) {
	(account.to_account_id(), role, account.public())
}

/// One validator (Alice), dev accounts endowed, Alice is sudo; Alice is bonded as an inference
/// node and a data node, Bob as a verifier (the dev node holds their keys).
pub fn development_config_genesis() -> Value {
	genesis(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Some(Sr25519Keyring::Alice.to_account_id()),
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		vec![
			dev_node(Sr25519Keyring::Alice, Role::Inference),
			dev_node(Sr25519Keyring::Bob, Role::Verifier),
			dev_node(Sr25519Keyring::Alice, Role::Data),
		],
		DEV_BLOCK_TIME_MS,
	)
}

/// Three validators (Alice, Bob, Charlie), dev accounts endowed, Alice is sudo; Alice is bonded
/// as an inference node, Bob and Charlie as verifiers.
pub fn local_config_genesis() -> Value {
	genesis(
		vec![
			dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			dev_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		],
		Some(Sr25519Keyring::Alice.to_account_id()),
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		vec![
			dev_node(Sr25519Keyring::Alice, Role::Inference),
			dev_node(Sr25519Keyring::Bob, Role::Verifier),
			dev_node(Sr25519Keyring::Charlie, Role::Verifier),
		],
		DEV_BLOCK_TIME_MS,
	)
}

/// The public testnet's template: 6 s blocks and the treasury's endowment, with no authorities
/// and no root. `scripts/testnet-ceremony.sh` generates those and writes them into the committed
/// spec: keys in a preset would be in the runtime's code, where anyone can read them, and keys
/// derived from a public phrase would let anyone sign as the chain's root.
pub fn testnet_config_genesis() -> Value {
	genesis(Vec::new(), None, Vec::new(), Vec::new(), TESTNET_BLOCK_TIME_MS)
}

pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		TESTNET_RUNTIME_PRESET => testnet_config_genesis(),
		_ => return None,
	};
	Some(serde_json::to_string(&patch).ok()?.into_bytes())
}

/// Names of the presets this runtime provides.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(TESTNET_RUNTIME_PRESET),
	]
}
