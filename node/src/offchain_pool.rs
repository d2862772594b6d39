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

use std::{sync::Arc, time::Duration};

use futures::{channel::mpsc, StreamExt};
use sc_transaction_pool_api::{
	error::Error as PoolError, LocalTransactionFor, LocalTransactionPool, TransactionPool,
	TransactionSource, TxHash,
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
	pub fn new(pool: Arc<P>) -> (Self, impl std::future::Future<Output = ()> + Send) {
		let (queue, queued) = mpsc::channel::<Queued<P::Block>>(QUEUE);
		let submitter = pool.clone();
		// Concurrently: a block the pool never builds a view for (a fork it skipped) costs
		// its own transactions the wait, not everyone's behind them.
		let task = queued.for_each_concurrent(CONCURRENT, move |(at, xt)| {
			let submitter = submitter.clone();
			async move {
				let ready = submitter.ready_at(at);
				futures::future::select(ready, futures_timer::Delay::new(WAIT)).await;
				let hash = submitter.hash_of(&xt);
				if let Err(e) = submitter.submit_one(at, TransactionSource::Local, xt).await {
					// At info: a seal or reveal the pool refuses is a seat this node may miss.
					log::info!(
						target: "sibyl",
						"the pool refused offchain transaction {hash:?} (worker block {at:?}): {e:?}"
					);
				}
			}
		});
		(Self { pool, queue }, task)
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
