//! Offchain workers' transactions, submitted once the pool has caught up with their block.
//!
//! An offchain worker runs on a block as soon as it is imported and submits through
//! [`LocalTransactionPool::submit_local`], which validates synchronously. The fork-aware pool
//! validates a local transaction only in its active views, and the view of the block just
//! imported may not exist yet: the pool's maintenance for that block runs concurrently with the
//! worker. Validated at the parent, a seal for a request seated in this block is invalid (the
//! request does not exist there), a reveal is invalid (reveals are not open there); the pool
//! drops it and `submit_local` still returns its hash. The worker learns of it only when it
//! resubmits two blocks later, and the request settles two blocks late. Under a 1,000-request
//! `--dev` burst that was about one seal or reveal in twenty.
//!
//! [`AfterMaintenance`] queues the worker's transaction and returns at once; one task submits
//! each, once the pool is ready at the worker's block (or after [`WAIT`]), with the pool's
//! asynchronous `submit_one`, which validates in the views then active.
//!
//! A seal sent by the node that authored the block seating it reaches peers before that block
//! does: they validate it at their best block, where the request does not exist yet, and drop
//! it. The network sends a transaction to each peer once, so it then stays in this pool alone
//! and lands only in a block this node authors (seven blocks late in one CI run, and after the
//! deadline in another: an honest seat recorded missed). Workers resubmit a pending seal or
//! reveal every [`pallet_inference::RESUBMIT_AFTER`] blocks with a new signature, that is a new
//! hash; the pool refuses it while the old one holds the seat's tag. [`AfterMaintenance`] then
//! replaces the old by the new (same seat and phase, by [`result_slot`]), which the network
//! sends again, to peers that have the block by now.

use std::{sync::Arc, time::Duration};

use futures::{channel::mpsc, StreamExt};
use sc_transaction_pool_api::{
	error::Error as PoolError, InPoolTransaction, LocalTransactionFor, LocalTransactionPool,
	TransactionPool, TransactionSource, TxHash,
};
use sp_runtime::traits::Block as BlockT;

/// Longest wait for the pool to reach a worker's block before submitting anyway. The pool
/// builds the view of a new best block within milliseconds on an idle node, but in seconds on a
/// loaded one (five debug nodes on two cores: 500 ms was too short, and transactions validated
/// at the parent were lost again); a block the pool skips (a fork replaced at once) costs only
/// its own transactions this wait, since they wait concurrently.
pub const WAIT: Duration = Duration::from_secs(2);
/// Most transactions waiting for the pool at once.
pub const CONCURRENT: usize = 256;
/// Most transactions waiting to be submitted; beyond it a submission fails (the worker retries).
pub const QUEUE: usize = 8_192;

type Queued<B> = (<B as BlockT>::Hash, <B as BlockT>::Extrinsic);

/// The slot an offchain worker's transaction fills, encoded: for a Sibyl result (seal, step
/// aside, reveal, opening) its seat and phase, the runtime's own
/// [`pallet_inference::Call::result_slot`]; for an oracle commitment or value its pool tag,
/// [`pallet_oracle::Call::pool_tag`] (node, feed, round and phase). `None` for any other
/// transaction.
pub fn result_slot(xt: &sibyl_runtime::opaque::UncheckedExtrinsic) -> Option<Vec<u8>> {
	use codec::{Decode, Encode};
	let xt = sibyl_runtime::UncheckedExtrinsic::decode(&mut &xt.encode()[..]).ok()?;
	match xt.function {
		sibyl_runtime::RuntimeCall::Inference(call) => call.result_slot().map(|s| s.encode()),
		sibyl_runtime::RuntimeCall::Oracle(call) => call.pool_tag(),
		_ => None,
	}
}

/// What [`AfterMaintenance`] needs to know of a transaction: the slot it fills, if a newer
/// transaction for the same slot should replace a pending one ([`result_slot`]).
pub type SlotOf<B> = fn(&<B as BlockT>::Extrinsic) -> Option<Vec<u8>>;

/// A [`LocalTransactionPool`] for offchain workers that submits after the pool's maintenance of
/// the worker's block.
pub struct AfterMaintenance<P: TransactionPool> {
	pool: Arc<P>,
	queue: mpsc::Sender<Queued<P::Block>>,
}

impl<P> AfterMaintenance<P>
where
	P: TransactionPool + 'static,
{
	/// The submitter, and the task that must run for its transactions to reach the pool.
	/// A transaction the pool refuses for a pending one of the same `slot_of` replaces it.
	pub fn new(
		pool: Arc<P>,
		slot_of: SlotOf<P::Block>,
	) -> (Self, impl std::future::Future<Output = ()> + Send) {
		let (queue, queued) = mpsc::channel::<Queued<P::Block>>(QUEUE);
		let submitter = pool.clone();
		// Concurrently: a block the pool never builds a view for (a fork it skipped) costs
		// its own transactions the wait, not everyone's behind them.
		let task = queued.for_each_concurrent(CONCURRENT, move |(at, xt)| {
			let submitter = submitter.clone();
			async move {
				let ready = submitter.ready_at(at);
				futures::future::select(ready, futures_timer::Delay::new(WAIT)).await;
				submit(&*submitter, at, xt, slot_of).await;
			}
		});
		(Self { pool, queue }, task)
	}
}

