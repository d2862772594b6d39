//! # Inference pallet
//!
//! Model calls as on-chain requests: a user pays for a call, bonded inference nodes run it in
//! their offchain workers and return attested results, and every request ends in exactly one
//! [`Event::RequestSettled`].
//!
//! ## Life of a request
//!
//! 1. [`Pallet::request`]: the input tensors are checked against the model's registered schema
//!    (count, dtype, shape, data length, finite floats, size) and the fee, the model's price plus
//!    `ExecutionFee` per replica plus the verification premium, is escrowed through [`Escrow`]
//!    (a hold in `Payments`). A bad request fails with a named error and holds nothing.
//! 2. In the same block, the request gets its seats: `replicas` distinct bonded inference nodes
//!    as executors, drawn with the block's VRF randomness (see "Randomness"), and, when the model
//!    verifies every request, its verifiers too (never an executor's account). That block's
//!    offchain workers run it. A block seats at most `MaxAssignPerBlock` requests, queued ones
//!    first. The [`SeatsLeft`] transaction extension keeps a request out of a block that could
//!    not seat it (it stays in the pool); one that gets in anyway (inside a batch), or finds no
//!    node with room, waits in the queue, oldest first, for the start of a later block.
//!    The start of a block (deadlines, then queued seats, then pruning) spends at most
//!    `MaxHookWeight`: deadlines beyond it wait in [`Overdue`] and are handled first in the
//!    next block, queued requests stay queued, pruning waits (a block exceeds the budget by at
//!    most one request's worst case, so the work always drains).
//! 3. **Commit.** Each seat's offchain worker runs the model through the host interface
//!    ([`sibyl_inference::run_model`]) and submits [`Pallet::commit`], an authorized general
//!    transaction (`#[pallet::authorize]`, no fee) carrying only a *seal* of its output
//!    (`blake2_256(tag ‖ genesis ‖ request ‖ key ‖ output hash ‖ secret salt)`) signed with its
//!    role key. Nobody's output is public yet, so nobody can copy it.
//! 4. **Sampling.** When the model verifies only a share of requests, whether this one is checked
//!    is drawn when the last executor seal lands, from the randomness of that block: the
//!    executors cannot know it when they sign their seals. If it is sampled, verifiers are drawn
//!    and seal too.
//! 5. **Reveal.** Once every seat has sealed, each reveals with [`Pallet::reveal`]: executors
//!    their output, verifiers only its hash (`ResultOutput::Hashed`) while the round may still
//!    escalate and the outcome itself in the last round, with the salt and a
//!    signature over the commitment
//!    `blake2_256(tag ‖ genesis ‖ request id ‖ model id ‖ input hash ‖ output hash)`. A reveal
//!    that does not match its seal is refused. A verifier's output stays with it, so verifiers
//!    drawn if the round escalates cannot read it before they seal.
//! 6. **Judgement.** When every seat has revealed (or at the reveal deadline), `Verification`
//!    judges the outcomes under the model's tolerance: an outcome agreed with by more than half
//!    of the seats wins. An outcome is an output, or a failure every honest node meets on this
//!    input (`ResultOutput::Failed`, see [`InferenceError::is_outcome`]). Accepted output →
//!    `Verified`: the owner gets its price, each executor in line `ExecutionFee`, the treasury
//!    the premium (it pays the verifiers), the requester any rest. Accepted failure → `Failed`:
//!    the same but the owner's price goes back to the requester, and nobody is penalized.
//!    Executors outvoted → `SlashedAndRefunded(WrongResult)`. No majority → once, `verifiers + 1`
//!    more verifiers (at least three verifiers in all) are drawn and seal and reveal, and the
//!    verifiers alone decide that round; then `Refunded(NoAgreement)`. Under a tolerance other
//!    than `Exact`, verifiers whose hashes disagree open their outputs ([`Pallet::open`]) after
//!    the last escalation could have been drawn, and the judgement compares the values. A
//!    checked request is `Verified` only when the policy's number of verifiers revealed, else
//!    `Refunded(NoVerifiers)`.
//! 7. Deadlines (`ResultTimeout` blocks per phase): an executor that has not sealed is replaced,
//!    up to `MaxAttempts` assignments in all, then the fee is refunded (`Timeout`); a verifier
//!    that has not sealed is replaced by a fresh one. Silence costs a miss in `Verification`
//!    only when most of the seat's peers answered in time; being late is never judged as being
//!    wrong. A node that cannot serve a seat for its own reasons (model not synced yet, busy
//!    engine) steps aside with [`Pallet::decline`], without penalty, and is replaced. No node
//!    holds more than `MaxSeatsPerNode` open seats: requests wait in the queue instead.
//! 8. `Retention` blocks after settlement the request, its output and its index entries are
//!    pruned; the receipt of a verified or failed request (its commitment with
//!    the requester, model, input hash, outcome and level) is kept.
//!
//! Outputs up to `MaxInlineOutput` bytes are stored on chain; larger ones stay in the
//! executor's offchain storage under their hash, and only the hash is on chain (such outputs
//! are compared by hash only).
//!
//! ## Randomness
//!
//! Every draw (executors, verifiers, sampling, replacements, escalation) uses
//! [`Config::Randomness`], one value per block that its author cannot choose and nobody else can
//! know before the block is published: in the runtime, a hash of the BABE VRF output in the
//! block's pre-digest. It is the same throughout the block, so neither a transaction's position
//! nor any later transaction changes a draw. A block's author knows it in advance and decides
//! which transactions go into its own blocks; `docs/inference.md` ("Randomness") says what that
//! lets it bias and what bounds it.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use extension::SeatsLeft;
pub use pallet::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use codec::{DecodeAll, Encode};
use frame_support::{
	defensive, ensure,
	pallet_prelude::*,
	traits::{tokens::Balance as BalanceT, Get},
};
use frame_system::{
	offchain::{CreateAuthorizedTransaction, SubmitTransaction},
	pallet_prelude::BlockNumberFor,
};
use sibyl_primitives::{
	commitment,
	oracle::{
		write_values, BindError, FeedBinding, FeedBindings, FeedError, FeedId, FeedProvider,
		MAX_FEED_WINDOW,
	},
	registry::{
		encoded_len, LevelError, ModelRegistry, ModelStatus, ModelUsage, Schema, Tolerance,
		VerificationLevel, VerificationPolicy, SAMPLE_RATE_ALWAYS,
	},
	request::{failure_hash, stored_output_key, InferenceRequests, OnRequestSettled, Refused},
	roles::{Escrow, NodeRegistry, Treasury},
	verify::{
		self, commit_payload, decline_payload, open_payload, seal, Attendance, Ballot,
		BlockRandomness, Decision, Seat, Verifier,
	},
	Checking, CommitmentDomain, InferenceError, ModelId, NodeKey, NodeSignature, Outcome,
	RefundReason, Request, RequestId, RequestState, ResultOutput, Role, Slot, Tensor,
};
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedAdd, CheckedMul, One, Saturating, UniqueSaturatedInto, Zero},
	transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError, ValidTransaction,
	},
};

