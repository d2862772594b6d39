//! Engine errors: detailed inside the node, mapped to [`InferenceError`] at the host boundary.

use std::fmt;

use sibyl_primitives::{DType, InferenceError, ModelId};

/// Why the engine refused or failed a call. `Display` says it for an operator.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineError {
	/// The model store does not hold the model.
	ModelNotFound(ModelId),
	/// The bytes do not hash to the expected model id.
	ModelHashMismatch {
		/// The id asked for.
		expected: ModelId,
		/// The hash of the bytes found.
		actual: ModelId,
	},
	/// The bytes are not a loadable ONNX model.
	InvalidModel(String),
	/// The model file is larger than the limit.
	ModelTooLarge {
		/// Size of the model.
		bytes: usize,
		/// The limit.
		limit: usize,
	},
	/// A tensor inside the model would exceed the intermediate-size limit.
	IntermediateTooLarge {
		/// The node that produces it.
		node: String,
		/// Its size in bytes, if known.
		bytes: u64,
		/// The limit.
		limit: usize,
	},
	/// The model uses operators the engine does not support.
	UnsupportedOperator(Vec<String>),
	/// A dimension cannot be bounded.
	UnboundedShape(String),
	/// Wrong number of inputs.
	InputCountMismatch {
		/// What the model takes.
		expected: usize,
		/// What was given.
		given: usize,
	},
	/// An input's dtype differs from the model's.
	InputTypeMismatch {
		/// Input name.
		input: String,
		/// What the model takes.
		expected: String,
		/// What was given.
		given: DType,
	},
	/// An input's shape differs from the model's.
	InputShapeMismatch {
		/// Input name.
		input: String,
		/// What the model takes (`?` for a dynamic dimension).
		expected: String,
		/// What was given.
		given: Vec<u32>,
	},
	/// An input is malformed.
	InvalidInput(String),
	/// A float input holds NaN or infinity.
	NonFiniteInput {
		/// Input position.
		index: usize,
	},
	/// The inputs are larger than the limit.
	InputTooLarge {
		/// Their size.
		bytes: u64,
		/// The limit.
		limit: usize,
	},
	/// The outputs would be larger than the limit.
	OutputTooLarge {
		/// Their size.
		bytes: u64,
		/// The limit.
		limit: usize,
	},
	/// The call ran past the time limit.
	Timeout {
		/// The limit, in milliseconds.
		limit_ms: u128,
	},
	/// Calls that ran past their time limit still occupy the engine.
	Busy,
	/// The engine failed while running the model on this input (an operator refused it).
	ExecutionFailed(String),
	/// An output holds NaN or infinity.
	NonFiniteOutput {
		/// Output position.
		index: usize,
	},
	/// Something about this node went wrong (a worker thread, a poisoned lock): not the
	/// model's or the input's doing.
	Internal(String),
	/// This CPU cannot run the pinned kernel set that makes outputs bit-identical across nodes
	/// (or the engine's identity differs from the chain's).
	EngineMismatch(String),
	/// The call's estimated cost exceeds the budget the model declared.
	OverBudget {
		/// What was exceeded: `ops` or `memory`.
		what: &'static str,
		/// The engine's estimate.
		cost: u64,
		/// The declared budget.
		budget: u64,
	},
	/// The sandbox killed the worker process running the call: it hit this node's memory
	/// limit or crashed.
	ResourceLimit(String),
	/// An error reported by a worker process: its code and its message.
	Worker {
		/// The code that crosses the host interface.
		error: InferenceError,
		/// What the worker said.
		message: String,
	},
}

impl EngineError {
	/// The error a poisoned lock leaves behind: only after a panic elsewhere in the engine.
	pub(crate) fn poisoned() -> EngineError {
		EngineError::Internal("engine state poisoned by an earlier panic".into())
	}

