//! The thread that runs plans, and the time limit around it.
//!
//! One worker thread runs one plan at a time: the engine is single-threaded by design, so that
//! results do not depend on scheduling. A caller waits for its result up to the time limit.
//! tract cannot be interrupted, so a call that runs past its limit is abandoned: its thread
//! finishes in the background and exits, and the next call starts a fresh worker. At most
//! `max_stuck` abandoned calls may be running; beyond that the engine answers `Busy`.

use std::{
	sync::{
		atomic::{AtomicU8, AtomicUsize, Ordering},
		mpsc::{self, RecvTimeoutError, SyncSender},
		Arc, Mutex,
	},
	time::Duration,
};

use sibyl_primitives::Tensor;
use tract_onnx::prelude::{IntoTValue, TValue, TVec};

use crate::{
	convert,
	plan::{guarded, Prepared},
	EngineError,
};

const RUNNING: u8 = 0;
const DONE: u8 = 1;
const ABANDONED: u8 = 2;

struct Job {
	prepared: Arc<Prepared>,
	inputs: Vec<Tensor>,
	state: Arc<AtomicU8>,
	reply: SyncSender<Result<Vec<Tensor>, EngineError>>,
}

/// Hands plans to a worker thread and enforces the time limit.
pub struct Worker {
	sender: Mutex<Option<mpsc::Sender<Job>>>,
	stuck: Arc<AtomicUsize>,
	max_stuck: usize,
}

impl Worker {
	/// A worker allowing `max_stuck` abandoned calls.
	pub fn new(max_stuck: usize) -> Worker {
		Worker { sender: Mutex::new(None), stuck: Arc::new(AtomicUsize::new(0)), max_stuck }
	}

	/// Runs `prepared` on `inputs`, waiting at most `timeout`.
	pub fn run(
		&self,
		prepared: Arc<Prepared>,
		inputs: Vec<Tensor>,
		timeout: Duration,
	) -> Result<Vec<Tensor>, EngineError> {
		if prepared.inline {
			return execute(&prepared, &inputs);
		}
		// Held for the whole call: one plan runs at a time.
		let mut sender = self.sender.lock().map_err(|_| EngineError::poisoned())?;
		if self.stuck.load(Ordering::SeqCst) >= self.max_stuck {
			return Err(EngineError::Busy);
		}
		let state = Arc::new(AtomicU8::new(RUNNING));
		let (reply, result) = mpsc::sync_channel(1);
		let job = Job { prepared, inputs, state: state.clone(), reply };
		let job = match sender.as_ref() {
			Some(worker) => match worker.send(job) {
				Ok(()) => None,
				Err(mpsc::SendError(job)) => Some(job),
			},
			None => Some(job),
		};
		if let Some(job) = job {
			let fresh = spawn(self.stuck.clone())?;
			fresh.send(job).map_err(|_| EngineError::Internal("worker gone".into()))?;
			*sender = Some(fresh);
		}
		match result.recv_timeout(timeout) {
			Ok(outcome) => outcome,
			Err(RecvTimeoutError::Disconnected) => {
				*sender = None;
				Err(EngineError::Internal("the worker thread died".into()))
			},
			Err(RecvTimeoutError::Timeout) => {
				if state
					.compare_exchange(RUNNING, ABANDONED, Ordering::SeqCst, Ordering::SeqCst)
					.is_ok()
				{
					// The thread now counts as stuck until its job ends; the next call gets a
					// fresh worker.
					self.stuck.fetch_add(1, Ordering::SeqCst);
					*sender = None;
					Err(EngineError::Timeout { limit_ms: timeout.as_millis() })
				} else {
					// Finished between the timeout and now: the result is waiting.
					result
						.recv()
						.unwrap_or_else(|_| Err(EngineError::Internal("worker gone".into())))
				}
			},
		}
	}
}

fn spawn(stuck: Arc<AtomicUsize>) -> Result<mpsc::Sender<Job>, EngineError> {
	let (sender, jobs) = mpsc::channel::<Job>();
	std::thread::Builder::new()
		.name("sibyl-engine".into())
		.spawn(move || {
			while let Ok(job) = jobs.recv() {
				let outcome = execute(&job.prepared, &job.inputs);
				if job
					.state
					.compare_exchange(RUNNING, DONE, Ordering::SeqCst, Ordering::SeqCst)
					.is_err()
				{
					// Abandoned by its caller: this thread is no longer the engine's worker.
					stuck.fetch_sub(1, Ordering::SeqCst);
					return;
				}
				let _ = job.reply.send(outcome);
			}
		})
		.map_err(|e| EngineError::Internal(format!("cannot start worker thread: {e}")))?;
	Ok(sender)
}

fn execute(prepared: &Prepared, inputs: &[Tensor]) -> Result<Vec<Tensor>, EngineError> {
	guarded("running", || {
		let inputs = inputs
			.iter()
			.map(|t| convert::to_tract(t).map(|t| t.into_tvalue()))
			.collect::<Result<TVec<TValue>, _>>()?;
		let outputs = prepared
			.plan
			.run(inputs)
			.map_err(|e| EngineError::ExecutionFailed(format!("{e:#}")))?;
		let outputs =
			outputs.iter().map(|t| convert::from_tract(t)).collect::<Result<Vec<_>, _>>()?;
		// A finite input can still overflow a model: that is the request's outcome, the same on
		// every node, and never an output.
		if let Some(index) = outputs.iter().position(|t| !t.all_finite()) {
			return Err(EngineError::NonFiniteOutput { index });
		}
		Ok(outputs)
	})
}
