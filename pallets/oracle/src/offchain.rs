//! The offchain worker of a data node: for each of its sources, commit to the source's value in
//! a round's commit phase, reveal it in the reveal phase.
//!
//! Value and salt are kept in the node's persistent offchain storage from commitment to
//! reveal ([`secret_key`]), so a node restarted in between still reveals (unless its database
//! went with it, as with `--tmp`: it then logs that it cannot, and is neither rewarded nor
//! penalized). A commitment or value not on chain is sent again every [`RESUBMIT_AFTER`]
//! block with a new signature, that is a new transaction hash, which replaces the pending one
//! in this node's pool (`node/src/offchain_pool.rs`). The worker sends for the next block, so
//! a node that authored this block sends before its peers have it; they validate at the block
//! before, where the phase has not begun, and refuse. The network sends a hash to each peer
//! once: only a new one reaches them. A phase can be as short as one block, so the worker sends
//! again at every block (one signature each).

use super::*;
use frame_system::offchain::SubmitTransaction;
use sibyl_primitives::{
	roles::{NODE_ROLES_KEY, ORACLE_KEY_TYPE},
	Role,
};
use sp_core::offchain::StorageKind::PERSISTENT;
use sp_runtime::{
	offchain::storage::{MutateStorageError, StorageValueRef},
	traits::{One, Saturating},
};

/// Blocks after which a commitment or value not yet on chain is sent again.
pub const RESUBMIT_AFTER: u32 = 1;

/// Offchain storage key of a node's value and salt for `round` of `feed`.
pub fn secret_key(feed: FeedId, round: u32, key: &NodeKey) -> Vec<u8> {
	(b"sibyl/oracle/secret/", feed, round, key).encode()
}

/// Offchain storage key of the block a node last sent its commitment (or value) in.
fn sent_key(feed: FeedId, round: u32, key: &NodeKey, phase: Phase) -> Vec<u8> {
	(b"sibyl/oracle/sent/", feed, round, key, phase).encode()
}

/// `key`'s signature over `payload`, or `None` (and an error line) if the keystore cannot sign.
fn sign(key: &NodeKey, payload: &[u8]) -> Option<NodeSignature> {
	let signature = sp_io::crypto::sr25519_sign(ORACLE_KEY_TYPE, key, payload);
	if signature.is_none() {
		log::error!(target: LOG_TARGET, "the keystore cannot sign with orcl key {key:?}");
	}
	signature
}

impl<T: Config> Pallet<T> {
	/// The offchain worker of a data node: each source's commitment and value, once per round.
	pub(crate) fn run_offchain(now: BlockNumberFor<T>) {
		let read = |key: &[u8]| sp_io::offchain::local_storage_get(PERSISTENT, key);
		let roles = read(NODE_ROLES_KEY)
			.and_then(|b| Vec::<Role>::decode(&mut &b[..]).ok())
			.unwrap_or_default();
		if !roles.contains(&Role::Data) {
			return;
		}
		let sources = read(fetch::SOURCES_KEY)
			.and_then(|b| Vec::<fetch::Source>::decode(&mut &b[..]).ok())
			.unwrap_or_default();
		for key in sp_io::crypto::sr25519_public_keys(ORACLE_KEY_TYPE) {
			// The current key commits; a key rotated away since (still bound to its node while
			// it retires) only reveals what it committed to.
			let current = Self::data_node(&key).is_some();
			let Some(node) = T::Nodes::account_of(Role::Data, &key) else { continue };
			for source in &sources {
				Self::serve(source, &node, &key, current, now);
			}
		}
	}

	/// Claims sending in `now`: not when sent less than [`RESUBMIT_AFTER`] blocks ago.
	fn due(sent: &[u8], now: BlockNumberFor<T>) -> bool {
		StorageValueRef::persistent(sent)
			.mutate(|last: Result<Option<BlockNumberFor<T>>, _>| match last {
				Ok(Some(at)) if at.saturating_add(RESUBMIT_AFTER.into()) > now => Err(()),
				_ => Ok(now),
			})
			.is_ok()
	}