	/// The code that crosses the host interface.
	pub fn to_inference_error(&self) -> InferenceError {
		use EngineError::*;
		match self {
			ModelNotFound(_) => InferenceError::ModelNotFound,
			ModelHashMismatch { .. } => InferenceError::ModelHashMismatch,
			InvalidModel(_) => InferenceError::InvalidModel,
			ModelTooLarge { .. } | IntermediateTooLarge { .. } => InferenceError::ModelTooLarge,
			UnsupportedOperator(_) => InferenceError::UnsupportedOperator,
			UnboundedShape(_) => InferenceError::UnboundedShape,
			InputCountMismatch { .. } => InferenceError::InputCountMismatch,
			InputTypeMismatch { .. } => InferenceError::InputTypeMismatch,
			InputShapeMismatch { .. } => InferenceError::InputShapeMismatch,
			InvalidInput(_) => InferenceError::InvalidInput,
			NonFiniteInput { .. } => InferenceError::NonFiniteInput,
			InputTooLarge { .. } => InferenceError::InputTooLarge,
			OutputTooLarge { .. } => InferenceError::OutputTooLarge,
			Timeout { .. } => InferenceError::Timeout,
			Busy => InferenceError::Busy,
			ExecutionFailed(_) => InferenceError::ExecutionFailed,
			NonFiniteOutput { .. } => InferenceError::NonFiniteOutput,
			Internal(_) => InferenceError::Busy,
			EngineMismatch(_) => InferenceError::EngineMismatch,
			OverBudget { .. } => InferenceError::OverBudget,
			ResourceLimit(_) => InferenceError::ResourceLimit,
			Worker { error, .. } => *error,
		}
	}
}

impl fmt::Display for EngineError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		use EngineError::*;
		match self {
			ModelNotFound(id) => write!(f, "model {} is not in the model store", id.to_hex()),
			ModelHashMismatch { expected, actual } => write!(
				f,
				"model bytes hash to {}, not to the expected id {}",
				actual.to_hex(),
				expected.to_hex()
			),
			InvalidModel(why) => write!(f, "not a loadable ONNX model: {why}"),
			ModelTooLarge { bytes, limit } => {
				write!(f, "model is {bytes} bytes, above the limit of {limit}")
			},
			IntermediateTooLarge { node, bytes, limit } => write!(
				f,
				"node `{node}` would produce a {bytes}-byte tensor, above the limit of {limit}"
			),
			UnsupportedOperator(ops) => {
				write!(f, "unsupported ONNX operator(s): {}", ops.join(", "))
			},
			UnboundedShape(why) => write!(f, "unbounded shape: {why}"),
			InputCountMismatch { expected, given } => {
				write!(f, "model takes {expected} input(s), {given} given")
			},
			InputTypeMismatch { input, expected, given } => {
				write!(f, "input `{input}` must be {expected}, got {}", given.name())
			},
			InputShapeMismatch { input, expected, given } => {
				write!(f, "input `{input}` must have shape {expected}, got {given:?}")
			},
			InvalidInput(why) => write!(f, "invalid input: {why}"),
			NonFiniteInput { index } => write!(f, "input #{index} holds NaN or infinity"),
			InputTooLarge { bytes, limit } => {
				write!(f, "inputs are {bytes} bytes, above the limit of {limit}")
			},
			OutputTooLarge { bytes, limit } => {
				write!(f, "outputs would be {bytes} bytes, above the limit of {limit}")
			},
			Timeout { limit_ms } => write!(f, "model ran past the time limit of {limit_ms} ms"),
			Busy => write!(f, "engine busy with calls that ran past their time limit"),
			ExecutionFailed(why) => write!(f, "execution failed: {why}"),
			NonFiniteOutput { index } => write!(f, "output #{index} holds NaN or infinity"),
			Internal(why) => write!(f, "engine fault on this node: {why}"),
			EngineMismatch(why) => write!(f, "{why}"),
			OverBudget { what, cost, budget } => {
				write!(f, "the model needs {cost} {what} per call, above the {budget} it declared")
			},
			ResourceLimit(why) => write!(f, "the engine sandbox stopped the model: {why}"),
			Worker { message, .. } => write!(f, "{message}"),
		}
	}
}

impl std::error::Error for EngineError {}
