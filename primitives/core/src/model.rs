//! Model identity and output commitments.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_crypto_hashing::blake2_256;

use crate::tensor::Tensor;

/// A model's id: the blake2-256 hash of its ONNX bytes.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Hash,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct ModelId(pub [u8; 32]);

impl ModelId {
	/// The id of the model whose ONNX bytes are `bytes`.
	pub fn of(bytes: &[u8]) -> ModelId {
		ModelId(blake2_256(bytes))
	}

	/// `0x`-prefixed lower-case hex.
	#[cfg(feature = "std")]
	pub fn to_hex(&self) -> String {
		crate::to_hex(&self.0)
	}

	/// Parses `0x`-prefixed (or bare) hex of 32 bytes.
	#[cfg(feature = "std")]
	pub fn from_hex(text: &str) -> Option<ModelId> {
		crate::from_hex(text)?.try_into().ok().map(ModelId)
	}
}

/// The id of an inference request.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Hash,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct RequestId(pub u64);

/// What a commitment is bound to, so it cannot be replayed elsewhere.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum CommitmentDomain {
	/// A run outside any chain (the operator CLI, benchmarks).
	Local,
	/// An on-chain request: the chain's genesis hash and the request id.
	Request {
		/// Genesis hash of the chain the request lives on.
		genesis_hash: H256,
		/// The request.
		request_id: RequestId,
	},
}

/// Domain separation tag of commitments.
pub const COMMITMENT_TAG: &[u8; 19] = b"sibyl/commitment/v1";

/// `blake2_256(SCALE(tensors))`: the hash of a model input or output.
pub fn tensors_hash(tensors: &[Tensor]) -> H256 {
	H256(tensors.using_encoded(blake2_256))
}

/// `blake2_256(tag ‖ domain ‖ model id ‖ input hash ‖ output hash)`, SCALE-encoded.
pub fn commitment(
	domain: &CommitmentDomain,
	model_id: &ModelId,
	input_hash: &H256,
	output_hash: &H256,
) -> H256 {
	H256((COMMITMENT_TAG, domain, model_id, input_hash, output_hash).using_encoded(blake2_256))
}

/// Why a model call through the host interface failed. Codes are stable: the host passes
/// them to the runtime as integers.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
)]
pub enum InferenceError {
	/// No engine here: the host interface was called outside an offchain worker.
	Unavailable = 1,
	/// The node's model store does not hold this model.
	ModelNotFound = 2,
	/// The stored bytes do not hash to the model id.
	ModelHashMismatch = 3,
	/// The bytes are not a loadable ONNX model.
	InvalidModel = 4,
	/// The model is larger than the engine accepts.
	ModelTooLarge = 5,
	/// The model uses an operator the engine does not support.
	UnsupportedOperator = 6,
	/// A model dimension cannot be bounded from the input shapes.
	UnboundedShape = 7,
	/// The number of input tensors differs from the model's inputs.
	InputCountMismatch = 8,
	/// An input's dtype differs from the model's.
	InputTypeMismatch = 9,
	/// An input's rank or dimensions differ from the model's.
	InputShapeMismatch = 10,
	/// An input is malformed: undecodable, or its data length does not match its shape.
	InvalidInput = 11,
	/// A floating-point input holds NaN or infinity.
	NonFiniteInput = 12,
	/// An input is larger than the engine accepts.
	InputTooLarge = 13,
	/// The output is larger than the engine accepts.
	OutputTooLarge = 14,
	/// The model ran past the engine's time limit.
	Timeout = 15,
	/// The engine is still busy with calls that ran past their time limit.
	Busy = 16,
	/// The engine failed while running the model on this input (an operator refused it).
	ExecutionFailed = 17,
	/// The model ran, but an output holds NaN or infinity (for instance a finite input that
	/// overflows the model).
	NonFiniteOutput = 18,
	/// The model ran, but its outputs do not match the output schema it was registered with.
	OutputSchemaMismatch = 19,
	/// This node's engine cannot compute the bits the chain expects: its CPU lacks the pinned
	/// kernel set, or its engine identity differs from the runtime's [`crate::ENGINE_IDENTITY`].
	EngineMismatch = 20,
	/// The model's cost on this input (multiply-adds and element operations, or peak memory),
	/// as the engine estimates it from the graph, exceeds what the model declared at
	/// registration ([`crate::registry::ModelCost`]). Every node computes the same estimate.
	OverBudget = 21,
	/// The engine's sandbox killed the worker process running the model on this node: it hit
	/// the node's memory limit or crashed. Limits are the node's own settings, so this is not
	/// an outcome: the node steps aside.
	ResourceLimit = 22,
}

