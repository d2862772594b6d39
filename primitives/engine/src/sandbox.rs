//! Untrusted models run in worker processes: time-limited, memory-limited, killed and replaced.
//!
//! Anyone can register a model, and every inference and verifier node runs it, so a model is
//! treated as hostile code. tract cannot be interrupted and its preparation (parsing, constant
//! folding, optimisation) can allocate and compute without bound, so the node never runs a
//! model in its own process. Like polkadot's PVF host, it hands every call to a **worker
//! process** (the node's own binary, `sibyl-node engine-worker`) over a pipe:
//!
//! - each worker runs under an address-space limit (`RLIMIT_AS`), without core dumps, without
//!   new privileges, without the right to start processes or threads, and dies with the node
//!   (`PR_SET_PDEATHSIG`);
//! - each call has a deadline: the budget's share of the run time limit, plus the preparation
//!   limit when the worker has no plan yet. A worker that misses it is killed (`SIGKILL`) and
//!   replaced; the caller gets [`EngineError::Timeout`] at the deadline, never later;
//! - a worker that dies (an allocation refused at the memory limit aborts it, a stack overflow
//!   crashes it) gives [`EngineError::ResourceLimit`];
//! - after a timeout or a death the model is **quarantined** on this node for a while: its
//!   calls step aside at once (the same node-local error), so one hostile model costs a node
//!   one worker, not one per request;
//! - up to `workers` calls run at once, one per worker, so a call stuck on a hostile model
//!   leaves the others to honest ones. Warm workers are reused and keep their plans; a call
//!   goes to a worker that already holds its model's plan when one is idle.
//!
//! Timeouts, memory kills and quarantines are this node's own limits, not the model's verdict:
//! they map to node-local errors ([`InferenceError::is_outcome`] is false), so the node steps
//! aside from the seat without penalty. What every node decides the same way (the estimated
//! cost above the declared budget, a refused model or input, a non-finite output) comes back
//! from the worker as the engine's outcome.
//!
//! The protocol: each message is a little-endian `u32` length and a SCALE-encoded
//! [`ToWorker`] or [`FromWorker`].

use std::{
	collections::{HashMap, HashSet},
	ffi::OsString,
	io::{self, Read, Write},
	path::PathBuf,
	process::{Child, ChildStdin, Command, Stdio},
	sync::{
		mpsc::{self, Receiver, RecvTimeoutError},
		Condvar, Mutex,
	},
	time::{Duration, Instant},
};

use codec::{Decode, DecodeAll, Encode};
use sibyl_primitives::{registry::ModelCost, InferenceError, ModelId, Tensor};

use crate::{Engine, EngineConfig, EngineError, ModelInfo};

/// Largest message either side accepts: a model at the engine's limit plus inputs.
pub const MAX_MESSAGE_BYTES: usize = 128 << 20;

/// A request to a worker.
#[derive(Encode, Decode, Debug)]
pub enum ToWorker {
	/// Run `model` on `inputs` within `budget`; `bytes` are the model's bytes, sent only when
	/// the worker answered [`FromWorker::NeedModel`].
	Run {
		/// The model.
		model: ModelId,
		/// Its inputs.
		inputs: Vec<Tensor>,
		/// The declared cost, if any.
		budget: Option<ModelCost>,
		/// The model's bytes, when the worker has no plan for it.
		bytes: Option<Vec<u8>>,
	},
	/// Describe a model (`sibyl-node model inspect`): JSON of [`ModelInfo`].
	Inspect {
		/// The model's bytes.
		bytes: Vec<u8>,
		/// Pinned input shapes, by input position.
		shapes: Vec<Option<Vec<u32>>>,
	},
}

/// A worker's answer.
#[derive(Encode, Decode, Debug)]
pub enum FromWorker {
	/// The call's outputs.
	Outputs(Vec<Tensor>),
	/// The engine refused or failed the call.
	Failed {
		/// The code that crosses the host interface.
		code: InferenceError,
		/// The engine's message.
		message: String,
	},
	/// The worker holds no plan for the model: send its bytes.
	NeedModel,
	/// The plan is prepared; the run starts (sent before [`FromWorker::Outputs`] when the
	/// request carried the model's bytes).
	Prepared,
	/// JSON of a [`ModelInfo`].
	Info(Vec<u8>),
}

