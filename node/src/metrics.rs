//! Sibyl's Prometheus metrics, on the node's registry (`--prometheus-port`, `/metrics`):
//!
//! | metric | type | what |
//! | --- | --- | --- |
//! | `sibyl_seats_total{role, event}` | counter | this node's seats, from finalized events: `taken`, `sealed`, `revealed`, `declined`, `missed` |
//! | `sibyl_slashed_planck_total{role}` | counter | what this node's accounts were slashed, from finalized events |
//! | `sibyl_engine_run_seconds{model, result}` | histogram | each engine run (`model`: the id's first 8 hex digits; `result`: `ok` or `error`) |
//! | `sibyl_inference_queue_depth` | gauge | requests waiting for seats at the best block |
//! | `sibyl_model_sync_bytes_total{source}` | counter | model bytes assembled into the store, from the `local` offchain index or `peers` |
//! | `sibyl_model_sync_failures_total` | counter | model fetches that failed (retried later) |
//! | `sibyl_oracle_fetch_failures_total` | counter | oracle source fetches that gave no value (the data role's offchain worker counts them) |
//!
//! The seat counters follow finalized blocks (no reorg counts twice) and this node's role keys:
//! an account counts as this node's while one of its keystore's role keys is bonded to it.

use std::{collections::BTreeSet, sync::Arc, time::Duration};

use codec::Decode;
use futures::StreamExt;
use sc_client_api::{BlockchainEvents, StorageProvider};
use sibyl_primitives::{AccountId, ModelId, Role, Seat};
use sibyl_runtime::{Runtime, RuntimeEvent};
use sp_core::{offchain::OffchainStorage, storage::StorageKey, H256};
use sp_keystore::KeystorePtr;
use substrate_prometheus_endpoint::{
	register, Counter, CounterVec, Gauge, HistogramOpts, HistogramVec, Opts, PrometheusError,
	Registry, U64,
};

use crate::service::FullClient;

/// The metrics (see the module docs).
pub struct Metrics {
	seats: CounterVec<U64>,
	slashed: CounterVec<U64>,
	engine_seconds: HistogramVec,
	queue_depth: Gauge<U64>,
	model_sync_bytes: CounterVec<U64>,
	model_sync_failures: Counter<U64>,
	oracle_fetch_failures: Counter<U64>,
}

impl Metrics {
	/// Registers the metrics on `registry`.
	pub fn register(registry: &Registry) -> Result<Arc<Metrics>, PrometheusError> {
		Ok(Arc::new(Metrics {
			seats: register(
				CounterVec::new(
					Opts::new("sibyl_seats_total", "This node's seats, by role and event"),
					&["role", "event"],
				)?,
				registry,
			)?,
			slashed: register(
				CounterVec::new(
					Opts::new("sibyl_slashed_planck_total", "Slashed from this node's bonds"),
					&["role"],
				)?,
				registry,
			)?,
			engine_seconds: register(
				HistogramVec::new(
					HistogramOpts::new("sibyl_engine_run_seconds", "Engine run time by model")
						.buckets(vec![0.001, 0.005, 0.02, 0.1, 0.5, 2.0, 10.0, 60.0]),
					&["model", "result"],
				)?,
				registry,
			)?,
			queue_depth: register(
				Gauge::new("sibyl_inference_queue_depth", "Requests waiting for seats")?,
				registry,
			)?,
			model_sync_bytes: register(
				CounterVec::new(
					Opts::new("sibyl_model_sync_bytes_total", "Model bytes assembled, by source"),
					&["source"],
				)?,
				registry,
			)?,
			model_sync_failures: register(
				Counter::new("sibyl_model_sync_failures_total", "Model fetches that failed")?,
				registry,
			)?,
			oracle_fetch_failures: register(
				Counter::new(
					"sibyl_oracle_fetch_failures_total",
					"Oracle source fetches that gave no value",
				)?,
				registry,
			)?,
		}))
	}

	/// One engine run of `model` that took `elapsed`.
	pub fn engine_run(&self, model: &ModelId, elapsed: Duration, ok: bool) {
		let label: String = model.to_hex().chars().take(10).collect();
		self.engine_seconds
			.with_label_values(&[label.as_str(), if ok { "ok" } else { "error" }])
			.observe(elapsed.as_secs_f64());
	}

	/// A model assembled from `local` chunks of the offchain index and `peers` chunks, `bytes`
	/// in all (`chunk` bytes each but maybe the last).
	pub fn model_synced(&self, local_bytes: u64, peer_bytes: u64) {
		self.model_sync_bytes.with_label_values(&["local"]).inc_by(local_bytes);
		self.model_sync_bytes.with_label_values(&["peers"]).inc_by(peer_bytes);
	}

	/// A model fetch that failed.
	pub fn model_sync_failed(&self) {
		self.model_sync_failures.inc();
	}

	fn seat(&self, role: Role, event: &str) {
		self.seats.with_label_values(&[role_label(role), event]).inc();
	}
}

fn role_label(role: Role) -> &'static str {
	match role {
		Role::Inference => "inference",
		Role::Verifier => "verifier",
		Role::Data => "data",
	}
}

fn seat_role(seat: Seat) -> Role {
	seat.role()
}

/// This node's accounts by role at `at`: the accounts its keystore's role keys are bonded to.
fn own_accounts(
	client: &FullClient,
	keystore: &KeystorePtr,
	roles: &[Role],
	at: H256,
) -> BTreeSet<(Role, AccountId)> {
	let mut own = BTreeSet::new();
	for role in roles {
		for key in sp_keystore::Keystore::sr25519_public_keys(&**keystore, role.key_type()) {
			if let Some(account) = crate::role_check::key_owner(client, at, *role, &key) {
				own.insert((*role, account));
			}
		}
	}
	own
}

