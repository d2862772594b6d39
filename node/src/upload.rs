//! `sibyl-node model upload`: register a model and upload its chunks over a node's JSON-RPC.
//!
//! The engine inspects the model first, in a sandboxed worker: a model it would reject
//! (unsupported operator, unbounded shapes, too large, one that kills its worker) or whose cost
//! is above the chain's bounds (`MaxModelOps`, `MaxModelMemory`) is never registered, so no
//! deposit or fee is spent on it. The schema and the cost sent on chain are the ones the engine
//! reads from the ONNX graph. An interrupted upload resumes: chunks
//! the chain already has are skipped.

use std::{path::PathBuf, time::Instant};

use futures::{stream::FuturesUnordered, StreamExt};
use sibyl_engine::sandbox::Sandbox;
use sibyl_primitives::{
	registry::{
		LevelBounds, ModelCost, ModelInfo, ModelStatus, Schema, TensorSpec, Tolerance,
		VerificationPolicy,
	},
	AccountId, Balance, BlockNumber, DType, ModelId,
};
use sibyl_runtime::{Runtime, RuntimeCall};
use sp_core::H256;

use crate::chain_client::Chain;
use crate::inference::{inspect_with_shapes, parse_shape, read_model};

/// How long `model upload` waits for a registration or chunks a reorg retracted to land again
/// before it gives up.
const REORG_WAIT: std::time::Duration = std::time::Duration::from_secs(20);

/// How often it looks again meanwhile.
const REORG_POLL: std::time::Duration = std::time::Duration::from_millis(500);

/// `sibyl-node model upload`.
#[derive(Debug, clap::Args)]
pub struct UploadCmd {
	/// The ONNX file.
	#[arg(long, value_name = "FILE")]
	pub model: PathBuf,
	/// Family name of the model.
	#[arg(long)]
	pub name: String,
	/// Version within the family; a version never changes once registered.
	#[arg(long, value_name = "N")]
	pub model_version: u32,
	/// Fee per call for the owner, in the chain's smallest unit.
	#[arg(long, default_value_t = 0)]
	pub price: Balance,
	/// Pin the dimensions of an input with dynamic ones, e.g. `--shape x=1,3,48,192`.
	#[arg(long = "shape", value_name = "NAME=DIMS", value_parser = parse_shape)]
	pub shapes: Vec<(String, Vec<u32>)>,
	/// Inference nodes that execute each request.
	#[arg(long, default_value_t = 1)]
	pub replicas: u8,
	/// Verifiers that re-run a sampled request.
	#[arg(long, default_value_t = 1)]
	pub verifiers: u8,
	/// Share of requests verified, in parts per million.
	#[arg(long, default_value_t = 1_000_000)]
	pub sample_ppm: u32,
	/// The lowest share of checked requests (ppm) a requester's verification level may have;
	/// 0 lets requesters ask for `Unverified` calls.
	#[arg(long, default_value_t = 0)]
	pub min_sample_ppm: u32,
	/// The most verifiers a requester's verification level may seat.
	#[arg(long, default_value_t = sibyl_primitives::registry::MAX_REPLICAS)]
	pub max_verifiers: u8,
	/// Output comparison: `exact`; `abs=PPB,rel=PPB` (floats within an absolute and relative
	/// tolerance, parts per billion); or `argmax` / `top=K` (classifiers: the K largest values
	/// of every row rank the same).
	#[arg(long, default_value = "exact", value_parser = parse_tolerance)]
	pub tolerance: Tolerance,
	/// Secret URI of the owner's sr25519 account, e.g. `//Alice` on a dev chain.
	#[arg(long, value_name = "SURI")]
	pub suri: String,
	/// WebSocket JSON-RPC endpoint of a node.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub url: String,
	/// Chunk transactions in flight at once.
	#[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=32))]
	pub window: u32,
	/// Print a JSON summary instead of text.
	#[arg(long)]
	pub json: bool,
	/// Test builds only: register the model as an attacker would, without the engine's
	/// checks, declaring this cost (`OPS,BYTES`) and the schema its graph declares.
	#[cfg(feature = "dishonest")]
	#[arg(long, value_name = "OPS,BYTES", hide = true, value_parser = parse_cost)]
	pub unchecked_cost: Option<ModelCost>,
}

#[cfg(feature = "dishonest")]
fn parse_cost(text: &str) -> Result<ModelCost, String> {
	let (ops, memory) = text.split_once(',').ok_or("expected OPS,BYTES")?;
	Ok(ModelCost {
		ops: ops.trim().parse().map_err(|_| format!("`{ops}` is not a number"))?,
		memory: memory.trim().parse().map_err(|_| format!("`{memory}` is not a number"))?,
	})
}