/// Limits and settings of a [`Sandbox`].
#[derive(Clone, Debug)]
pub struct SandboxConfig {
	/// The worker program.
	pub program: PathBuf,
	/// Its arguments before the sandbox's own (`engine-worker`).
	pub args: Vec<OsString>,
	/// Most worker processes, hence most calls running at once.
	pub workers: usize,
	/// Address-space limit of each worker, in bytes.
	pub memory_bytes: u64,
	/// Time a worker may take to prepare a model it has no plan for.
	pub prepare_timeout: Duration,
	/// Time limit of a run whose budget is small; a budget adds its share on top.
	pub min_run_timeout: Duration,
	/// Longest time limit of any run.
	pub max_run_timeout: Duration,
	/// Operations per second the run time limit assumes: a budget of `ops` adds
	/// `ops / ops_per_second` to `min_run_timeout`. Set it well below what a node computes.
	pub ops_per_second: u64,
	/// How long a call waits for a free worker before it steps aside with `Busy`.
	pub queue_timeout: Duration,
	/// How long a model that timed out or killed its worker is refused on this node.
	pub quarantine: Duration,
}

impl SandboxConfig {
	/// The defaults, running workers as `program args…`.
	pub fn new(program: PathBuf, args: Vec<OsString>) -> SandboxConfig {
		SandboxConfig {
			program,
			args,
			workers: 2,
			memory_bytes: 3 << 30,
			prepare_timeout: Duration::from_secs(5),
			min_run_timeout: Duration::from_secs(1),
			max_run_timeout: Duration::from_secs(10),
			ops_per_second: 2_000_000_000,
			queue_timeout: Duration::from_secs(10),
			quarantine: Duration::from_secs(600),
		}
	}

	/// The time limit of running (not preparing) a call within `budget`.
	pub fn run_timeout(&self, budget: Option<&ModelCost>) -> Duration {
		match budget {
			None => self.max_run_timeout,
			Some(budget) => {
				let share =
					Duration::from_secs_f64(budget.ops as f64 / self.ops_per_second.max(1) as f64);
				self.min_run_timeout.saturating_add(share).min(self.max_run_timeout)
			},
		}
	}
}

/// A worker process and the thread reading its answers.
struct Proc {
	child: Child,
	stdin: ChildStdin,
	replies: Receiver<io::Result<Vec<u8>>>,
	/// Models whose plans the worker holds.
	models: HashSet<ModelId>,
}

impl Drop for Proc {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

struct Pool {
	idle: Vec<Proc>,
	/// Workers alive: idle or running a call.
	live: usize,
}

/// Why a call to a worker did not get an answer.
enum Lost {
	/// The deadline passed; the worker was killed.
	Timeout(Duration),
	/// The worker died; how.
	Died(String),
}

/// Runs calls in sandboxed worker processes. Shared by the node's offchain workers.
pub struct Sandbox {
	config: SandboxConfig,
	pool: Mutex<Pool>,
	freed: Condvar,
	quarantined: Mutex<HashMap<ModelId, (Instant, EngineError)>>,
	retired: Mutex<HashSet<ModelId>>,
}

impl Sandbox {
	/// A sandbox; workers start on first use.
	pub fn new(config: SandboxConfig) -> Sandbox {
		Sandbox {
			config,
			pool: Mutex::new(Pool { idle: vec![], live: 0 }),
			freed: Condvar::new(),
			quarantined: Mutex::new(HashMap::new()),
			retired: Mutex::new(HashSet::new()),
		}
	}

	/// The limits.
	pub fn config(&self) -> &SandboxConfig {
		&self.config
	}

	/// Worker processes alive now.
	pub fn workers(&self) -> usize {
		self.pool.lock().map(|p| p.live).unwrap_or(0)
	}

