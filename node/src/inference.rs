//! The engine behind the inference host interface, and the `model` operator commands.

use std::{
	path::{Path, PathBuf},
	sync::Arc,
	time::Instant,
};

use sibyl_engine::{
	json::{InputJson, LatencyJson, RunReportJson, TensorJson},
	sandbox::{Sandbox, SandboxConfig},
	Engine, EngineConfig, EngineError, ModelInfo, ModelStore,
};
use sibyl_inference::{InferenceBackend, InferenceError, ModelCost, ModelId, Tensor};
use sibyl_primitives::{commitment, tensors_hash, CommitmentDomain};

const LOG_TARGET: &str = "sibyl::inference";

/// The program engine workers run as: this binary (`/proc/self/exe`, which survives the file
/// being replaced on disk by an upgrade).
pub fn worker_program() -> PathBuf {
	let proc_exe = PathBuf::from("/proc/self/exe");
	if proc_exe.exists() {
		return proc_exe;
	}
	std::env::current_exe().unwrap_or(proc_exe)
}

/// The engine sandbox and model store as offchain workers reach them. Models run in worker
/// processes, never in the node's own.
pub struct EngineBackend {
	sandbox: Sandbox,
	store: ModelStore,
	/// Run times, once the node registered its metrics.
	metrics: std::sync::OnceLock<Arc<crate::metrics::Metrics>>,
}

impl EngineBackend {
	/// Opens the model store in `dir`, sized for the engine's model limit.
	pub fn open_store(dir: &Path) -> std::io::Result<ModelStore> {
		ModelStore::open(dir, EngineConfig::default().max_model_bytes)
	}

	/// A backend running models from `store` in a sandbox configured by `config`.
	pub fn new(store: ModelStore, config: SandboxConfig) -> Arc<EngineBackend> {
		Arc::new(EngineBackend {
			sandbox: Sandbox::new(config),
			store,
			metrics: std::sync::OnceLock::new(),
		})
	}

	/// Records every run's time in `metrics` from now on.
	pub fn attach_metrics(&self, metrics: Arc<crate::metrics::Metrics>) {
		let _ = self.metrics.set(metrics);
	}

	/// The sandbox.
	pub fn sandbox(&self) -> &Sandbox {
		&self.sandbox
	}
}

impl InferenceBackend for EngineBackend {
	fn run(
		&self,
		model: &ModelId,
		inputs: &[Tensor],
		budget: Option<&ModelCost>,
	) -> Result<Vec<Tensor>, InferenceError> {
		let started = Instant::now();
		let result = self.sandbox.run(model, inputs, budget, || self.store.get(model));
		if let Some(metrics) = self.metrics.get() {
			metrics.engine_run(model, started.elapsed(), result.is_ok());
		}
		result.map_err(|error| {
			log::warn!(target: LOG_TARGET, "model {}: {error}", model.to_hex());
			error.to_inference_error()
		})
	}

	fn identity(&self) -> Option<String> {
		// The workers are this binary on this CPU with this environment: they pin the same
		// kernels the node would.
		sibyl_engine::kernels::pin().ok().map(str::to_string)
	}
}

#[cfg(all(feature = "dishonest", not(debug_assertions)))]
compile_error!("the `dishonest` feature is for test builds only, never for release builds");

/// How a dishonest test node cheats.
#[cfg(feature = "dishonest")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Dishonesty {
	/// Every output is altered (the sign of the first element is flipped).
	Corrupt,
	/// The model runs once per model; later requests get that first output replayed.
	Lazy,
}

/// A backend that cheats as told: for tests that need a real dishonest node.
#[cfg(feature = "dishonest")]
pub struct DishonestBackend {
	inner: Arc<EngineBackend>,
	mode: Dishonesty,
	seen: std::sync::Mutex<std::collections::HashMap<ModelId, Vec<Tensor>>>,
}

#[cfg(feature = "dishonest")]
impl DishonestBackend {
	/// Wraps `inner`.
	pub fn new(inner: Arc<EngineBackend>, mode: Dishonesty) -> DishonestBackend {
		DishonestBackend { inner, mode, seen: Default::default() }
	}
}

