//! Whether this node's role keys are bonded on the chain it follows: one log line per key at
//! start and whenever that changes. A node whose key is not bonded (or bonded on another chain,
//! or to an account that is unbonding) takes no work for the role, and nothing else would say so.

use std::{collections::BTreeMap, sync::Arc};

use codec::Decode;
use futures::StreamExt;
use sc_client_api::{BlockchainEvents, StorageProvider};
use sibyl_primitives::{AccountId, Balance, BlockNumber, NodeKey, Role};
use sibyl_runtime::{opaque::Block, Runtime};
use sp_core::{crypto::Ss58Codec, storage::StorageKey};
use sp_keystore::KeystorePtr;

use crate::service::FullClient;

/// What the chain says about one role key.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Status {
	/// No account bonded it.
	Unbonded,
	/// Bonded by an account, active.
	Bonded(AccountId),
	/// Bonded by an account that is leaving the role (or rotated away from this key).
	Leaving(AccountId),
}

/// How the operator reaches this node's keystore on the command line.
pub struct KeystoreHint {
	/// `--chain`.
	pub chain: String,
	/// `--base-path`.
	pub base_path: String,
}

type Hash = <Block as sp_runtime::traits::Block>::Hash;

fn read(client: &FullClient, at: Hash, key: Vec<u8>) -> Option<Vec<u8>> {
	client.storage(at, &StorageKey(key)).ok().flatten().map(|d| d.0)
}

/// The account that bonded `key` for `role` at block `at` (also while unbonding, or while the
/// key retires after a rotation): `Payments::KeyOwners`, read from this node's state.
pub fn key_owner(client: &FullClient, at: Hash, role: Role, key: &NodeKey) -> Option<AccountId> {
	let raw = read(client, at, pallet_payments::KeyOwners::<Runtime>::hashed_key_for(role, key))?;
	AccountId::decode(&mut &raw[..]).ok()
}

fn status(client: &FullClient, at: Hash, role: Role, key: &NodeKey) -> Option<Status> {
	let Some(owner) = key_owner(client, at, role, key) else { return Some(Status::Unbonded) };
	let bond = read(client, at, pallet_payments::Bonds::<Runtime>::hashed_key_for(role, &owner))
		.and_then(|raw| pallet_payments::Bond::<Balance, BlockNumber>::decode(&mut &raw[..]).ok());
	Some(match bond {
		Some(bond) if bond.unlocks_at.is_none() && &bond.key == key => Status::Bonded(owner),
		_ => Status::Leaving(owner),
	})
}

/// Logs the bond status of every role key of `roles` in `keystore` at each best block, when it
/// changes.
pub async fn watch(
	client: Arc<FullClient>,
	keystore: KeystorePtr,
	roles: Vec<Role>,
	hint: KeystoreHint,
) {
	let mut known: BTreeMap<(Role, NodeKey), Status> = BTreeMap::new();
	let mut blocks =
		client.import_notification_stream().filter(|n| futures::future::ready(n.is_new_best));
	let mut at = sc_client_api::HeaderBackend::info(&*client).best_hash;
	loop {
		for role in &roles {
			let name = String::from_utf8_lossy(&role.key_type().0).into_owned();
			for key in sp_keystore::Keystore::sr25519_public_keys(&*keystore, role.key_type()) {
				let Some(now) = status(&client, at, *role, &key) else { continue };
				if known.get(&(*role, key)) == Some(&now) {
					continue;
				}
				let shown = key.to_ss58check();
				match &now {
					Status::Bonded(owner) => log::info!(
						"🔑 {role:?} key {shown} is bonded by {}: this node takes {role:?} work",
						owner.to_ss58check()
					),
					Status::Leaving(owner) => log::warn!(
						"🔑 {role:?} key {shown} belongs to {}, which is unbonding or rotated to \
						 another key: no new {role:?} work for it",
						owner.to_ss58check()
					),
					Status::Unbonded => log::warn!(
						"🔑 {role:?} key {shown} is not bonded on this chain: no {role:?} work \
						 until an account bonds it (Payments.bond with the proof from `sibyl-node \
						 key prove --role {} --account <ACCOUNT> --chain {} --base-path {}`); the \
						 {name} key is in this node's keystore",
						format!("{role:?}").to_lowercase(),
						hint.chain,
						hint.base_path,
					),
				}
				known.insert((*role, key), now);
			}
		}
		match blocks.next().await {
			Some(notification) => at = notification.hash,
			None => return,
		}
	}
}