	/// Process ids of the idle workers (for measurements).
	pub fn idle_pids(&self) -> Vec<u32> {
		self.pool.lock().map(|p| p.idle.iter().map(|w| w.child.id()).collect()).unwrap_or_default()
	}

	/// Runs `model` on `inputs` within `budget` in a worker. `load` supplies the model's bytes
	/// when the worker has no plan for it.
	pub fn run(
		&self,
		model: &ModelId,
		inputs: &[Tensor],
		budget: Option<&ModelCost>,
		load: impl FnOnce() -> Result<Vec<u8>, EngineError>,
	) -> Result<Vec<Tensor>, EngineError> {
		if let Some(error) = self.quarantine_of(model) {
			return Err(error);
		}
		let run_timeout = self.config.run_timeout(budget);
		let mut proc = self.acquire(model)?;
		let request = |bytes| ToWorker::Run {
			model: *model,
			inputs: inputs.to_vec(),
			budget: budget.copied(),
			bytes,
		};
		let mut answer = call(&mut proc, &request(None), run_timeout);
		if matches!(answer, Ok(FromWorker::NeedModel)) {
			let bytes = match load() {
				Ok(bytes) => bytes,
				Err(error) => {
					self.release(proc);
					return Err(error);
				},
			};
			// Preparing and running have separate limits: time left from a quick preparation
			// does not extend the run.
			answer = call(&mut proc, &request(Some(bytes)), self.config.prepare_timeout);
			if matches!(answer, Ok(FromWorker::Prepared)) {
				answer = wait(&mut proc, run_timeout);
			}
		}
		match answer {
			Ok(FromWorker::Outputs(outputs)) => {
				proc.models.insert(*model);
				self.release(proc);
				Ok(outputs)
			},
			Ok(FromWorker::Failed { code, message }) => {
				self.release(proc);
				let error = EngineError::Worker { error: code, message };
				// Out of memory inside the worker (tract reports a refused allocation): as
				// costly as a kill, so quarantined the same way.
				if code == InferenceError::ResourceLimit {
					self.quarantine(model, &error);
				}
				Err(error)
			},
			Ok(_) => {
				self.discard(proc);
				Err(EngineError::Internal("the worker answered out of turn".into()))
			},
			Err(lost) => {
				self.discard(proc);
				let error = match lost {
					Lost::Timeout(limit) => EngineError::Timeout { limit_ms: limit.as_millis() },
					Lost::Died(how) => EngineError::ResourceLimit(how),
				};
				self.quarantine(model, &error);
				Err(error)
			},
		}
	}

	/// Describes a model in a worker, as `sibyl-node model inspect` shows it. A model that
	/// kills its worker or runs past the preparation limit is described as rejected.
	pub fn inspect(&self, bytes: &[u8], shapes: &[Option<Vec<u32>>]) -> ModelInfo {
		let id = ModelId::of(bytes);
		let rejected = |why: String| ModelInfo {
			model_id: id.to_hex(),
			size: bytes.len(),
			inputs: vec![],
			outputs: vec![],
			operators: vec![],
			cost: None,
			rejection: Some(why),
		};
		let mut proc = match self.acquire(&id) {
			Ok(proc) => proc,
			Err(error) => return rejected(error.to_string()),
		};
		let request = ToWorker::Inspect { bytes: bytes.to_vec(), shapes: shapes.to_vec() };
		match call(&mut proc, &request, self.config.prepare_timeout) {
			Ok(FromWorker::Info(json)) => {
				self.release(proc);
				serde_json::from_slice(&json)
					.unwrap_or_else(|e| rejected(format!("unreadable answer from the worker: {e}")))
			},
			Ok(other) => {
				self.discard(proc);
				rejected(format!("the worker answered out of turn: {other:?}"))
			},
			Err(Lost::Timeout(limit)) => {
				self.discard(proc);
				rejected(
					EngineError::Timeout { limit_ms: limit.as_millis() }.to_string()
						+ " while preparing it",
				)
			},
			Err(Lost::Died(how)) => {
				self.discard(proc);
				rejected(EngineError::ResourceLimit(how).to_string())
			},
		}
	}