/// The events of block `at`.
fn events(client: &FullClient, at: H256) -> Vec<RuntimeEvent> {
	let key = crate::chain_client::system_events_key();
	client
		.storage(at, &StorageKey(key.to_vec()))
		.ok()
		.flatten()
		.and_then(|raw| {
			Vec::<frame_system::EventRecord<RuntimeEvent, H256>>::decode(&mut &raw.0[..]).ok()
		})
		.map(|records| records.into_iter().map(|r| r.event).collect())
		.unwrap_or_default()
}

/// Counts this node's seat events in one finalized block.
fn count_block(metrics: &Metrics, own: &BTreeSet<(Role, AccountId)>, events: &[RuntimeEvent]) {
	use pallet_inference::Event as I;
	let is = |role: Role, who: &AccountId| own.contains(&(role, who.clone()));
	for event in events {
		match event {
			RuntimeEvent::Inference(I::Assigned { executors, .. }) => {
				for _ in executors.iter().filter(|w| is(Role::Inference, w)) {
					metrics.seat(Role::Inference, "taken");
				}
			},
			// Every verifier seat is drawn, first or as a replacement (`VerifiersReplaced` names
			// again the verifiers its draw seated): counted here only.
			RuntimeEvent::Verification(pallet_verification::Event::VerifiersDrawn {
				verifiers,
				..
			}) => {
				for _ in verifiers.iter().filter(|w| is(Role::Verifier, w)) {
					metrics.seat(Role::Verifier, "taken");
				}
			},
			RuntimeEvent::Inference(I::Committed { node, seat, .. })
				if is(seat_role(*seat), node) =>
			{
				metrics.seat(seat_role(*seat), "sealed")
			},
			RuntimeEvent::Inference(I::Revealed { node, seat, .. })
				if is(seat_role(*seat), node) =>
			{
				metrics.seat(seat_role(*seat), "revealed")
			},
			RuntimeEvent::Inference(I::Declined { node, seat, .. })
				if is(seat_role(*seat), node) =>
			{
				metrics.seat(seat_role(*seat), "declined")
			},
			RuntimeEvent::Verification(pallet_verification::Event::Missed {
				who, seat, ..
			}) if is(seat_role(*seat), who) => metrics.seat(seat_role(*seat), "missed"),
			RuntimeEvent::Payments(pallet_payments::Event::Slashed { who, role, amount })
				if is(*role, who) =>
			{
				metrics
					.slashed
					.with_label_values(&[role_label(*role)])
					.inc_by(u64::try_from(*amount).unwrap_or(u64::MAX));
			},
			_ => {},
		}
	}
}

/// Follows finalized blocks for the seat counters, and the best block for the queue depth and
/// the oracle's fetch failure count (kept by the offchain worker in offchain storage).
pub async fn watch<S: OffchainStorage>(
	client: Arc<FullClient>,
	keystore: KeystorePtr,
	roles: Vec<Role>,
	offchain: Option<S>,
	metrics: Arc<Metrics>,
) {
	let oracle_total = |db: &S| {
		db.get(sp_core::offchain::STORAGE_PREFIX, pallet_oracle::fetch::FETCH_FAILURES_KEY)
			.and_then(|raw| u64::decode(&mut &raw[..]).ok())
			.unwrap_or(0)
	};
	// The offchain count outlives restarts; the counter starts from this run's.
	let mut oracle_seen = offchain.as_ref().map_or(0, oracle_total);
	let mut finalized = client.finality_notification_stream();
	while let Some(notification) = finalized.next().await {
		let own = own_accounts(&client, &keystore, &roles, notification.hash);
		for block in notification.tree_route.iter().chain(std::iter::once(&notification.hash)) {
			count_block(&metrics, &own, &events(&client, *block));
		}
		let best = sc_client_api::HeaderBackend::info(&*client).best_hash;
		let queue = pallet_inference::Queue::<Runtime>::hashed_key();
		let depth = client
			.storage(best, &StorageKey(queue.to_vec()))
			.ok()
			.flatten()
			.and_then(|raw| Vec::<u64>::decode(&mut &raw.0[..]).ok())
			.map_or(0, |queue| queue.len() as u64);
		metrics.queue_depth.set(depth);
		if let Some(db) = &offchain {
			let total = oracle_total(db);
			metrics.oracle_fetch_failures.inc_by(total.saturating_sub(oracle_seen));
			oracle_seen = oracle_seen.max(total);
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_replacement_verifier_seat_is_taken_once() {
		let registry = Registry::new();
		let metrics = Metrics::register(&registry).unwrap();
		let me = AccountId::from([1; 32]);
		let other = AccountId::from([2; 32]);
		let own = BTreeSet::from([(Role::Verifier, me.clone())]);
		let id = sibyl_primitives::RequestId(7);
		// What a block that replaces a silent verifier by this node emits.
		let events = [
			RuntimeEvent::Verification(pallet_verification::Event::VerifiersDrawn {
				id,
				verifiers: vec![me.clone()],
			}),
			RuntimeEvent::Inference(pallet_inference::Event::VerifiersReplaced {
				id,
				left: vec![other],
				joined: vec![me],
			}),
		];
		count_block(&metrics, &own, &events);
		let taken = metrics.seats.with_label_values(&["verifier", "taken"]).get();
		assert_eq!(taken, 1);
	}
}
