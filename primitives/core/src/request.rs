//! Inference requests as the chain records them.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::{ConstU32, H256};
use sp_runtime::BoundedVec;

use crate::{
	model::{InferenceError, ModelId},
	registry::MAX_REPLICAS,
	roles::NodeKey,
};

/// Domain tag of the output hash that stands in for a failed run in an attestation.
pub const FAILURE_TAG: &[u8; 16] = b"sibyl/failure/v1";

/// The "output hash" an executor attests to when the model could not run: bound to the error.
pub fn failure_hash(error: InferenceError) -> H256 {
	H256((FAILURE_TAG, error).using_encoded(sp_crypto_hashing::blake2_256))
}

/// One executor's place in a request.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Slot<AccountId> {
	/// The bonded account running the request.
	pub executor: AccountId,
	/// Its inference key, which must sign the result.
	pub key: NodeKey,
	/// Hash of the output it submitted, once it has.
	pub output: Option<H256>,
}

/// Why a request's fee went back to the requester.
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
)]
pub enum RefundReason {
	/// No executor answered within the deadline, after every allowed reassignment.
	Timeout,
	/// Not enough bonded inference nodes to (re)assign the request.
	NoExecutors,
	/// The executors could not run the model; the engine's error.
	ExecutionFailed(InferenceError),
	/// The executors' outputs differ.
	NoAgreement,
	/// The chain had no room left to track the request's deadline.
	Overloaded,
}

/// How a request ended.
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
)]
pub enum Outcome {
	/// The result was accepted under the model's policy and the fee paid out.
	Verified {
		/// Hash of the accepted output (SCALE `Vec<Tensor>`).
		output_hash: H256,
	},
	/// The fee went back to the requester.
	Refunded(RefundReason),
	/// An executor was proven wrong: its bond was slashed and the requester refunded.
	SlashedAndRefunded(RefundReason),
}

/// Where a request is in its life.
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
)]
pub enum RequestState<BlockNumber> {
	/// Accepted; executors are drawn at the start of the next block.
	Queued,
	/// Executors are assigned and must answer by `deadline`.
	Running {
		/// Last block in which results are accepted.
		deadline: BlockNumber,
	},
	/// Ended with `outcome` in block `at`.
	Settled {
		/// How it ended.
		outcome: Outcome,
		/// Block of settlement.
		at: BlockNumber,
	},
}

/// A result as submitted: inline bytes, or only their hash when they are too large for state.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum ResultOutput<Inline> {
	/// SCALE `Vec<Tensor>` of the output, stored on chain.
	Inline(Inline),
	/// Output kept in the executor's offchain store under its hash.
	Stored {
		/// `blake2_256` of the SCALE `Vec<Tensor>`.
		hash: H256,
		/// Its length in bytes.
		len: u32,
	},
}

/// An inference request.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Request<AccountId, Balance, BlockNumber> {
	/// Who asked and paid.
	pub requester: AccountId,
	/// The model to run.
	pub model: ModelId,
	/// `blake2_256` of the SCALE input tensors.
	pub input_hash: H256,
	/// Fee escrowed: the model's price plus the execution fee of each replica.
	pub fee: Balance,
	/// The model owner, paid `royalty` on success.
	pub owner: AccountId,
	/// The model's price at request time.
	pub royalty: Balance,
	/// Block of the request.
	pub created: BlockNumber,
	/// Executors that run the request independently (the model's policy).
	pub replicas: u8,
	/// Assignments made so far (the first counts).
	pub attempts: u8,
	/// The executors of the current attempt.
	pub slots: BoundedVec<Slot<AccountId>, ConstU32<{ MAX_REPLICAS as u32 }>>,
	/// Life-cycle state.
	pub state: RequestState<BlockNumber>,
}
