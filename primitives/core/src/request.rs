//! Inference requests as the chain records them.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::{ConstU32, H256};
use sp_runtime::{BoundedVec, DispatchError, DispatchResult, Weight};

use crate::{
	model::{InferenceError, ModelId, RequestId},
	oracle::FeedBindings,
	registry::{VerificationLevel, VerificationPolicy, MAX_REPLICAS},
	roles::NodeKey,
	tensor::Tensors,
	verify::Seat,
};

/// Most seats of one request: its executors, its verifiers, and the verifiers an escalation adds
/// (`verifiers + 1`).
pub const MAX_SEATS: u32 = 3 * MAX_REPLICAS as u32 + 1;

/// Domain tag of the output hash that stands in for a failed run in an attestation.
pub const FAILURE_TAG: &[u8; 16] = b"sibyl/failure/v1";

/// The "output hash" of a failure outcome: what a seat seals, signs and reveals when the model
/// fails deterministically on the request's input (see [`InferenceError::is_outcome`]). Two seats
/// agree on a failure exactly when they name the same error.
pub fn failure_hash(error: InferenceError) -> H256 {
	H256((FAILURE_TAG, error).using_encoded(sp_crypto_hashing::blake2_256))
}

/// The offchain-storage key (persistent, local) under which a node keeps an output too large
/// for the chain, by its hash: the executor's offchain worker writes it, the node serves it to
/// peers and over RPC.
pub fn stored_output_key(hash: &H256) -> alloc::vec::Vec<u8> {
	(b"sibyl/outputs/", hash).encode()
}

/// One seat of a request: an executor or a verifier.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Slot<AccountId> {
	/// The bonded account holding the seat.
	pub node: AccountId,
	/// Its role key (`infr` for executors, `vrfy` for verifiers), which signs its messages.
	pub key: NodeKey,
	/// Executor or verifier.
	pub seat: Seat,
	/// The seal it committed, once it has.
	pub seal: Option<H256>,
	/// Hash of the output it revealed, once it has.
	pub output: Option<H256>,
}

/// Whether and how verifiers take part in a request.
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
pub enum Checking {
	/// Sampling is decided once the executors have committed.
	Pending,
	/// Not sampled: the executors' outputs stand alone.
	Skipped,
	/// Verifiers were drawn.
	Drawn,
	/// The seats disagreed and more verifiers were drawn; the next disagreement refunds.
	Escalated,
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
	serde::Serialize,
)]
pub enum RefundReason {
	/// No executor answered within the deadline, after every allowed reassignment.
	Timeout,
	/// Not enough bonded inference nodes to (re)assign the request.
	NoExecutors,
	/// The executor of the last allowed attempt stepped aside for a reason of its own (the
	/// model not in its store yet, a busy engine): the error it gave.
	Declined(InferenceError),
	/// No output won a majority of the seats, even after escalation.
	NoAgreement,
	/// A majority of the verifiers agreed on another output than the executors'.
	WrongResult,
	/// The chain had no room left to track the request's deadline, or the request waited
	/// `MaxQueueWait` blocks in the queue without a node with room for it.
	Overloaded,
	/// The request was to be checked, but fewer verifiers than its policy asks for could be
	/// seated, or stayed to reveal: it is never `Verified` with less checking than promised.
	NoVerifiers,
	/// The model was gone from the registry when the request's turn to be seated came (the
	/// registry does not purge a model with open requests: a defensive outcome).
	ModelPurged,
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
	/// A majority of the seats agreed that the model fails on this input with this error (for
	/// instance a finite input that overflows it): the executors and verifiers in line are paid
	/// for the work, nobody is penalized, and the rest of the fee (the model owner's price) goes
	/// back to the requester.
	Failed(InferenceError),
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
	/// Accepted, waiting for nodes with room: executors are drawn when the queue reaches it.
	/// A request that finds room is seated in the block that includes it and never waits here.
	Queued,
	/// Seats are assigned and must commit their seals by `deadline`.
	Committing {
		/// Last block in which commits are accepted.
		deadline: BlockNumber,
	},
	/// Seats reveal by `deadline`: executors their outputs, verifiers only their outputs'
	/// hashes.
	Revealing {
		/// Last block in which reveals are accepted.
		deadline: BlockNumber,
	},
	/// The model's tolerance needs the outputs behind verifiers' hashes that disagree: those
	/// verifiers open them by `deadline`. Only after the last escalation could have been drawn.
	Opening {
		/// Last block in which openings are accepted.
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

/// A result as submitted: inline bytes, only their hash when they are too large for state, a
/// failure, or (a verifier's reveal) only the outcome's hash.
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
	/// A failure outcome: the model fails on this input with this error, which every honest
	/// node reproduces ([`InferenceError::is_outcome`]). Stands for [`failure_hash`].
	Failed(InferenceError),
	/// A verifier's reveal: only the hash its seal bound (of an output, or a failure's
	/// [`failure_hash`]). Its outcome stays with the verifier, so that verifiers drawn when a
	/// round escalates cannot read it before they seal; it is opened only when the model's
	/// tolerance needs it ([`RequestState::Opening`]).
	Hashed(H256),
}

/// What the chain keeps of a request that settled with an outcome (`Verified` or `Failed`),
/// after the request itself is pruned: who asked, which model on which input, the outcome, and
/// the commitment every seat in line signed,
/// `commitment(Request { genesis, id }, model, input_hash, output_hash)` (see
/// [`crate::commitment`]), which anyone can recompute from these fields.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Receipt<AccountId, BlockNumber> {
	/// Who asked and paid.
	pub requester: AccountId,
	/// The model run.
	pub model: ModelId,
	/// `blake2_256` of the SCALE input tensors (feed values written in).
	pub input_hash: H256,
	/// `Verified { output_hash }` or `Failed(error)` (whose output hash is
	/// [`failure_hash`]).
	pub outcome: Outcome,
	/// The commitment the seats in line signed.
	pub commitment: H256,
	/// The verification level asked for (`None`: the model's policy).
	pub level: Option<VerificationLevel>,
	/// The checking it got.
	pub checking: Checking,
	/// The block it settled in.
	pub settled: BlockNumber,
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
	/// Fee escrowed: the model's price, the execution fee of each replica and the verification
	/// premium.
	pub fee: Balance,
	/// The verification premium within the fee, paid to the treasury that rewards verifiers.
	pub premium: Balance,
	/// The model owner, paid `royalty` on success.
	pub owner: AccountId,
	/// The model's price at request time.
	pub royalty: Balance,
	/// The compute fee of one run at the model's declared cost (`ComputeFeePerMegaOp` per
	/// million ops): paid on top of `ExecutionFee` to each executor in line, and on top of
	/// `VerificationFee` to each verifier in line.
	pub compute: Balance,
	/// Block of the request.
	pub created: BlockNumber,
	/// The verification level the requester chose; `None`: the model's policy.
	pub level: Option<VerificationLevel>,
	/// The policy the request runs under: the model's at request time, or the one its `level`
	/// resolves to.
	pub policy: VerificationPolicy,
	/// Executor assignments made so far (the first counts).
	pub attempts: u8,
	/// Whether verifiers check the request.
	pub checking: Checking,
	/// The seats: executors of the current attempt, then verifiers.
	pub slots: BoundedVec<Slot<AccountId>, ConstU32<MAX_SEATS>>,
	/// Life-cycle state.
	pub state: RequestState<BlockNumber>,
}