impl InferenceError {
	/// Every error, in code order.
	pub const ALL: [InferenceError; 22] = [
		InferenceError::Unavailable,
		InferenceError::ModelNotFound,
		InferenceError::ModelHashMismatch,
		InferenceError::InvalidModel,
		InferenceError::ModelTooLarge,
		InferenceError::UnsupportedOperator,
		InferenceError::UnboundedShape,
		InferenceError::InputCountMismatch,
		InferenceError::InputTypeMismatch,
		InferenceError::InputShapeMismatch,
		InferenceError::InvalidInput,
		InferenceError::NonFiniteInput,
		InferenceError::InputTooLarge,
		InferenceError::OutputTooLarge,
		InferenceError::Timeout,
		InferenceError::Busy,
		InferenceError::ExecutionFailed,
		InferenceError::NonFiniteOutput,
		InferenceError::OutputSchemaMismatch,
		InferenceError::EngineMismatch,
		InferenceError::OverBudget,
		InferenceError::ResourceLimit,
	];

	/// Whether every honest node reproduces this error for the same model and input, so that it
	/// is the request's *outcome* (sealed, revealed and judged like an output) rather than
	/// something about the node that met it.
	///
	/// The model and its input decide these: a model the engine refuses, an input that does not
	/// fit it, an operator that fails on the input, an output that is not finite or does not
	/// match the schema. The others are the node's own state: no engine here
	/// ([`Unavailable`](Self::Unavailable)), the model not (or wrongly) in its store yet, a
	/// wall-clock time limit, a busy engine, a worker process killed at this node's memory
	/// limit. A node that meets one of those steps aside from
	/// its seat instead, without penalty.
	pub const fn is_outcome(self) -> bool {
		!matches!(
			self,
			InferenceError::Unavailable
				| InferenceError::ModelNotFound
				| InferenceError::ModelHashMismatch
				| InferenceError::Timeout
				| InferenceError::Busy
				| InferenceError::EngineMismatch
				| InferenceError::ResourceLimit
		)
	}

	/// The stable integer code.
	pub const fn code(self) -> u8 {
		self as u8
	}

	/// The error with code `code`; unknown codes read as [`InferenceError::ExecutionFailed`].
	pub fn from_code(code: u64) -> InferenceError {
		InferenceError::ALL
			.into_iter()
			.find(|e| u64::from(e.code()) == code)
			.unwrap_or(InferenceError::ExecutionFailed)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn codes_round_trip_and_only_the_models_verdicts_are_outcomes() {
		for (ix, error) in InferenceError::ALL.into_iter().enumerate() {
			assert_eq!(usize::from(error.code()), ix + 1, "codes are dense and stable");
			assert_eq!(InferenceError::from_code(u64::from(error.code())), error);
		}
		// The declared budget is the model's, the same on every node; a sandbox's memory kill
		// is this node's limit.
		assert!(InferenceError::OverBudget.is_outcome());
		assert!(!InferenceError::ResourceLimit.is_outcome());
		assert!(!InferenceError::Timeout.is_outcome());
		assert!(InferenceError::NonFiniteOutput.is_outcome());
	}
}