/// Submits `xt` at `at`; if a pending transaction of the same slot holds its tag, replaces it.
async fn submit<P: TransactionPool>(
	pool: &P,
	at: <P::Block as BlockT>::Hash,
	xt: <P::Block as BlockT>::Extrinsic,
	slot_of: SlotOf<P::Block>,
) {
	use sc_transaction_pool_api::error::IntoPoolError;
	let hash = pool.hash_of(&xt);
	let refused = match pool.submit_one(at, TransactionSource::Local, xt.clone()).await {
		Ok(_) => return,
		Err(e) => match e.into_pool_error() {
			Ok(e) => e,
			Err(e) => {
				log::info!(
					target: "sibyl",
					"the pool refused offchain transaction {hash:?} (worker block {at:?}): {e:?}"
				);
				return;
			},
		},
	};
	let occupied = matches!(refused, PoolError::TooLowPriority { .. });
	let Some(slot) = occupied.then(|| slot_of(&xt)).flatten() else {
		// At info: a seal or reveal the pool refuses is a seat this node may miss.
		log::info!(
			target: "sibyl",
			"the pool refused offchain transaction {hash:?} (worker block {at:?}): {refused:?}"
		);
		return;
	};
	let stale: Vec<_> = pool
		.ready_at_with_timeout(at, WAIT)
		.await
		.filter(|tx| *tx.hash() != hash && slot_of(tx.data()).as_ref() == Some(&slot))
		.map(|tx| tx.hash().clone())
		.collect();
	if stale.is_empty() {
		log::info!(
			target: "sibyl",
			"the pool refused offchain transaction {hash:?} (worker block {at:?}): its seat's \
			 transaction is pending but not ready here"
		);
		return;
	}
	pool.report_invalid(Some(at), stale.iter().map(|h| (h.clone(), None)).collect()).await;
	match pool.submit_one(at, TransactionSource::Local, xt).await {
		Ok(_) => log::info!(
			target: "sibyl",
			"offchain transaction {hash:?} replaced its pending {stale:?}, which peers may have \
			 refused before its block reached them (worker block {at:?})"
		),
		Err(e) => log::info!(
			target: "sibyl",
			"the pool refused offchain transaction {hash:?} (worker block {at:?}) after \
			 dropping its pending {stale:?}: {e:?}"
		),
	}
}

impl<P> LocalTransactionPool for AfterMaintenance<P>
where
	P: TransactionPool + 'static,
{
	type Block = P::Block;
	type Hash = TxHash<P>;
	type Error = PoolError;

	fn submit_local(
		&self,
		at: <Self::Block as BlockT>::Hash,
		xt: LocalTransactionFor<Self>,
	) -> Result<Self::Hash, Self::Error> {
		let hash = self.pool.hash_of(&xt);
		self.queue.clone().try_send((at, xt)).map_err(|_| PoolError::ImmediatelyDropped)?;
		Ok(hash)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::{Decode, Encode};
	use sibyl_runtime::{RuntimeCall, UncheckedExtrinsic};

	fn opaque(call: RuntimeCall) -> sibyl_runtime::opaque::UncheckedExtrinsic {
		let xt = UncheckedExtrinsic::new_bare(call);
		Decode::decode(&mut &xt.encode()[..]).unwrap()
	}

	#[test]
	fn a_result_transaction_is_known_by_its_seat_and_phase() {
		let key = sp_core::sr25519::Public::from_raw([7; 32]);
		let signature = sp_core::sr25519::Signature::from_raw([0; 64]);
		let commit = |seal| {
			opaque(RuntimeCall::Inference(pallet_inference::Call::commit {
				id: sibyl_primitives::RequestId(3),
				key,
				seal,
				signature,
			}))
		};
		// Two seals of the same seat (resubmitted, signed anew) fill the same slot.
		let slot = result_slot(&commit(sp_core::H256::repeat_byte(1)));
		assert_eq!(slot, Some((sibyl_primitives::RequestId(3), key, 0u8).encode()));
		assert_eq!(slot, result_slot(&commit(sp_core::H256::repeat_byte(2))));
		let remark =
			opaque(RuntimeCall::System(frame_system::Call::remark { remark: b"x".to_vec() }));
		assert_eq!(result_slot(&remark), None);
	}

	#[test]
	fn an_oracle_commitment_or_value_is_known_by_its_node_feed_round_and_phase() {
		let key = sp_core::sr25519::Public::from_raw([7; 32]);
		let signature = sp_core::sr25519::Signature::from_raw([0; 64]);
		let commit = |commitment| {
			opaque(RuntimeCall::Oracle(pallet_oracle::Call::commit {
				feed: 1,
				round: 4,
				commitment,
				key,
				signature,
			}))
		};
		let reveal = |value| {
			opaque(RuntimeCall::Oracle(pallet_oracle::Call::reveal {
				feed: 1,
				round: 4,
				value,
				salt: [0; 32],
				key,
				signature,
			}))
		};
		let slot = result_slot(&commit(sp_core::H256::repeat_byte(1)));
		assert_eq!(slot, Some(pallet_oracle::pool_tag(pallet_oracle::COMMIT_POOL_TAG, 1, 4, &key)));
		assert_eq!(slot, result_slot(&commit(sp_core::H256::repeat_byte(2))));
		let revealed = result_slot(&reveal(5));
		assert_eq!(revealed, result_slot(&reveal(6)));
		assert_ne!(slot, revealed, "a value does not replace its commitment");
	}
}