	/// Drops every plan of `model` (it was retired): idle workers holding one are replaced,
	/// busy ones when they finish.
	pub fn forget(&self, model: &ModelId) {
		if let Ok(mut retired) = self.retired.lock() {
			retired.insert(*model);
		}
		let dropped: Vec<Proc> = match self.pool.lock() {
			Ok(mut pool) => {
				let (holding, keep): (Vec<Proc>, Vec<Proc>) =
					pool.idle.drain(..).partition(|p| p.models.contains(model));
				pool.idle = keep;
				pool.live = pool.live.saturating_sub(holding.len());
				holding
			},
			Err(_) => vec![],
		};
		drop(dropped);
		self.freed.notify_all();
	}

	/// Whether `model` is quarantined on this node; the error its calls get meanwhile.
	pub fn quarantine_of(&self, model: &ModelId) -> Option<EngineError> {
		let mut quarantined = self.quarantined.lock().ok()?;
		match quarantined.get(model) {
			Some((until, error)) if Instant::now() < *until => Some(error.clone()),
			Some(_) => {
				quarantined.remove(model);
				None
			},
			None => None,
		}
	}

	fn quarantine(&self, model: &ModelId, error: &EngineError) {
		log::warn!(
			target: "sibyl::engine",
			"model {} quarantined on this node for {} s: {error}",
			model.to_hex(),
			self.config.quarantine.as_secs()
		);
		if let Ok(mut quarantined) = self.quarantined.lock() {
			quarantined.insert(*model, (Instant::now() + self.config.quarantine, error.clone()));
		}
	}

	/// An idle worker (one holding `model`'s plan if there is one), a new one while there is
	/// room, or `Busy` after waiting `queue_timeout` for one.
	fn acquire(&self, model: &ModelId) -> Result<Proc, EngineError> {
		let deadline = Instant::now() + self.config.queue_timeout;
		let mut pool = self.pool.lock().map_err(|_| EngineError::poisoned())?;
		loop {
			if let Some(ix) = pool.idle.iter().position(|p| p.models.contains(model)) {
				return Ok(pool.idle.swap_remove(ix));
			}
			if pool.live < self.config.workers.max(1) {
				pool.live = pool.live.saturating_add(1);
				drop(pool);
				return self.spawn().inspect_err(|_| {
					if let Ok(mut pool) = self.pool.lock() {
						pool.live = pool.live.saturating_sub(1);
					}
				});
			}
			if let Some(proc) = pool.idle.pop() {
				return Ok(proc);
			}
			let now = Instant::now();
			if now >= deadline {
				return Err(EngineError::Busy);
			}
			pool = self
				.freed
				.wait_timeout(pool, deadline - now)
				.map_err(|_| EngineError::poisoned())?
				.0;
		}
	}

	fn release(&self, proc: Proc) {
		let retired =
			self.retired.lock().map(|r| proc.models.iter().any(|m| r.contains(m))).unwrap_or(false);
		if retired {
			return self.discard(proc);
		}
		if let Ok(mut pool) = self.pool.lock() {
			pool.idle.push(proc);
		}
		self.freed.notify_one();
	}

	fn discard(&self, proc: Proc) {
		drop(proc);
		if let Ok(mut pool) = self.pool.lock() {
			pool.live = pool.live.saturating_sub(1);
		}
		self.freed.notify_one();
	}