#[cfg(feature = "dishonest")]
impl InferenceBackend for DishonestBackend {
	fn run(
		&self,
		model: &ModelId,
		inputs: &[Tensor],
		budget: Option<&ModelCost>,
	) -> Result<Vec<Tensor>, InferenceError> {
		match self.mode {
			Dishonesty::Corrupt => {
				let mut outputs = self.inner.run(model, inputs, budget)?;
				if let Some(tensor) = outputs.first_mut() {
					// Flip the top bit of the first element: the sign of a float, far from any
					// tolerance, and still a finite value that fits the schema.
					let top = (tensor.dtype.size() as usize).saturating_sub(1);
					let mut data = tensor.data.clone().into_inner();
					if let Some(byte) = data.get_mut(top) {
						*byte ^= 0x80;
					}
					tensor.data = data.try_into().unwrap_or_default();
				}
				log::warn!(target: LOG_TARGET, "😈 corrupted the output of {}", model.to_hex());
				Ok(outputs)
			},
			Dishonesty::Lazy => {
				let mut seen = self.seen.lock().map_err(|_| InferenceError::ExecutionFailed)?;
				if let Some(outputs) = seen.get(model) {
					log::warn!(target: LOG_TARGET, "😈 replaying an old output of {}", model.to_hex());
					return Ok(outputs.clone());
				}
				let outputs = self.inner.run(model, inputs, budget)?;
				seen.insert(*model, outputs.clone());
				Ok(outputs)
			},
		}
	}

	fn identity(&self) -> Option<String> {
		self.inner.identity()
	}
}

/// The model store of a node whose chain's data lives in `data_path`
/// (`<base-path>/chains/<chain id>`): one store per chain, so that one chain's model pruning
/// never deletes a model another chain run from the same base path still uses.
pub fn store_dir(data_path: &Path) -> PathBuf {
	data_path.join("models")
}

/// Where nodes before issue 22 kept their models, shared by every chain of a base path: no
/// longer read, written or pruned.
pub fn legacy_store_dir(base_path: &Path) -> PathBuf {
	base_path.join("models")
}

/// `sibyl-node model …`: look at and run ONNX models locally, as the chain would.
#[derive(Debug, clap::Subcommand)]
pub enum ModelCmd {
	/// Describe a model: id, inputs and outputs, operators, cost, and whether the engine
	/// accepts it.
	Inspect(InspectCmd),
	/// Run a model on a JSON input and print its outputs, commitment and latency.
	Run(RunCmd),
	/// Register a model on chain and upload its chunks, after checking the engine accepts it.
	Upload(crate::upload::UploadCmd),
	/// Write a small example model (a seeded MLP, `x: f32[1, inputs]` → `y: f32[1, outputs]`)
	/// and a matching input, for demos and tests.
	Example(ExampleCmd),
	/// Write the hostile-model zoo (tiny models that try to jam, exhaust or crash the nodes
	/// that run them) and an input for them, for tests of the engine sandbox.
	Zoo(ZooCmd),
}

/// `sibyl-node model example`.
#[derive(Debug, clap::Args)]
pub struct ExampleCmd {
	/// Where to write the ONNX model.
	#[arg(long, value_name = "FILE")]
	pub out: PathBuf,
	/// Where to write an input for it (the `model run --input` JSON format).
	#[arg(long, value_name = "FILE.json")]
	pub input_out: Option<PathBuf>,
	/// Input features.
	#[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=4096))]
	pub inputs: u32,
	/// Hidden units.
	#[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u32).range(1..=4096))]
	pub hidden: u32,
	/// Output features.
	#[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=16384))]
	pub outputs: u32,
}

impl ExampleCmd {
	fn run(&self) -> Result<(), String> {
		use sibyl_engine::testing::{Mlp, D};
		let mlp = Mlp::new(self.inputs as usize, self.hidden as usize, self.outputs as usize);
		let bytes = mlp.onnx(D::N(1));
		std::fs::write(&self.out, &bytes)
			.map_err(|e| format!("cannot write {}: {e}", self.out.display()))?;
		if let Some(path) = &self.input_out {
			let data: Vec<serde_json::Value> = (0..self.inputs)
				.map(|i| serde_json::Value::from(f64::from(i as f32 * 0.25 - 1.0)))
				.collect();
			let input = serde_json::json!({
				"inputs": [{"name": "x", "dtype": "f32", "shape": [1, self.inputs], "data": data}]
			});
			std::fs::write(path, input.to_string())
				.map_err(|e| format!("cannot write {}: {e}", path.display()))?;
		}
		println!("{}", ModelId::of(&bytes).to_hex());
		Ok(())
	}
}

/// `sibyl-node model inspect`.
#[derive(Debug, clap::Args)]
pub struct InspectCmd {
	/// The ONNX file.
	#[arg(long, value_name = "FILE")]
	pub model: PathBuf,
	/// Pin the dimensions of an input with dynamic ones, e.g. `--shape x=1,3,48,192`.
	#[arg(long = "shape", value_name = "NAME=DIMS", value_parser = parse_shape)]
	pub shapes: Vec<(String, Vec<u32>)>,
	/// Print JSON instead of text.
	#[arg(long)]
	pub json: bool,
}

