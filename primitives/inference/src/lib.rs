//! Sibyl's inference host interface.
//!
//! Runtime code (offchain workers) runs an ONNX model by its [`ModelId`] through
//! [`run_model`]. The model runs on the host, in the node's engine, reached through the
//! [`InferenceExt`] externalities extension. The node registers that extension for offchain
//! workers only: block import never runs a model, and a call anywhere else returns
//! [`InferenceError::Unavailable`] instead of panicking.
//!
//! ## The two host functions
//!
//! Outputs are not allocated by the host inside runtime memory (that strategy is deprecated):
//! [`inference::run`] runs the model and keeps the SCALE-encoded output on the host, returning
//! its length or a negative error code; the runtime then allocates a buffer of that length and
//! [`inference::read_output`] copies the output into it.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::{vec, vec::Vec};
use codec::{Decode, Encode};
use sibyl_primitives::tensor::{MAX_TENSORS, MAX_TENSOR_BYTES};
pub use sibyl_primitives::{registry::ModelCost, InferenceError, ModelId, Tensor};
use sp_runtime_interface::{
	pass_by::{
		PassFatPointerAndRead, PassFatPointerAndReadWrite, PassPointerAndRead, PassPointerAndWrite,
	},
	runtime_interface,
};

/// Largest SCALE-encoded output the runtime accepts from the host.
pub const MAX_OUTPUT_BYTES: usize = (MAX_TENSOR_BYTES as usize).saturating_mul(2);

/// What the host runs models with. The node implements it over its engine and model store.
#[cfg(feature = "std")]
pub trait InferenceBackend: Send + Sync {
	/// Runs the model `model` on `inputs`, refusing with [`InferenceError::OverBudget`] a call
	/// the engine estimates above `budget` (`None`: only the engine's own limits).
	fn run(
		&self,
		model: &ModelId,
		inputs: &[Tensor],
		budget: Option<&ModelCost>,
	) -> Result<Vec<Tensor>, InferenceError>;
	/// The engine's identity (tract release and pinned kernel set, as
	/// [`sibyl_primitives::ENGINE_IDENTITY`] spells it), or `None` if this CPU cannot run it.
	fn identity(&self) -> Option<String>;
}

/// The host side of the interface: a backend and the output waiting to be read.
#[cfg(feature = "std")]
pub struct InferenceHost {
	backend: std::sync::Arc<dyn InferenceBackend>,
	output: Option<Vec<u8>>,
}

#[cfg(feature = "std")]
impl InferenceHost {
	/// A host running models with `backend`.
	pub fn new(backend: std::sync::Arc<dyn InferenceBackend>) -> InferenceHost {
		InferenceHost { backend, output: None }
	}
}

#[cfg(feature = "std")]
sp_externalities::decl_extension! {
	/// The engine, as offchain workers reach it.
	pub struct InferenceExt(InferenceHost);
}

#[cfg(feature = "std")]
impl InferenceExt {
	/// The extension over `backend`.
	pub fn new(backend: std::sync::Arc<dyn InferenceBackend>) -> InferenceExt {
		InferenceExt(InferenceHost::new(backend))
	}
}

#[cfg(feature = "std")]
impl InferenceHost {
	/// Runs a call and keeps its encoded output; its length, or a negative error code.
	fn run(&mut self, model_id: &[u8; 32], input: &[u8], budget: Option<&ModelCost>) -> i64 {
		self.output = None;
		let inputs = match <Vec<Tensor>>::decode(&mut &input[..]) {
			Ok(inputs) if inputs.len() <= MAX_TENSORS as usize => inputs,
			_ => return status(InferenceError::InvalidInput),
		};
		match self.backend.run(&ModelId(*model_id), &inputs, budget) {
			Ok(outputs) => {
				let encoded = outputs.encode();
				if encoded.len() > MAX_OUTPUT_BYTES {
					return status(InferenceError::OutputTooLarge);
				}
				let len = i64::try_from(encoded.len()).unwrap_or(i64::MAX);
				self.output = Some(encoded);
				len
			},
			Err(error) => status(error),
		}
	}
}

/// Status code for `error`: its code, negated.
#[cfg(feature = "std")]
fn status(error: InferenceError) -> i64 {
	0i64.saturating_sub(i64::from(error.code()))
}

/// Host functions of the inference interface.
#[runtime_interface]
pub trait Inference {
	/// Runs the model `model_id` on the SCALE-encoded `Vec<Tensor>` in `input`.
	///
	/// Returns the byte length of the SCALE-encoded `Vec<Tensor>` output, kept by the host for
	/// [`read_output`](inference::read_output), or a negative [`InferenceError`] code.
	fn run(
		&mut self,
		model_id: PassPointerAndRead<&[u8; 32], 32>,
		input: PassFatPointerAndRead<&[u8]>,
	) -> i64 {
		use sp_externalities::ExternalitiesExt;
		let Some(host) = self.extension::<InferenceExt>() else {
			return status(InferenceError::Unavailable);
		};
		host.run(model_id, input, None)
	}