/// The declared cost of a model the engine estimated as `info.cost`, checked against the
/// chain's bounds.
fn declared_cost(info: &sibyl_engine::ModelInfo) -> Result<ModelCost, String> {
	let cost = info
		.cost
		.as_ref()
		.ok_or("the engine gave no cost estimate, so it was not registered")?
		.model_cost();
	let max_ops: u64 = sibyl_runtime::configs::MaxModelOps::get();
	let max_memory: u64 = sibyl_runtime::configs::MaxModelMemory::get();
	if cost.ops > max_ops {
		return Err(format!(
			"the model needs {} ops per call, above the chain's limit of {max_ops} \
			 (MaxModelOps), so it was not registered",
			cost.ops
		));
	}
	if cost.memory > max_memory {
		return Err(format!(
			"the model needs {} bytes of memory per call, above the chain's limit of \
			 {max_memory} (MaxModelMemory), so it was not registered",
			cost.memory
		));
	}
	Ok(cost)
}

fn parse_tolerance(text: &str) -> Result<Tolerance, String> {
	if text == "exact" {
		return Ok(Tolerance::Exact);
	}
	if text == "argmax" {
		return Ok(Tolerance::TopK { k: 1 });
	}
	if let Some(k) = text.strip_prefix("top=") {
		return match k.trim().parse::<u8>() {
			Ok(k) if k >= 1 => Ok(Tolerance::TopK { k }),
			_ => Err(format!("`{k}`: expected a whole number of ranks from 1 to 255")),
		};
	}
	let mut abs = None;
	let mut rel = None;
	for part in text.split(',') {
		let (key, value) = part.split_once('=').ok_or_else(|| {
			format!("`{text}`: expected `exact`, `abs=PPB,rel=PPB`, `argmax` or `top=K`")
		})?;
		let value: u32 =
			value.trim().parse().map_err(|_| format!("`{value}` is not a whole number of ppb"))?;
		match key.trim() {
			"abs" => abs = Some(value),
			"rel" => rel = Some(value),
			other => return Err(format!("`{other}`: expected `abs` or `rel`")),
		}
	}
	Ok(Tolerance::Within { abs_ppb: abs.unwrap_or(0), rel_ppb: rel.unwrap_or(0) })
}

fn schema(items: &[sibyl_engine::IoInfo], side: &str) -> Result<Schema, String> {
	let specs = items
		.iter()
		.map(|io| {
			let dtype = io.dtype.as_deref().and_then(DType::from_name).ok_or_else(|| {
				format!("{side} `{}` has a dtype the chain does not carry", io.name)
			})?;
			let shape = io
				.shape
				.iter()
				.map(|d| {
					d.parse::<u32>().ok().filter(|d| *d > 0).ok_or_else(|| {
						format!(
							"{side} `{}` has dimension `{d}`, which is not fixed: pin the inputs \
							 with --shape NAME=DIMS",
							io.name
						)
					})
				})
				.collect::<Result<Vec<u32>, String>>()?;
			Ok(TensorSpec {
				name: io
					.name
					.as_bytes()
					.to_vec()
					.try_into()
					.map_err(|_| format!("{side} name `{}` is too long", io.name))?,
				dtype,
				shape: shape
					.try_into()
					.map_err(|_| format!("{side} `{}` has too many dimensions", io.name))?,
			})
		})
		.collect::<Result<Vec<_>, String>>()?;
	specs.try_into().map_err(|_| format!("the model has too many {side}s"))
}

/// What an upload did, for the operator.
#[derive(Debug, serde::Serialize)]
struct Summary {
	model_id: String,
	size: u32,
	chunks: u32,
	chunks_sent: u32,
	first_block: u32,
	last_block: u32,
	blocks: u32,
	seconds: f64,
	mib_per_second: f64,
}