mod commit_reveal;
pub use commit_reveal::{PHASE_OPEN, PHASE_REVEAL, PHASE_SEAL};
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod extension;
pub mod migrations;
#[cfg(test)]
mod mock;
mod offchain;
mod request;
mod schedule;
mod settle;
#[cfg(test)]
mod tests;
#[cfg(any(test, feature = "try-runtime"))]
mod try_state;
mod types;
pub mod weights;

use types::*;
pub use types::{FeedRounds, InlineOutputOf, InputTensors, RequestOf, ResultOutputOf};

/// Makes what the benchmarks need that this pallet does not own.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Balance> {
	/// The most active nodes of one role the node registry holds: the top of the `nodes`
	/// components (and how many nodes the benchmarks bond where that count drives a cost).
	fn max_nodes() -> u32;
	/// A bonded, active node of `role` (the `i`th of a benchmark for that role) with `key` as
	/// its role key, bonded at the least bond of its role (a slash unbonds it); its account.
	fn node(role: Role, i: u32, key: NodeKey) -> AccountId;
	/// An available model (the `i`th of a benchmark) taking `inputs` and returning `outputs`,
	/// requested under `policy` by default, every verification level allowed; its id.
	fn model(i: u32, inputs: Schema, outputs: Schema, policy: VerificationPolicy) -> ModelId;
	/// Gives `who` `amount` more free balance.
	fn fund(who: &AccountId, amount: Balance);
	/// A feed (the `i`th of a benchmark) whose latest `rounds` closed rounds are fresh; its id.
	fn feed(i: u32, rounds: u32) -> FeedId;
}

/// Log target of this pallet (and its offchain worker).
pub const LOG_TARGET: &str = "sibyl::inference";

/// Most seats one offchain-worker run acts on (seals, reveals, steps aside) for one key: two
/// steps for each of the `MaxAssignPerBlock` requests a block may seat, twice over, so a run
/// that falls a block behind catches up in the next.
pub const MAX_JOBS_PER_RUN: usize = 128;

/// Blocks after which an offchain worker submits a commit or reveal again if it has not landed:
/// a transaction submitted while the pool is updating its views for a newly imported block can be
/// lost (seen under a burst on `--dev`: about one in twenty of the first reveals an offchain worker
/// sent right after an import), and each block it stays lost is a block the request waits. Not
/// 1: runs of consecutive blocks overlap under load, and a run that does not yet see the seal
/// an earlier run is still submitting would seal again with a new salt (measured: 172 of 1,000
/// requests refunded).
pub const RESUBMIT_AFTER: u32 = 2;