	/// Commits to or reveals `source`'s value for the round its feed has open in the next block.
	fn serve(
		source: &fetch::Source,
		node: &T::AccountId,
		key: &NodeKey,
		current: bool,
		now: BlockNumberFor<T>,
	) {
		let feed = source.feed;
		// The next block is where this worker's transaction can land.
		let Some(open) = Self::round_at(feed, now.saturating_add(One::one())) else {
			log::warn!(target: LOG_TARGET, "feed {feed} does not exist: check --oracle-feeds");
			return;
		};
		let Some(info) = Feeds::<T>::get(feed) else { return };
		let round = open.number;
		let mine = if open.stored {
			Submissions::<T>::get(feed).into_iter().find(|s| &s.node == node)
		} else {
			None
		};
		let secret_at = secret_key(feed, round, key);
		let secret = StorageValueRef::persistent(&secret_at);
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		let call = match open.phase {
			Phase::Commit => {
				if !current
					|| mine.is_some()
					|| !Self::due(&sent_key(feed, round, key, open.phase), now)
				{
					return;
				}
				// The rounds before the last are over: their secrets are of no more use.
				for old in round.saturating_sub(3)..round.saturating_sub(1) {
					StorageValueRef::persistent(&secret_key(feed, old, key)).clear();
					for phase in [Phase::Commit, Phase::Reveal] {
						StorageValueRef::persistent(&sent_key(feed, old, key, phase)).clear();
					}
				}
				let (value, salt) = match secret.get::<(i128, Salt)>() {
					Ok(Some(kept)) => kept,
					_ => match fetch::fetch(&source.url, &source.path, info.decimals) {
						// Workers of consecutive blocks can run at once: the first secret stored
						// for the round is the one every commitment and the reveal use.
						Ok(value) => {
							let salt = sp_io::offchain::random_seed();
							let stored =
								secret.mutate(|kept: Result<Option<(i128, Salt)>, _>| match kept {
									Ok(Some(kept)) => Err(kept),
									_ => Ok((value, salt)),
								});
							match stored {
								Ok(mine) => mine,
								Err(MutateStorageError::ValueFunctionFailed(kept)) => kept,
								Err(MutateStorageError::ConcurrentModification(_)) => return,
							}
						},
						Err(error) => {
							StorageValueRef::persistent(&sent_key(feed, round, key, open.phase))
								.clear();
							let _ = StorageValueRef::persistent(fetch::FETCH_FAILURES_KEY).mutate(
								|count: Result<Option<u64>, _>| {
									Ok::<_, ()>(count.ok().flatten().unwrap_or(0).saturating_add(1))
								},
							);
							log::warn!(
								target: LOG_TARGET,
								"feed {feed}: source {} gave no value ({error:?}); not submitting",
								alloc::string::String::from_utf8_lossy(&source.url)
							);
							return;
						},
					},
				};
				let commitment = commitment(&genesis, feed, round, key, value, &salt);
				let Some(signature) =
					sign(key, &commit_payload(&genesis, feed, round, &commitment))
				else {
					return;
				};
				log::info!(target: LOG_TARGET, "📈 feed {feed} round {round}: committing to a value");
				Call::<T>::commit { feed, round, commitment, key: *key, signature }
			},
			Phase::Reveal => {
				if mine.is_none_or(|s| s.value.is_some())
					|| !Self::due(&sent_key(feed, round, key, open.phase), now)
				{
					return;
				}
				let Ok(Some((value, salt))) = secret.get::<(i128, Salt)>() else {
					// Another of this node's keys (one rotated away or to) may hold it.
					let held =
						sp_io::crypto::sr25519_public_keys(ORACLE_KEY_TYPE).iter().any(|k| {
							sp_io::offchain::local_storage_get(
								PERSISTENT,
								&secret_key(feed, round, k),
							)
							.is_some()
						});
					if held || !current {
						return;
					}
					log::warn!(
						target: LOG_TARGET,
						"feed {feed} round {round}: committed, but the value is not in this \
						 node's offchain storage (restarted without its database?); it cannot \
						 be revealed, which costs the round's reward only"
					);
					return;
				};
				let Some(signature) =
					sign(key, &reveal_payload(&genesis, feed, round, value, &salt))
				else {
					return;
				};
				log::info!(target: LOG_TARGET, "📈 feed {feed} round {round}: revealing {value}");
				Call::<T>::reveal { feed, round, value, salt, key: *key, signature }
			},
		};
		let xt = T::create_authorized_transaction(call.into());
		if SubmitTransaction::<T, Call<T>>::submit_transaction(xt).is_err() {
			log::warn!(target: LOG_TARGET, "feed {feed}: the pool refused the transaction");
		}
	}
}