impl UploadCmd {
	/// Runs the upload; `Err` is a one-line message for the operator.
	pub fn run(&self, sandbox: &Sandbox) -> Result<(), String> {
		let bytes = read_model(&self.model)?;
		#[cfg(feature = "dishonest")]
		let unchecked = self.unchecked_cost;
		#[cfg(not(feature = "dishonest"))]
		let unchecked: Option<ModelCost> = None;
		let (inputs, outputs, cost) = match unchecked {
			Some(cost) => {
				let (inputs, outputs) = sibyl_engine::declared_io(&bytes)
					.map_err(|e| format!("cannot read the model's inputs and outputs: {e}"))?;
				(schema(&inputs, "input")?, schema(&outputs, "output")?, cost)
			},
			None => {
				let info = inspect_with_shapes(sandbox, &bytes, &self.shapes)?;
				if let Some(why) = &info.rejection {
					return Err(format!(
						"the engine rejects this model, so it was not registered: {why}"
					));
				}
				let cost = declared_cost(&info)?;
				(schema(&info.inputs, "input")?, schema(&info.outputs, "output")?, cost)
			},
		};
		let policy = VerificationPolicy {
			replicas: self.replicas,
			verifiers: self.verifiers,
			sample_ppm: self.sample_ppm,
			tolerance: self.tolerance,
		};
		if !policy.is_valid() {
			return Err(format!("invalid verification policy {policy:?}"));
		}
		let levels =
			LevelBounds { min_sample_ppm: self.min_sample_ppm, max_verifiers: self.max_verifiers };
		if !levels.is_valid_for(&policy) {
			return Err(format!(
				"--min-sample-ppm {} and --max-verifiers {} must allow the model's own policy \
				 (sample {} ppm, {} verifiers)",
				levels.min_sample_ppm, levels.max_verifiers, policy.sample_ppm, policy.verifiers
			));
		}
		let runtime = tokio::runtime::Builder::new_current_thread()
			.enable_all()
			.build()
			.map_err(|e| format!("cannot start the async runtime: {e}"))?;
		let summary =
			runtime.block_on(self.upload(bytes, inputs, outputs, (policy, levels), cost))?;
		if self.json {
			println!("{}", serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?);
		} else {
			println!(
				"model {} available: {} bytes in {} chunks ({} sent), blocks #{}..#{} ({} blocks), \
				 {:.1} s, {:.2} MiB/s",
				summary.model_id,
				summary.size,
				summary.chunks,
				summary.chunks_sent,
				summary.first_block,
				summary.last_block,
				summary.blocks,
				summary.seconds,
				summary.mib_per_second
			);
		}
		Ok(())
	}

	async fn upload(
		&self,
		bytes: Vec<u8>,
		inputs: Schema,
		outputs: Schema,
		(policy, levels): (VerificationPolicy, LevelBounds),
		cost: ModelCost,
	) -> Result<Summary, String> {
		let started = Instant::now();
		let chain = Chain::connect_signed(&self.url, &self.suri).await?;
		let id = ModelId::of(&bytes);
		let chunk_size = sibyl_runtime::configs::MODEL_CHUNK_SIZE as usize;
		let pieces: Vec<&[u8]> = bytes.chunks(chunk_size).collect();
		let size = u32::try_from(bytes.len()).map_err(|_| "model too large".to_string())?;
		let chunks = pieces.len() as u32;

		let first_block = match registered(&chain, id).await? {
			Some(existing) if Some(&existing.owner) != chain.account() => {
				return Err(format!("model {} is registered by another account", id.to_hex()))
			},
			Some(existing) if existing.status == ModelStatus::Retired => {
				return Err(format!("model {} is retired", id.to_hex()))
			},
			Some(existing) => {
				eprintln!("model {} is already registered: resuming", id.to_hex());
				existing.registered_at
			},
			None => {
				let meta = pallet_models::ModelMeta {
					id,
					size,
					chunk_hashes: pieces
						.iter()
						.map(|piece| H256(sp_io::hashing::blake2_256(piece)))
						.collect::<Vec<_>>()
						.try_into()
						.map_err(|_| "too many chunks".to_string())?,
					name: self
						.name
						.as_bytes()
						.to_vec()
						.try_into()
						.map_err(|_| "the name is longer than 64 bytes".to_string())?,
					version: self.model_version,
					inputs,
					outputs,
					price: self.price,
					policy,
					levels,
					cost,
				};
				let call =
					RuntimeCall::Models(pallet_models::Call::register { meta: Box::new(meta) });
				let block = chain.submit(call).await.map_err(|e| format!("register: {e}"))?;
				let number = chain.block_number(block).await?;
				eprintln!("registered {} in block #{number}", id.to_hex());
				number
			},
		};

		let mut missing = Vec::new();
		for index in 0..chunks {
			if !chunk_received(&chain, id, index).await? {
				missing.push(index);
			}
		}
		let mut last_block = first_block;
		let mut sent = 0u32;
		if registered_on_best(&chain, id).await?.status == ModelStatus::Uploading {
			let mut in_flight = FuturesUnordered::new();
			let mut queue = missing.into_iter();
			loop {
				while in_flight.len() < self.window as usize {
					let Some(index) = queue.next() else { break };
					let piece = pieces.get(index as usize).ok_or("chunk index out of range")?;
					let call = RuntimeCall::Models(pallet_models::Call::upload_chunk {
						id,
						index,
						bytes: piece.to_vec().try_into().map_err(|_| "chunk too large")?,
					});
					let nonce = chain.next_nonce()?;
					let chain = &chain;
					in_flight.push(async move { (index, chain.submit_at(call, nonce).await) });
				}
				let Some((index, result)) = in_flight.next().await else { break };
				let block = result.map_err(|e| format!("chunk {index}: {e}"))?;
				let number = chain.block_number(block).await?;
				last_block = last_block.max(number);
				sent += 1;
				if !self.json {
					eprintln!("chunk {}/{chunks} in block #{number}", sent);
				}
			}
		}

		// A chunk included in a block that a reorg then retracted (BABE forks now and then) is
		// not on the best chain yet: the pool puts it back, and it lands a block or two later.
		let mut model = registered_on_best(&chain, id).await?;
		let waited = Instant::now();
		while model.status == ModelStatus::Uploading && waited.elapsed() < REORG_WAIT {
			tokio::time::sleep(REORG_POLL).await;
			model = registered_on_best(&chain, id).await?;
		}
		if model.status == ModelStatus::Uploading {
			return Err(format!(
				"{} of {} chunks are on chain; run the command again to resume",
				model.chunks_received, model.chunk_count
			));
		}
		let seconds = started.elapsed().as_secs_f64();
		Ok(Summary {
			model_id: id.to_hex(),
			size,
			chunks,
			chunks_sent: sent,
			first_block,
			last_block,
			blocks: last_block.saturating_sub(first_block),
			seconds,
			mib_per_second: f64::from(size) / (1024.0 * 1024.0) / seconds.max(1e-9),
		})
	}
}