/// `sibyl-node model run`.
#[derive(Debug, clap::Args)]
pub struct RunCmd {
	/// The ONNX file.
	#[arg(long, value_name = "FILE")]
	pub model: PathBuf,
	/// The input: `{"inputs":[{"name":"x","dtype":"f32","shape":[1,64],"data":[…]}]}`.
	#[arg(long, value_name = "FILE.json")]
	pub input: PathBuf,
	/// Timed runs after one warm-up run (which prepares the plan).
	#[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100_000))]
	pub repeat: u32,
	/// Print JSON instead of text.
	#[arg(long)]
	pub json: bool,
	/// Run in this process instead of an engine worker (to measure what the sandbox adds).
	#[arg(long)]
	pub in_process: bool,
}

pub fn parse_shape(text: &str) -> Result<(String, Vec<u32>), String> {
	let (name, dims) =
		text.split_once('=').ok_or_else(|| format!("`{text}`: expected NAME=D1,D2,…"))?;
	let dims = dims
		.split(',')
		.map(|d| d.trim().parse::<u32>().map_err(|_| format!("`{text}`: `{d}` is not a dimension")))
		.collect::<Result<Vec<_>, _>>()?;
	Ok((name.to_string(), dims))
}

pub fn read_model(path: &Path) -> Result<Vec<u8>, String> {
	let limit = EngineConfig::default().max_model_bytes;
	let size = std::fs::metadata(path)
		.map_err(|e| format!("cannot read model {}: {e}", path.display()))?
		.len();
	if size > limit as u64 {
		return Err(format!(
			"model {} is {size} bytes, above the engine's limit of {limit}",
			path.display()
		));
	}
	std::fs::read(path).map_err(|e| format!("cannot read model {}: {e}", path.display()))
}

impl ModelCmd {
	/// Runs the command with models in worker processes as `engine` configures them; `Err`
	/// is a one-line message for the operator.
	pub fn run(&self, engine: &SandboxConfig) -> Result<(), String> {
		let sandbox = Sandbox::new(engine.clone());
		match self {
			ModelCmd::Inspect(cmd) => cmd.run(&sandbox),
			ModelCmd::Run(cmd) => cmd.run(&sandbox),
			ModelCmd::Upload(cmd) => cmd.run(&sandbox),
			ModelCmd::Example(cmd) => cmd.run(),
			ModelCmd::Zoo(cmd) => cmd.run(),
		}
	}
}

/// `sibyl-node model zoo`.
#[derive(Debug, clap::Args)]
pub struct ZooCmd {
	/// The directory to write the models into (`<name>.onnx`, and `input.json` for them all).
	#[arg(long, value_name = "DIR")]
	pub out: PathBuf,
}

impl ZooCmd {
	fn run(&self) -> Result<(), String> {
		std::fs::create_dir_all(&self.out)
			.map_err(|e| format!("cannot create {}: {e}", self.out.display()))?;
		for (name, bytes) in sibyl_engine::testing::hostile::zoo() {
			let path = self.out.join(format!("{name}.onnx"));
			std::fs::write(&path, &bytes)
				.map_err(|e| format!("cannot write {}: {e}", path.display()))?;
			println!("{name} {} {} bytes", ModelId::of(&bytes).to_hex(), bytes.len());
		}
		let input = self.out.join("input.json");
		std::fs::write(
			&input,
			r#"{"inputs":[{"name":"x","dtype":"f32","shape":[1,1],"data":[0.5]}]}"#,
		)
		.map_err(|e| format!("cannot write {}: {e}", input.display()))
	}
}

impl InspectCmd {
	fn run(&self, sandbox: &Sandbox) -> Result<(), String> {
		let bytes = read_model(&self.model)?;
		let info = inspect_with_shapes(sandbox, &bytes, &self.shapes)?;
		if self.json {
			println!("{}", serde_json::to_string_pretty(&info).map_err(|e| e.to_string())?);
		} else {
			print_info(&info);
		}
		Ok(())
	}
}

/// Inspects `bytes` in an engine worker, with the inputs named in `shapes` pinned to those
/// dimensions.
pub fn inspect_with_shapes(
	sandbox: &Sandbox,
	bytes: &[u8],
	shapes: &[(String, Vec<u32>)],
) -> Result<ModelInfo, String> {
	let names = sibyl_engine::input_names(bytes).unwrap_or_default();
	for (name, _) in shapes {
		if !names.contains(name) {
			return Err(format!(
				"--shape {name}=…: the model has no input `{name}` (inputs: {})",
				names.join(", ")
			));
		}
	}
	let pinned: Vec<Option<Vec<u32>>> = names
		.iter()
		.map(|n| shapes.iter().find(|(name, _)| name == n).map(|(_, dims)| dims.clone()))
		.collect();
	Ok(sandbox.inspect(bytes, &pinned))
}