	fn spawn(&self) -> Result<Proc, EngineError> {
		let mut child = Command::new(&self.config.program)
			.args(&self.config.args)
			.arg("--memory-bytes")
			.arg(self.config.memory_bytes.to_string())
			.stdin(Stdio::piped())
			.stdout(Stdio::piped())
			.stderr(Stdio::inherit())
			.spawn()
			.map_err(|e| {
				EngineError::Internal(format!(
					"cannot start the engine worker {}: {e}",
					self.config.program.display()
				))
			})?;
		let (Some(stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
			let _ = child.kill();
			let _ = child.wait();
			return Err(EngineError::Internal("the engine worker has no pipes".into()));
		};
		let (send, replies) = mpsc::channel();
		std::thread::Builder::new()
			.name("sibyl-engine-pipe".into())
			.spawn(move || loop {
				let frame = read_frame(&mut stdout);
				let end = !matches!(frame, Ok(Some(_)));
				let sent = match frame {
					Ok(Some(bytes)) => send.send(Ok(bytes)),
					Ok(None) => send.send(Err(io::ErrorKind::UnexpectedEof.into())),
					Err(e) => send.send(Err(e)),
				};
				if end || sent.is_err() {
					return;
				}
			})
			.map_err(|e| EngineError::Internal(format!("cannot start a pipe thread: {e}")))?;
		Ok(Proc { child, stdin, replies, models: HashSet::new() })
	}
}

/// Sends `request` and waits at most `limit` for the answer; kills the worker at the limit.
fn call(proc: &mut Proc, request: &ToWorker, limit: Duration) -> Result<FromWorker, Lost> {
	if write_frame(&mut proc.stdin, &request.encode()).is_err() {
		return Err(Lost::Died(death(proc)));
	}
	wait(proc, limit)
}

/// Waits at most `limit` for the worker's next message; kills the worker at the limit.
fn wait(proc: &mut Proc, limit: Duration) -> Result<FromWorker, Lost> {
	match proc.replies.recv_timeout(limit) {
		Ok(Ok(bytes)) => FromWorker::decode_all(&mut &bytes[..])
			.map_err(|e| Lost::Died(format!("unreadable answer ({e}); worker replaced"))),
		Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => Err(Lost::Died(death(proc))),
		Err(RecvTimeoutError::Timeout) => {
			let _ = proc.child.kill();
			let _ = proc.child.wait();
			Err(Lost::Timeout(limit))
		},
	}
}

/// How a worker died, for the operator.
fn death(proc: &mut Proc) -> String {
	use std::os::unix::process::ExitStatusExt;
	match proc.child.wait() {
		Ok(status) => match status.signal() {
			Some(6) => "the worker aborted (an allocation refused at its memory limit, \
				or a crash); replaced"
				.into(),
			Some(9) => "the worker was killed (SIGKILL, the kernel's OOM killer?); replaced".into(),
			Some(11) => "the worker crashed (SIGSEGV, a stack overflow?); replaced".into(),
			Some(signal) => format!("the worker died of signal {signal}; replaced"),
			None => format!("the worker exited ({status}); replaced"),
		},
		Err(e) => format!("the worker is gone ({e}); replaced"),
	}
}

/// Writes one message.
pub fn write_frame(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
	let len = u32::try_from(bytes.len())
		.ok()
		.filter(|len| *len as usize <= MAX_MESSAGE_BYTES)
		.ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "message too large"))?;
	out.write_all(&len.to_le_bytes())?;
	out.write_all(bytes)?;
	out.flush()
}

/// Reads one message; `None` at a clean end of the stream.
pub fn read_frame(input: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
	let mut len = [0u8; 4];
	match input.read_exact(&mut len) {
		Ok(()) => {},
		Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
		Err(e) => return Err(e),
	}
	let len = u32::from_le_bytes(len) as usize;
	if len > MAX_MESSAGE_BYTES {
		return Err(io::Error::new(io::ErrorKind::InvalidData, "message too large"));
	}
	let mut bytes = vec![0u8; len];
	input.read_exact(&mut bytes)?;
	Ok(Some(bytes))
}