/// The registry's record of `id`, if any.
async fn registered(
	chain: &Chain,
	id: ModelId,
) -> Result<Option<ModelInfo<AccountId, Balance, BlockNumber>>, String> {
	chain.runtime_api("ModelsApi_model", id).await
}

/// The registry's record of `id` at the best block, waiting up to [`REORG_WAIT`] for it: a
/// registration included in a block that a reorg then retracted is put back in the pool and
/// lands a block or two later, like a chunk.
async fn registered_on_best(
	chain: &Chain,
	id: ModelId,
) -> Result<ModelInfo<AccountId, Balance, BlockNumber>, String> {
	let waited = Instant::now();
	loop {
		if let Some(model) = registered(chain, id).await? {
			return Ok(model);
		}
		if waited.elapsed() >= REORG_WAIT {
			return Err("the model vanished from the registry".into());
		}
		tokio::time::sleep(REORG_POLL).await;
	}
}

/// Whether the chain has chunk `index` of model `id`.
async fn chunk_received(chain: &Chain, id: ModelId, index: u32) -> Result<bool, String> {
	let key = pallet_models::ChunkReceived::<Runtime>::hashed_key_for(id, index);
	Ok(chain.raw_storage(&key, None).await?.is_some())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn tolerances_parse() {
		assert_eq!(parse_tolerance("exact"), Ok(Tolerance::Exact));
		assert_eq!(
			parse_tolerance("abs=1000,rel=10"),
			Ok(Tolerance::Within { abs_ppb: 1000, rel_ppb: 10 })
		);
		assert_eq!(parse_tolerance("rel=5"), Ok(Tolerance::Within { abs_ppb: 0, rel_ppb: 5 }));
		assert_eq!(parse_tolerance("argmax"), Ok(Tolerance::TopK { k: 1 }));
		assert_eq!(parse_tolerance("top=3"), Ok(Tolerance::TopK { k: 3 }));
		assert!(parse_tolerance("top=0").is_err());
		assert!(parse_tolerance("abs=-1").is_err());
		assert!(parse_tolerance("eps=1").is_err());
		assert!(parse_tolerance("loose").is_err());
	}

	#[test]
	fn schema_needs_fixed_dims_and_known_dtypes() {
		let io = |dtype: &str, shape: &[&str]| sibyl_engine::IoInfo {
			name: "x".into(),
			dtype: Some(dtype.into()),
			shape: shape.iter().map(|s| s.to_string()).collect(),
		};
		let ok = schema(&[io("f32", &["1", "64"])], "input").unwrap();
		assert_eq!(ok.first().map(|s| s.shape.to_vec()), Some(vec![1, 64]));
		assert!(schema(&[io("f32", &["N", "64"])], "input").unwrap_err().contains("--shape"));
		assert!(schema(&[io("f32", &["0"])], "input").is_err());
		assert!(schema(&[io("f16", &["1"])], "input").is_err());
	}
}