/// Why a request made on an account's behalf by another pallet (a schedule's run) was not made.
/// Nothing is held when it is refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Refused {
	/// The inference pallet's named error.
	pub error: DispatchError,
	/// Whether the same request may succeed later with nothing changed by its maker: a stale or
	/// too short feed, too few nodes, a full queue, a price above the maximum. Otherwise (the
	/// model retired, a feed gone, a level no longer allowed) it never will.
	pub transient: bool,
}

impl From<DispatchError> for Refused {
	/// An error from outside the request (a transactional layer too deep): not transient.
	fn from(error: DispatchError) -> Self {
		Refused { error, transient: false }
	}
}

/// Requests that other pallets make on an account's behalf: `Inference` provides it, and
/// `Schedules` makes its runs through it.
pub trait InferenceRequests<AccountId, Balance> {
	/// The fee of one call of `model` at `level` now, or the named error why it takes none.
	fn quote(model: &ModelId, level: Option<VerificationLevel>) -> Result<Balance, DispatchError>;
	/// Whether a request of `model` on `input` with `bindings` at `level` is well formed: the
	/// model takes requests, the input matches its schema, the level is allowed and every
	/// binding names a feed and writes inside the input. Reads no feed value, so a feed that is
	/// stale now passes.
	fn check(
		model: &ModelId,
		input: &Tensors,
		bindings: &FeedBindings,
		level: Option<VerificationLevel>,
	) -> DispatchResult;
	/// Makes a request for `who` exactly as `request_with_feeds` does: the feed values bound in
	/// this block, at most `max_fee` escrowed from `who`'s free balance.
	fn request(
		who: &AccountId,
		model: ModelId,
		input: Tensors,
		bindings: &FeedBindings,
		level: Option<VerificationLevel>,
		max_fee: Balance,
	) -> Result<RequestId, Refused>;
	/// The most [`Self::request`] can weigh with an input of `bytes` encoded bytes and
	/// `bindings` bindings.
	fn request_weight(bytes: u32, bindings: u32) -> Weight;
}

/// Told when a request ends (after its escrow is settled).
pub trait OnRequestSettled {
	/// Request `id` ended with `outcome`; `output` reads its inline output (verified with one),
	/// only if the hook needs it.
	fn on_settled(
		id: RequestId,
		outcome: &Outcome,
		output: impl FnOnce() -> Option<alloc::vec::Vec<u8>>,
	);
	/// The most [`Self::on_settled`] can weigh.
	fn weight() -> Weight;
}

impl OnRequestSettled for () {
	fn on_settled(_: RequestId, _: &Outcome, _: impl FnOnce() -> Option<alloc::vec::Vec<u8>>) {}
	fn weight() -> Weight {
		Weight::zero()
	}
}