/// Offchain key of the list of seats this node has sealed, so that their records can be removed
/// once the request ends.
pub(crate) const SEATS_INDEX_KEY: &[u8] = b"sibyl/inference/seats";

/// Most seats the offchain list tracks (the oldest is dropped beyond: its records then stay).
pub(crate) const MAX_TRACKED_SEATS: usize = 4_096;

/// Offchain key of the list of outputs this node stored offchain, by request, so that each is
/// deleted once its request is pruned.
pub(crate) const STORED_OUTPUTS_KEY: &[u8] = b"sibyl/inference/stored-outputs";

/// Most stored outputs the list tracks; beyond, the oldest is deleted (at most 1,024 × 16 MiB).
pub(crate) const MAX_TRACKED_OUTPUTS: usize = 1_024;

// FRAME's pallet macros expand to `expect` calls (pallet-info lookups) that clippy attributes
// to this module. Logic lives outside it, where the workspace lints apply in full.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_system::pallet_prelude::*;

	/// Configuration of the inference pallet.
	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>, Hash = H256>
		+ CreateAuthorizedTransaction<Call<Self>>
	{
		/// The balance type of fees.
		type Balance: BalanceT;
		/// The model registry.
		type Models: ModelRegistry<Self::AccountId, Self::Balance, BlockNumberFor<Self>>;
		/// Bonded nodes and their keys.
		type Nodes: NodeRegistry<Self::AccountId>;
		/// Where fees are held until a request ends.
		type Escrow: Escrow<Self::AccountId, Self::Balance>;
		/// The treasury, which receives verification premiums.
		type Treasury: Treasury<Self::AccountId, Self::Balance>;
		/// Sampling, verifier draws and judgement.
		type Verifier: Verifier<Self::AccountId, Self::Balance>;
		/// Oracle feeds that requests may bind into their input.
		type Feeds: FeedProvider<BlockNumberFor<Self>>;
		/// The randomness of every draw (executors, verifiers, sampling): the block's VRF output.
		type Randomness: BlockRandomness;
		/// Told when a request ends (the `Schedules` pallet records its runs' outcomes).
		type OnSettled: OnRequestSettled;
		/// Paid to each executor of a verified request.
		#[pallet::constant]
		type ExecutionFee: Get<Self::Balance>;
		/// The cost component of a call: paid per run (each executor and each verifier) for
		/// every million ops the model declares ([`sibyl_primitives::registry::ModelCost`]), so a model that costs 1,000×
		/// more costs its requesters 1,000× more for it.
		#[pallet::constant]
		type ComputeFeePerMegaOp: Get<Self::Balance>;
		/// Blocks each phase (sealing, revealing) has; messages are accepted through the last.
		#[pallet::constant]
		type ResultTimeout: Get<BlockNumberFor<Self>>;
		/// Most executor assignments of one request (the first one included).
		#[pallet::constant]
		type MaxAttempts: Get<u8>;
		/// Blocks a settled request is kept before it is pruned.
		#[pallet::constant]
		type Retention: Get<BlockNumberFor<Self>>;
		/// Largest SCALE-encoded input.
		#[pallet::constant]
		type MaxInputBytes: Get<u32>;
		/// Largest output stored on chain; larger outputs are kept offchain by hash.
		#[pallet::constant]
		type MaxInlineOutput: Get<u32>;
		/// Most requests waiting for assignment or sampling, and most deadlines in one block.
		#[pallet::constant]
		type MaxQueue: Get<u32>;
		/// Most blocks a request waits in the queue for nodes with room: one still waiting when
		/// its turn comes after that is refunded (`Overloaded`) instead of requeued. Bounds how
		/// long a requester's fee is held for nothing, and how long a retired model's last
		/// requests keep it from being purged.
		#[pallet::constant]
		type MaxQueueWait: Get<BlockNumberFor<Self>>;
		/// Most queued requests given seats per block; the rest wait in the queue. Bounds the new
		/// work a block hands to nodes, so that their offchain workers keep up and meet their
		/// deadlines instead of being penalized under a burst.
		#[pallet::constant]
		type MaxAssignPerBlock: Get<u32>;
		/// Most open seats (executor and verifier, over all requests) one node account holds at
		/// once. A node is seated only while it has room, so no node is handed more work than it
		/// can finish within a deadline; requests wait in the queue instead.
		#[pallet::constant]
		type MaxSeatsPerNode: Get<u32>;
		/// Most settled requests pruned per block.
		#[pallet::constant]
		type MaxPrunePerBlock: Get<u32>;
		/// Most weight `on_initialize` spends on deadlines, seating and pruning; what does not
		/// fit waits for the next block, in order (a block may exceed it by one request's
		/// worst case, so that the work always drains).
		#[pallet::constant]
		type MaxHookWeight: Get<Weight>;
		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
		/// Makes models, bonded nodes, funds and feeds for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::Balance>;
	}

	/// The storage version: bumped with each change of a stored item's layout, with its
	/// migration in [`crate::migrations`]. Version 0 is the layout since genesis (`Overdue` and
	/// `OverdueCursor` were added empty); version 1 adds [`OpenRequests`], counted from the
	/// requests of a version-0 chain by [`crate::migrations::v1::MigrateToV1`].
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Id of the next request.
	#[pallet::storage]
	pub type NextRequestId<T> = StorageValue<_, u64, ValueQuery>;

	/// Requests, until pruned.
	#[pallet::storage]
	pub type Requests<T: Config> = StorageMap<_, Twox64Concat, RequestId, RequestOf<T>>;

	/// Requests of each model that have not settled (queued, seated or being judged): the
	/// models pallet purges a model only once it has none ([`ModelUsage`]).
	#[pallet::storage]
	pub type OpenRequests<T: Config> = StorageMap<_, Blake2_128Concat, ModelId, u32, ValueQuery>;

	/// SCALE input tensors of requests that have not ended.
	#[pallet::storage]
	pub type Inputs<T: Config> =
		StorageMap<_, Twox64Concat, RequestId, BoundedVec<u8, T::MaxInputBytes>>;

	/// Inline outputs of verified requests, until pruned.
	#[pallet::storage]
	pub type Outputs<T: Config> = StorageMap<_, Twox64Concat, RequestId, InlineOutputOf<T>>;

	/// Outputs kept offchain: `(hash, length)`, until pruned.
	#[pallet::storage]
	pub type StoredOutputs<T: Config> = StorageMap<_, Twox64Concat, RequestId, (H256, u32)>;

	/// Revealed outputs by request and seat key, until the request is judged.
	#[pallet::storage]
	pub type Reveals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, RequestId, Blake2_128Concat, NodeKey, ResultOutputOf<T>>;

	/// Receipts of requests that settled `Verified` or `Failed`; kept after pruning. A light
	/// client proves one with a read proof of this key against a finalized header's state root.
	#[pallet::storage]
	pub type Receipts<T: Config> = StorageMap<_, Twox64Concat, RequestId, ReceiptOf<T>>;

	/// Requests waiting for nodes with room, oldest first; the start of each block seats up to
	/// `MaxAssignPerBlock` of them.
	#[pallet::storage]
	pub type Queue<T: Config> = StorageValue<_, BoundedVec<RequestId, T::MaxQueue>, ValueQuery>;

	/// Requests seated in the current block so far (from the queue, then as they arrive); at
	/// most `MaxAssignPerBlock`. Removed at the end of every block.
	#[pallet::storage]
	pub type SeatedThisBlock<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Requests whose deadline ends before the start of a block, by that block.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<RequestId, T::MaxQueue>,
		ValueQuery,
	>;

	/// Seated requests by node account: what an offchain worker looks for.
	#[pallet::storage]
	pub type Assigned<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		RequestId,
		(),
		OptionQuery,
	>;

	/// Open seats by node account: how many requests it holds a seat of and has not finished.
	// Blake2_128Concat: accounts are chosen by users.
	#[pallet::storage]
	pub type SeatCounts<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Kept requests by requester.
	#[pallet::storage]
	pub type ByRequester<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		RequestId,
		(),
		OptionQuery,
	>;

	/// Settled requests in settlement order, waiting to be pruned: `(request, settled at)`.
	#[pallet::storage]
	pub type PruneLog<T: Config> = StorageMap<_, Twox64Concat, u64, (RequestId, BlockNumberFor<T>)>;

	/// Requests whose deadline passed but whose handling did not fit in its block's
	/// `MaxHookWeight`, oldest first, by position: the next blocks handle them before their own.
	/// Each is a live request, so the log is bounded by the requests open at once.
	#[pallet::storage]
	pub type Overdue<T: Config> = StorageMap<_, Twox64Concat, u64, RequestId>;

	/// `(head, tail)` of [`Overdue`]: entries `head..tail` are waiting.
	#[pallet::storage]
	pub type OverdueCursor<T> = StorageValue<_, (u64, u64), ValueQuery>;

	/// `(head, tail)` of [`PruneLog`]: entries `head..tail` are waiting.
	#[pallet::storage]
	pub type PruneCursor<T> = StorageValue<_, (u64, u64), ValueQuery>;

	/// Events of the inference pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A request was accepted and its fee escrowed.
		Requested {
			/// The new request.
			id: RequestId,
			/// Who asked and pays.
			requester: T::AccountId,
			/// The model to run.
			model: ModelId,
			/// The fee held until the request ends.
			fee: T::Balance,
			/// The verification level the requester chose (`None`: the model's policy).
			level: Option<VerificationLevel>,
		},
		/// Executors were drawn and seated.
		Assigned {
			/// The request.
			id: RequestId,
			/// Which assignment this is (1 for the first).
			attempt: u8,
			/// The executors seated by this assignment.
			executors: Vec<T::AccountId>,
			/// Last block in which seals are accepted.
			deadline: BlockNumberFor<T>,
		},
		/// A seat sealed its outcome (an output or a failure).
		Committed {
			/// The request.
			id: RequestId,
			/// The seat's account.
			node: T::AccountId,
			/// Executor or verifier.
			seat: Seat,
		},
		/// Every seat has sealed; reveals are accepted through block `deadline`.
		RevealsOpen {
			/// The request.
			id: RequestId,
			/// Last block in which reveals are accepted.
			deadline: BlockNumberFor<T>,
		},
		/// A seat revealed its outcome.
		Revealed {
			/// The request.
			id: RequestId,
			/// The seat's account.
			node: T::AccountId,
			/// Executor or verifier.
			seat: Seat,
			/// Hash of the revealed output, or the failure hash of a revealed failure.
			output_hash: H256,
		},
		/// Verifiers' hashes disagree under a tolerance that needs their outputs: verifiers open
		/// them through block `deadline`.
		OpeningsOpen {
			/// The request.
			id: RequestId,
			/// Last block in which openings are accepted.
			deadline: BlockNumberFor<T>,
		},
		/// A verifier opened the output behind the hash it revealed.
		Opened {
			/// The request.
			id: RequestId,
			/// The verifier's account.
			node: T::AccountId,
		},
		/// The seats disagreed without a majority; more verifiers were drawn.
		Escalated {
			/// The request.
			id: RequestId,
			/// How many verifiers were added.
			verifiers: u32,
		},
		/// A seat stepped aside for a reason of its own (no penalty); it is replaced.
		Declined {
			/// The request.
			id: RequestId,
			/// The seat's account.
			node: T::AccountId,
			/// Executor or verifier.
			seat: Seat,
			/// The node's reason (never an outcome of the request).
			reason: InferenceError,
		},
		/// Verifiers that left or stayed silent were replaced by fresh ones.
		VerifiersReplaced {
			/// The request.
			id: RequestId,
			/// The verifiers that lost their seats.
			left: Vec<T::AccountId>,
			/// The verifiers seated in their place.
			joined: Vec<T::AccountId>,
		},
		/// A request could not be seated now (every suitable node is at `MaxSeatsPerNode`) and
		/// went back to the queue.
		Requeued {
			/// The request.
			id: RequestId,
		},
		/// The request ended. Exactly one per request.
		RequestSettled {
			/// The request.
			id: RequestId,
			/// How it ended.
			outcome: Outcome,
			/// The verification level it was asked at (`None`: the model's policy).
			level: Option<VerificationLevel>,
			/// The checking it got: `Skipped` when not sampled (or its level has no
			/// verifiers), `Drawn` when its verifiers checked it, `Escalated` when more were
			/// drawn, `Pending` when it ended before sampling was decided.
			checking: Checking,
		},
		/// A request took feed values into its input.
		InputFromFeeds {
			/// The request.
			id: RequestId,
			/// For each binding in order, the feed and the newest round written.
			rounds: FeedRounds,
		},
	}

	/// Errors of the inference pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// No model has this id.
		UnknownModel,
		/// The model is still uploading.
		ModelNotAvailable,
		/// The model is retired and takes no new requests.
		ModelRetired,
		/// The number of input tensors differs from the model's schema.
		InputCountMismatch,
		/// An input's dtype differs from the model's schema.
		InputTypeMismatch,
		/// An input's shape differs from the model's schema.
		InputShapeMismatch,
		/// An input's data length does not match its dtype and shape.
		MalformedTensor,
		/// A floating-point input holds NaN or infinity.
		NonFiniteInput,
		/// The encoded input is larger than `MaxInputBytes`.
		InputTooLarge,
		/// `max_fee` is below the fee of a call of this model.
		FeeBelowPrice,
		/// The fee does not fit the balance type.
		FeeOverflow,
		/// Fewer bonded inference (or verifier) nodes than the model's policy needs.
		NotEnoughNodes,
		/// Too many requests are waiting for assignment; try again in the next block.
		QueueFull,
		/// The requester cannot pay the fee.
		InsufficientBalance,
		/// No request has this id (or it was pruned).
		UnknownRequest,
		/// The request is not taking seals now.
		NotCommitting,
		/// The request is not taking reveals now.
		NotRevealing,
		/// The key holds no seat of the request (or is no longer bonded to the seat's account).
		NotAssigned,
		/// This seat already sealed.
		AlreadyCommitted,
		/// This seat already revealed.
		AlreadyRevealed,
		/// The seat never sealed, so it has nothing to reveal.
		NotCommitted,
		/// The revealed output and salt do not match the seal.
		SealMismatch,
		/// The signature is not the key's over the commit or the commitment.
		BadAttestation,
		/// The output does not match the model's output schema.
		OutputMismatch,
		/// An output this small must be submitted inline.
		OutputShouldBeInline,
		/// A binding names a feed that does not exist.
		UnknownFeed,
		/// A bound feed has not closed a round yet.
		FeedHasNoValue,
		/// A bound feed's value is older than its maximum age.
		FeedStale,
		/// A bound feed has kept fewer rounds than the binding asks for.
		FeedHistoryTooShort,
		/// A binding asks for no rounds or more than `MAX_FEED_WINDOW`.
		BadFeedWindow,
		/// A binding writes outside the input (no such tensor, or past its last element).
		BindingOutOfBounds,
		/// A seat stepped aside with an error that is an outcome of the request (the model fails
		/// on the input): such errors are sealed and revealed, not declined.
		ReasonIsAnOutcome,
		/// A revealed failure names an error that is the node's own (missing model, busy
		/// engine), not an outcome of the request.
		NotAnOutcome,
		/// Two bindings write the same element.
		BindingsOverlap,
		/// A binding targets a `bool` tensor.
		BindingTypeUnsupported,
		/// A feed value does not fit the bound tensor's dtype.
		FeedValueOutOfRange,
		/// Executors reveal their outcome; verifiers reveal only its hash
		/// (`ResultOutput::Hashed`) and open it only when asked.
		WrongRevealForm,
		/// The request is not taking openings now.
		NotOpening,
		/// The seat has no hash-only reveal left to open (none, opened already, or explained by
		/// a revealed outcome with the same hash).
		NothingToOpen,
		/// The opened outcome is not the one whose hash the seat revealed.
		OpeningMismatch,
		/// The verification level is malformed: a share above 1,000,000 ppm, or a committee of
		/// 0 or more than 16 verifiers.
		BadLevel,
		/// The model's owner does not allow this verification level (its `levels` bounds).
		LevelNotAllowed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			// `on_finalize` below: one removal.
			Pallet::<T>::begin_block(now).saturating_add(T::DbWeight::get().writes(1))
		}

		fn on_finalize(_now: BlockNumberFor<T>) {
			SeatedThisBlock::<T>::kill();
		}

		fn offchain_worker(now: BlockNumberFor<T>) {
			Pallet::<T>::run_offchain(now);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}

		fn integrity_test() {
			assert!(T::MaxAttempts::get() >= 1, "MaxAttempts must be at least 1");
			assert!(!T::ResultTimeout::get().is_zero(), "ResultTimeout must be at least 1");
			assert!(T::MaxQueue::get() >= 1, "MaxQueue must be at least 1");
			assert!(T::MaxAssignPerBlock::get() >= 1, "MaxAssignPerBlock must be at least 1");
			assert!(!T::MaxQueueWait::get().is_zero(), "MaxQueueWait must be at least 1");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Asks for a call of `model` on `input`, paying at most `max_fee`.
		///
		/// The origin must be _Signed_; it pays. The fee (the model's price, the execution and
		/// compute fee of each executor and the verification premium, [`Pallet::quote`]) is held
		/// until the request ends; what is not paid out goes back.
		///
		/// - `model`: an available model.
		/// - `input`: tensors that match the model's input schema exactly.
		/// - `max_fee`: the most the caller pays.
		/// - `level`: the verification level, within the bounds the model's owner allows; `None`
		///   runs it under the model's policy. `Unverified` seats one executor and no verifier;
		///   `Sampled(ppm)` the model's executors, checked by its verifiers (at least one) with
		///   that probability; `Committee(k)` the model's executors, checked by `k` verifiers.
		///
		/// Errors: `UnknownModel`, `ModelNotAvailable`, `ModelRetired`, `InputTooLarge`,
		/// `InputCountMismatch`, `InputTypeMismatch`, `InputShapeMismatch`, `MalformedTensor`,
		/// `NonFiniteInput`, `BadLevel`, `LevelNotAllowed`, `FeeOverflow`, `FeeBelowPrice`,
		/// `NotEnoughNodes`, `QueueFull`, `InsufficientBalance`; nothing is held then.
		///
		/// Emits `Requested`, then `Assigned` when seated in this block.
		///
		/// ## Complexity
		/// `O(I + N)` for `I` input bytes (hashed, checked) and `N` bonded inference nodes (the
		/// draw).
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::request_weight(input.encoded_size() as u32, 0))]
		pub fn request(
			origin: OriginFor<T>,
			model: ModelId,
			input: InputTensors,
			max_fee: T::Balance,
			level: Option<VerificationLevel>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request(who, model, input, level, max_fee).map(|_| ())
		}

		/// Asks for a call of `model` on `input` with feed values written into it, paying at
		/// most `max_fee`.
		///
		/// Each binding writes the latest `rounds` answers of a feed into consecutive elements
		/// of an input tensor (integers as fixed point, floats as the value); the elements
		/// written must not overlap. The input is resolved now, in this block, and stored with
		/// the request, so every seat runs on the same numbers. A stale, unknown or too short
		/// feed fails the call with nothing held; otherwise as [`Pallet::request`].
		///
		/// Errors: those of [`Pallet::request`], and `BadFeedWindow`, `BindingsOverlap`,
		/// `BindingOutOfBounds`, `BindingTypeUnsupported`, `UnknownFeed`, `FeedHasNoValue`,
		/// `FeedStale`, `FeedHistoryTooShort`, `FeedValueOutOfRange`.
		///
		/// Emits `Requested`, `InputFromFeeds`, then `Assigned` when seated in this block.
		///
		/// ## Complexity
		/// As [`Pallet::request`], plus `O(B · W)` for `B` bindings of `W` rounds.
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::request_weight(input.encoded_size() as u32, bindings.len() as u32))]
		pub fn request_with_feeds(
			origin: OriginFor<T>,
			model: ModelId,
			input: InputTensors,
			bindings: FeedBindings,
			max_fee: T::Balance,
			level: Option<VerificationLevel>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_with_feeds(who, model, input, &bindings, level, max_fee).map(|_| ())
		}

		/// Seals a seat's outcome: its output, or the failure the model met on the input.
		///
		/// The origin must be _Authorized_: valid (and free) when `key` holds a seat of request
		/// `id` that is taking seals and has not sealed, and `signature` is the key's signature
		/// over [`commit_payload`]. Nothing about the outcome is public until every seat has
		/// sealed.
		///
		/// - `id`: the request.
		/// - `key`: the seat's role key.
		/// - `seal`: [`seal`] of the outcome's hash (an output hash, or [`failure_hash`]) with a
		///   secret salt.
		/// - `signature`: `key`'s signature over [`commit_payload`].
		///
		/// Errors: `UnknownRequest`, `NotCommitting`, `NotAssigned`, `AlreadyCommitted`,
		/// `BadAttestation`. Emits `Committed`, then `RevealsOpen` once every seat has sealed.
		#[pallet::call_index(1)]
		// The last seal can settle the request (no verifiers to draw, no room for a deadline).
		#[pallet::weight(T::WeightInfo::commit().saturating_add(Pallet::<T>::settle_overhead()))]
		#[pallet::authorize(Pallet::<T>::authorize_commit)]
		#[pallet::weight_of_authorize(T::WeightInfo::authorize_result(0))]
		pub fn commit(
			origin: OriginFor<T>,
			id: RequestId,
			key: NodeKey,
			seal: H256,
			signature: NodeSignature,
		) -> DispatchResult {
			ensure_authorized(origin)?;
			let (request, index) = Self::check_commit(id, &key, &seal, &signature)?;
			Self::accept_commit(id, request, index, seal);
			Ok(())
		}

		/// Steps a seat aside from a request it cannot serve for a reason of its own, without
		/// penalty: an executor is replaced (the last allowed attempt refunds the requester with
		/// [`RefundReason::Declined`]), a verifier is replaced by a fresh one.
		///
		/// The origin must be _Authorized_: valid (and free) when `key` holds a seat of request
		/// `id` that is taking seals and has not sealed, `reason` is not an outcome of the request
		/// ([`InferenceError::is_outcome`]: such errors are sealed and revealed instead), and
		/// `signature` is the key's signature over [`decline_payload`].
		///
		/// - `id`: the request.
		/// - `key`: the seat's role key.
		/// - `reason`: why the node cannot serve it (model not in its store yet, engine busy,
		///   time limit, engine mismatch).
		/// - `signature`: `key`'s signature over [`decline_payload`].
		///
		/// Errors: `UnknownRequest`, `NotCommitting`, `NotAssigned`, `AlreadyCommitted`,
		/// `ReasonIsAnOutcome`, `BadAttestation`.
		///
		/// Emits `Declined`, then `Assigned` (or `RequestSettled`) for an executor, or
		/// `VerifiersReplaced` for a verifier.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::decline().saturating_add(Pallet::<T>::settle_overhead()))]
		#[pallet::authorize(Pallet::<T>::authorize_decline)]
		#[pallet::weight_of_authorize(T::WeightInfo::authorize_result(0))]
		pub fn decline(
			origin: OriginFor<T>,
			id: RequestId,
			key: NodeKey,
			reason: InferenceError,
			signature: NodeSignature,
		) -> DispatchResult {
			ensure_authorized(origin)?;
			let (request, index) = Self::check_decline(id, &key, reason, &signature)?;
			Self::accept_decline(id, request, index, reason);
			Ok(())
		}

		/// Reveals a seat's sealed outcome; judges the request once every sealed seat revealed.
		///
		/// The origin must be _Authorized_: valid (and free) when the request takes reveals,
		/// `output` and `salt` match the seat's seal, and `attestation` is the key's signature
		/// over the request's commitment to the outcome's hash.
		///
		/// - `id`: the request.
		/// - `key`: the seat's role key.
		/// - `output`: an executor's output inline, its hash when larger than `MaxInlineOutput`,
		///   or `Failed(error)` for a failure outcome (an error that is an outcome of the
		///   request); a verifier's `Hashed(hash)` of its sealed outcome while the round may
		///   still escalate, its outcome (as an executor's) in the last round.
		/// - `salt`: the secret salt of the seal.
		/// - `attestation`: `key`'s signature over [`Pallet::commitment_of`] for the outcome.
		///
		/// Errors: `UnknownRequest`, `NotRevealing`, `NotAssigned`, `AlreadyRevealed`,
		/// `NotCommitted`, `WrongRevealForm`, `OutputShouldBeInline`, `SealMismatch`,
		/// `BadAttestation`, `OutputMismatch`, `NotAnOutcome`. Emits `Revealed`; the judging
		/// reveal emits `RequestSettled`, `Escalated` or `OpeningsOpen`.
		///
		/// ## Complexity
		/// Weighed for a judgement of the most seats a request can have, `O(S² · E)` for `S`
		/// seats and `E` output elements; the weight of a reveal that judges nothing (others
		/// still to reveal) or judges fewer seats is refunded, so a block takes as many reveals
		/// as it has room for.
		#[pallet::call_index(3)]
		#[pallet::weight(Pallet::<T>::reveal_weight(output.encoded_size() as u32))]
		#[pallet::authorize(Pallet::<T>::authorize_reveal)]
		#[pallet::weight_of_authorize(T::WeightInfo::authorize_result(output.encoded_size() as u32))]
		pub fn reveal(
			origin: OriginFor<T>,
			id: RequestId,
			key: NodeKey,
			output: ResultOutputOf<T>,
			salt: [u8; 32],
			attestation: NodeSignature,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let bytes = output.encoded_size() as u32;
			let (request, index, output_hash) =
				Self::check_reveal(id, &key, &output, &salt, &attestation)?;
			let judged = Self::accept_reveal(id, request, index, output, output_hash);
			Ok(Some(Self::reveal_weight_used(bytes, judged)).into())
		}

		/// Opens the outcome behind a verifier's hash-only reveal, when the model's tolerance
		/// needs the values of disagreeing hashes (the request is `Opening`). Once no such
		/// hash is left unopened, the request is judged.
		///
		/// The origin must be _Authorized_: valid (and free) when the request takes openings,
		/// the seat of `key` revealed only a hash that no revealed outcome explains, `output`
		/// has that hash, and the seat signed it.
		///
		/// - `id`: the request.
		/// - `key`: the verifier seat's role key.
		/// - `output`: the sealed outcome: inline, its hash when larger than `MaxInlineOutput`,
		///   or `Failed(error)`.
		/// - `signature`: `key`'s signature over [`open_payload`] of `output`, so that nobody
		///   else opens a seat's hash with an outcome of their choosing (a `Stored` form, say).
		///
		/// Errors: `UnknownRequest`, `NotOpening`, `NotAssigned`, `NothingToOpen`,
		/// `WrongRevealForm`, `OpeningMismatch`, `BadAttestation`, `OutputShouldBeInline`,
		/// `OutputMismatch`, `NotAnOutcome`. Emits `Opened`; the judging opening emits
		/// `RequestSettled`.
		///
		/// ## Complexity
		/// As [`Pallet::reveal`]: weighed for a judgement of the most seats, refunded when it
		/// judges nothing.
		#[pallet::call_index(5)]
		#[pallet::weight(Pallet::<T>::reveal_weight(output.encoded_size() as u32)
			.saturating_add(Pallet::<T>::unopened_scan_weight()))]
		#[pallet::authorize(Pallet::<T>::authorize_open)]
		#[pallet::weight_of_authorize(T::WeightInfo::authorize_result(output.encoded_size() as u32)
			.saturating_add(Pallet::<T>::unopened_scan_weight()))]
		pub fn open(
			origin: OriginFor<T>,
			id: RequestId,
			key: NodeKey,
			output: ResultOutputOf<T>,
			signature: NodeSignature,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let bytes = output.encoded_size() as u32;
			let (request, index) = Self::check_open(id, &key, &output, &signature)?;
			let judged = Self::accept_open(id, request, index, output);
			let used = Self::reveal_weight_used(bytes, judged);
			Ok(Some(used.saturating_add(Self::unopened_scan_weight())).into())
		}
	}
}