/// Confines the current process as a worker: an address-space limit of `memory_bytes`, no core
/// dumps, no new privileges, no new processes or threads, and death with its parent.
pub fn confine(memory_bytes: u64) -> Result<(), String> {
	fn limit(resource: libc::__rlimit_resource_t, value: u64, name: &str) -> Result<(), String> {
		let rlimit = libc::rlimit { rlim_cur: value, rlim_max: value };
		// SAFETY: `setrlimit` reads the struct we pass and changes only this process's limits.
		if unsafe { libc::setrlimit(resource, &rlimit) } != 0 {
			return Err(format!("cannot set {name}: {}", io::Error::last_os_error()));
		}
		Ok(())
	}
	// SAFETY: `prctl` with these options takes plain integers and affects only this process.
	unsafe {
		if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) != 0 {
			return Err(format!("cannot set PR_SET_PDEATHSIG: {}", io::Error::last_os_error()));
		}
		if libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 {
			return Err(format!("cannot set PR_SET_NO_NEW_PRIVS: {}", io::Error::last_os_error()));
		}
	}
	// The parent may have died before PR_SET_PDEATHSIG took effect.
	// SAFETY: `getppid` has no preconditions.
	if unsafe { libc::getppid() } == 1 {
		return Err("the node is gone".into());
	}
	limit(libc::RLIMIT_AS, memory_bytes, "RLIMIT_AS")?;
	limit(libc::RLIMIT_CORE, 0, "RLIMIT_CORE")?;
	limit(libc::RLIMIT_NPROC, 0, "RLIMIT_NPROC")?;
	Ok(())
}

/// The worker's main loop (`sibyl-node engine-worker`): confines the process, then answers
/// requests on stdin until it closes. Plans stay cached between calls.
pub fn serve(memory_bytes: u64) -> Result<(), String> {
	confine(memory_bytes)?;
	// The engine reports every panic it catches as an error. The default hook would print it
	// (and maybe a backtrace, which allocates) to stderr, which can hang a process that is out
	// of memory.
	std::panic::set_hook(Box::new(|_| {}));
	let engine = Engine::new(EngineConfig::default());
	let mut input = io::stdin().lock();
	let mut output = io::stdout().lock();
	while let Some(message) = read_frame(&mut input).map_err(|e| e.to_string())? {
		let mut send = |answer: FromWorker| write_frame(&mut output, &answer.encode());
		let answer = match ToWorker::decode_all(&mut &message[..]) {
			Ok(request) => answer(&engine, request, &mut send).map_err(|e| e.to_string())?,
			Err(e) => FromWorker::Failed {
				code: InferenceError::Busy,
				message: format!("unreadable request: {e}"),
			},
		};
		send(answer).map_err(|e| e.to_string())?;
	}
	Ok(())
}

fn answer(
	engine: &Engine,
	request: ToWorker,
	send: &mut impl FnMut(FromWorker) -> io::Result<()>,
) -> io::Result<FromWorker> {
	Ok(match request {
		ToWorker::Run { model, inputs, budget, bytes: Some(bytes) } => {
			// Prepare first and say so: the parent times preparing and running apart.
			match engine.cost(&model, &inputs, || Ok(bytes)) {
				Ok(_) => send(FromWorker::Prepared)?,
				Err(error) => {
					return Ok(FromWorker::Failed {
						code: error.to_inference_error(),
						message: error.to_string(),
					})
				},
			}
			let load = || Err(EngineError::Internal("the plan was evicted".into()));
			match engine.run_within(&model, &inputs, budget.as_ref(), load) {
				Ok(outputs) => FromWorker::Outputs(outputs),
				Err(error) => FromWorker::Failed {
					code: error.to_inference_error(),
					message: error.to_string(),
				},
			}
		},
		ToWorker::Run { model, inputs, budget, bytes: None } => {
			let load = || Err(EngineError::ModelNotFound(model));
			match engine.run_within(&model, &inputs, budget.as_ref(), load) {
				Ok(outputs) => FromWorker::Outputs(outputs),
				Err(EngineError::ModelNotFound(_)) => FromWorker::NeedModel,
				Err(error) => FromWorker::Failed {
					code: error.to_inference_error(),
					message: error.to_string(),
				},
			}
		},
		ToWorker::Inspect { bytes, shapes } => {
			let info = engine.inspect(&bytes, &shapes);
			FromWorker::Info(serde_json::to_vec(&info).unwrap_or_default())
		},
	})
}