fn print_info(info: &ModelInfo) {
	let io = |items: &[sibyl_engine::IoInfo]| {
		items
			.iter()
			.map(|i| {
				format!(
					"{}: {} [{}]",
					i.name,
					i.dtype.as_deref().unwrap_or("?"),
					i.shape.join(", ")
				)
			})
			.collect::<Vec<_>>()
			.join("; ")
	};
	println!("model id   {}", info.model_id);
	println!("size       {} bytes", info.size);
	println!("inputs     {}", io(&info.inputs));
	println!("outputs    {}", io(&info.outputs));
	println!(
		"operators  {}",
		info.operators.iter().map(|(op, n)| format!("{op}×{n}")).collect::<Vec<_>>().join(", ")
	);
	match &info.cost {
		Some(cost) => println!(
			"cost       {} ops ({} FMA, {} div), peak memory {} bytes (tensor {} bytes), output \
			 {} bytes",
			cost.ops,
			cost.fma,
			cost.div,
			cost.memory_bytes,
			cost.peak_tensor_bytes,
			cost.output_bytes
		),
		None => println!("cost       unknown"),
	}
	match &info.rejection {
		None => println!("verdict    accepted"),
		Some(why) => println!("verdict    rejected: {why}"),
	}
}

impl RunCmd {
	fn run(&self, sandbox: &Sandbox) -> Result<(), String> {
		let bytes = read_model(&self.model)?;
		let text = std::fs::read_to_string(&self.input)
			.map_err(|e| format!("cannot read input {}: {e}", self.input.display()))?;
		let (names, inputs) = InputJson::parse(&text)?;
		let model_names = sibyl_engine::input_names(&bytes).map_err(|e| e.to_string())?;
		for (ix, name) in names.iter().enumerate() {
			if let (Some(given), Some(expected)) = (name, model_names.get(ix)) {
				if given != expected {
					return Err(format!(
						"input #{ix} is named `{given}`, but the model's input #{ix} is `{expected}`"
					));
				}
			}
		}
		let id = ModelId::of(&bytes);
		let engine = Engine::default();
		let call = |inputs: &[Tensor]| -> Result<Vec<Tensor>, String> {
			let load = || Ok::<_, EngineError>(bytes.clone());
			if self.in_process {
				engine.run(&id, inputs, load)
			} else {
				sandbox.run(&id, inputs, None, load)
			}
			.map_err(|e| e.to_string())
		};
		// The warm-up run prepares and caches the plan; the timed runs measure execution.
		let outputs = call(&inputs)?;
		let mut millis = Vec::with_capacity(self.repeat as usize);
		for _ in 0..self.repeat {
			let start = Instant::now();
			let again = call(&inputs)?;
			millis.push(start.elapsed().as_secs_f64() * 1e3);
			if again != outputs {
				return Err("outputs differ between runs of the same input".into());
			}
		}
		millis.sort_by(f64::total_cmp);
		let latency = LatencyJson {
			median: percentile(&millis, 50),
			p90: percentile(&millis, 90),
			p99: percentile(&millis, 99),
			runs: millis.len(),
		};
		let output_names = sibyl_engine::output_names(&bytes).unwrap_or_default();
		let commitment = commitment(
			&CommitmentDomain::Local,
			&id,
			&tensors_hash(&inputs),
			&tensors_hash(&outputs),
		);
		let report = RunReportJson {
			model_id: id.to_hex(),
			outputs: outputs
				.iter()
				.enumerate()
				.map(|(ix, t)| TensorJson::from_tensor(output_names.get(ix).cloned(), t))
				.collect(),
			output_hash: sibyl_primitives::to_hex(tensors_hash(&outputs).as_bytes()),
			commitment: sibyl_primitives::to_hex(commitment.as_bytes()),
			latency_ms: latency,
		};
		if self.json {
			println!("{}", serde_json::to_string(&report).map_err(|e| e.to_string())?);
		} else {
			print_report(&report);
		}
		Ok(())
	}
}

fn percentile(sorted: &[f64], p: usize) -> f64 {
	if sorted.is_empty() {
		return 0.0;
	}
	let rank = (sorted.len() * p).div_ceil(100).clamp(1, sorted.len());
	sorted[rank - 1]
}

fn print_report(report: &RunReportJson) {
	println!("model id    {}", report.model_id);
	for output in &report.outputs {
		let shown: Vec<String> = output.data.iter().take(16).map(|v| v.to_string()).collect();
		let more = if output.data.len() > 16 { ", …" } else { "" };
		println!(
			"output      {}: {} {:?} [{}{more}]",
			output.name.as_deref().unwrap_or("?"),
			output.dtype,
			output.shape,
			shown.join(", ")
		);
	}
	println!("output hash {}", report.output_hash);
	println!("commitment  {}", report.commitment);
	println!(
		"latency     median {:.3} ms, p90 {:.3} ms, p99 {:.3} ms over {} run(s)",
		report.latency_ms.median,
		report.latency_ms.p90,
		report.latency_ms.p99,
		report.latency_ms.runs
	);
}