	/// [`run`](inference::run) within a budget: a call the engine estimates above `ops`
	/// operations or `memory` bytes fails with [`InferenceError::OverBudget`] before it runs.
	fn run_within(
		&mut self,
		model_id: PassPointerAndRead<&[u8; 32], 32>,
		input: PassFatPointerAndRead<&[u8]>,
		ops: u64,
		memory: u64,
	) -> i64 {
		use sp_externalities::ExternalitiesExt;
		let Some(host) = self.extension::<InferenceExt>() else {
			return status(InferenceError::Unavailable);
		};
		host.run(model_id, input, Some(&ModelCost { ops, memory }))
	}

	/// Writes `blake2_256` of the host engine's identity into `out` (see
	/// [`sibyl_primitives::ENGINE_IDENTITY`]); zeros when there is no engine here or its CPU
	/// cannot run the pinned kernels.
	fn engine_identity(&mut self, out: PassPointerAndWrite<&mut [u8; 32], 32>) {
		use sp_externalities::ExternalitiesExt;
		*out = [0u8; 32];
		if let Some(host) = self.extension::<InferenceExt>() {
			if let Some(identity) = host.backend.identity() {
				*out = sibyl_primitives::engine_identity_hash(&identity);
			}
		}
	}

	/// Copies the output of the last successful [`run`](inference::run) into `out` and forgets
	/// it. Returns the bytes copied: 0 if there is no output or `out` has the wrong length.
	fn read_output(&mut self, out: PassFatPointerAndReadWrite<&mut [u8]>) -> u32 {
		use sp_externalities::ExternalitiesExt;
		let Some(host) = self.extension::<InferenceExt>() else { return 0 };
		match host.output.take() {
			Some(output) if output.len() == out.len() => {
				out.copy_from_slice(&output);
				u32::try_from(output.len()).unwrap_or(0)
			},
			_ => 0,
		}
	}
}

/// Runs the model `model_id` on `inputs` on the host; available in offchain workers only.
pub fn run_model(model_id: &ModelId, inputs: &[Tensor]) -> Result<Vec<Tensor>, InferenceError> {
	read_result(inference::run(&model_id.0, &inputs.encode()))
}

/// [`run_model`] within the model's declared cost: a call the engine estimates above `budget`
/// fails with [`InferenceError::OverBudget`] on every node, before it runs.
pub fn run_model_within(
	model_id: &ModelId,
	inputs: &[Tensor],
	budget: &ModelCost,
) -> Result<Vec<Tensor>, InferenceError> {
	read_result(inference::run_within(&model_id.0, &inputs.encode(), budget.ops, budget.memory))
}

/// The outputs of a call whose status is `code`, read from the host.
fn read_result(code: i64) -> Result<Vec<Tensor>, InferenceError> {
	if code < 0 {
		return Err(InferenceError::from_code(code.unsigned_abs()));
	}
	let len = usize::try_from(code).map_err(|_| InferenceError::OutputTooLarge)?;
	if len > MAX_OUTPUT_BYTES {
		return Err(InferenceError::OutputTooLarge);
	}
	let mut buffer = vec![0u8; len];
	let copied = inference::read_output(&mut buffer);
	if usize::try_from(copied).ok() != Some(len) {
		return Err(InferenceError::ExecutionFailed);
	}
	let outputs =
		<Vec<Tensor>>::decode(&mut &buffer[..]).map_err(|_| InferenceError::ExecutionFailed)?;
	if outputs.len() > MAX_TENSORS as usize || !outputs.iter().all(Tensor::is_consistent) {
		return Err(InferenceError::ExecutionFailed);
	}
	Ok(outputs)
}

/// Whether the host's engine is the one this runtime expects
/// ([`sibyl_primitives::ENGINE_IDENTITY`]); `false` outside offchain workers.
pub fn engine_matches() -> bool {
	let mut identity = [0u8; 32];
	inference::engine_identity(&mut identity);
	identity == sibyl_primitives::engine_identity_hash(sibyl_primitives::ENGINE_IDENTITY)
}

sp_api::decl_runtime_apis! {
	/// Runs models through the host interface exactly as offchain workers do.
	///
	/// Outside an offchain-worker context (for instance `state_call` over RPC) there is no
	/// engine, and every call answers `Err(InferenceError::Unavailable)`.
	pub trait InferenceHostApi {
		/// Runs `model_id` on `inputs`.
		fn run_model(model_id: ModelId, inputs: Vec<Tensor>) -> Result<Vec<Tensor>, InferenceError>;
	}
}

/// The host functions to add to the node's executor, next to `sp_io::SubstrateHostFunctions`.
#[cfg(feature = "std")]
pub type HostFunctions = inference::HostFunctions;
