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
//! 2. At the start of the next block the request gets its seats: `replicas` distinct bonded
//!    inference nodes as executors, drawn with the parent block's hash (see "Randomness"), and,
//!    when the model verifies every request, its verifiers too (never an executor's account).
//! 3. **Commit.** Each seat's offchain worker runs the model through the host interface
//!    ([`sibyl_inference::run_model`]) and submits [`Pallet::commit`], an authorized general
//!    transaction (`#[pallet::authorize]`, no fee) carrying only a *seal* of its output
//!    (`blake2_256(tag ‖ genesis ‖ request ‖ key ‖ output hash ‖ secret salt)`) signed with its
//!    role key. Nobody's output is public yet, so nobody can copy it.
//! 4. **Sampling.** When the model verifies only a share of requests, whether this one is checked
//!    is drawn in the block after the last executor seal, from that block's parent hash: the
//!    executors cannot know it when they seal. If it is sampled, verifiers are drawn and seal too.
//! 5. **Reveal.** Once every seat has sealed, each reveals with [`Pallet::reveal`]: the output,
//!    the salt, and a signature over the commitment
//!    `blake2_256(tag ‖ genesis ‖ request id ‖ model id ‖ input hash ‖ output hash)`. A reveal
//!    that does not match its seal is refused.
//! 6. **Judgement.** When every seat has revealed (or at the reveal deadline), `Verification`
//!    judges the outputs under the model's tolerance: an output agreed with by more than half of
//!    the seats wins. Accepted executor → `Verified`: the owner gets its price, each executor in
//!    line `ExecutionFee`, the treasury the premium (it pays the verifiers), the requester any
//!    rest. Executors outvoted → `SlashedAndRefunded(WrongResult)`: they are slashed and the
//!    requester gets everything back. No majority → once, `verifiers + 1` more verifiers are
//!    drawn and seal and reveal; then `Refunded(NoAgreement)`.
//! 7. Deadlines (`ResultTimeout` blocks per phase): an executor that has not sealed is replaced,
//!    up to `MaxAttempts` assignments in all, then the fee is refunded (`Timeout`); a verifier
//!    that has not sealed loses its seat. Both count as a missed deadline in `Verification`. A
//!    seat that sealed but does not reveal is judged as out of line. A node that cannot run the
//!    model says so with [`Pallet::report_failure`] while sealing is open: an executor is
//!    replaced at once (the last allowed failure refunds with `ExecutionFailed`), a verifier
//!    leaves its seat.
//! 8. `Retention` blocks after settlement the request, its output and its index entries are
//!    pruned; the commitment of a verified request is kept.
//!
//! Outputs up to `MaxInlineOutput` bytes are stored on chain; larger ones stay in the
//! executor's offchain storage under their hash, and only the hash is on chain (such outputs
//! are compared by hash only).
//!
//! ## Randomness
//!
//! Aura has no VRF. Executors are drawn in the block after the request, from
//! `blake2_256(parent hash ‖ request id ‖ attempt ‖ slot)`. The requester cannot know that hash
//! when signing. The author of the request's block can influence it (by choosing, ordering or
//! withholding transactions, or by not authoring), so an author that is also an inference node
//! can raise its chance of being drawn. What that buys is bounded: it still has to return the
//! output the verifiers agree on (or be slashed), and it earns only the
//! execution fee. See `docs/inference.md`.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

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
		write_values, BindError, FeedBindings, FeedError, FeedId, FeedProvider, MAX_FEED_WINDOW,
	},
	registry::{ModelRegistry, ModelStatus, Schema, SAMPLE_RATE_ALWAYS},
	request::failure_hash,
	roles::{Escrow, NodeRegistry, Treasury},
	tensor::MAX_TENSORS,
	verify::{commit_payload, seal, Ballot, Decision, Seat, Verifier},
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

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

/// Log target of this pallet (and its offchain worker).
pub const LOG_TARGET: &str = "sibyl::inference";

/// Most requests one offchain-worker run looks at for one key.
pub const MAX_JOBS_PER_RUN: usize = 64;

/// Blocks after which an offchain worker submits a commit or reveal again if it has not landed.
pub const RESUBMIT_AFTER: u32 = 5;

/// Offchain key of the list of seats this node has sealed, so that their records can be removed
/// once the request ends.
const SEATS_INDEX_KEY: &[u8] = b"sibyl/inference/seats";

/// Most seats the offchain list tracks (the oldest is dropped beyond: its records then stay).
const MAX_TRACKED_SEATS: usize = 4_096;

/// The request record in this runtime.
pub type RequestOf<T> =
	Request<<T as frame_system::Config>::AccountId, <T as Config>::Balance, BlockNumberFor<T>>;

/// The input tensors of a call.
pub type InputTensors = BoundedVec<Tensor, ConstU32<MAX_TENSORS>>;

/// For each feed binding of a request, its feed and the newest round written into the input.
pub type FeedRounds = Vec<(FeedId, u32)>;

/// An inline output: SCALE `Vec<Tensor>`.
pub type InlineOutputOf<T> = BoundedVec<u8, <T as Config>::MaxInlineOutput>;

/// A submitted output in this runtime.
pub type ResultOutputOf<T> = ResultOutput<InlineOutputOf<T>>;

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
		/// Paid to each executor of a verified request.
		#[pallet::constant]
		type ExecutionFee: Get<Self::Balance>;
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
		/// Most queued requests given seats per block; the rest wait in the queue. Bounds the new
		/// work a block hands to nodes, so that their offchain workers keep up and meet their
		/// deadlines instead of being penalized under a burst.
		#[pallet::constant]
		type MaxAssignPerBlock: Get<u32>;
		/// Most settled requests pruned per block.
		#[pallet::constant]
		type MaxPrunePerBlock: Get<u32>;
		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Id of the next request.
	#[pallet::storage]
	pub type NextRequestId<T> = StorageValue<_, u64, ValueQuery>;

	/// Requests, until pruned.
	#[pallet::storage]
	pub type Requests<T: Config> = StorageMap<_, Twox64Concat, RequestId, RequestOf<T>>;

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

	/// Commitments of verified requests; kept after pruning.
	#[pallet::storage]
	pub type Commitments<T: Config> = StorageMap<_, Twox64Concat, RequestId, H256>;

	/// Requests waiting for seats (assigned at the start of the next block).
	#[pallet::storage]
	pub type Queue<T: Config> = StorageValue<_, BoundedVec<RequestId, T::MaxQueue>, ValueQuery>;

	/// Requests whose executors have all sealed, waiting for the sample draw of the next block.
	#[pallet::storage]
	pub type ToSample<T: Config> = StorageValue<_, BoundedVec<RequestId, T::MaxQueue>, ValueQuery>;

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

	/// `(head, tail)` of [`PruneLog`]: entries `head..tail` are waiting.
	#[pallet::storage]
	pub type PruneCursor<T> = StorageValue<_, (u64, u64), ValueQuery>;

	/// Events of the inference pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	#[allow(missing_docs)]
	pub enum Event<T: Config> {
		/// `requester` asked for a call of `model`; `fee` is escrowed.
		Requested { id: RequestId, requester: T::AccountId, model: ModelId, fee: T::Balance },
		/// Executors were drawn; seals are accepted through block `deadline`.
		Assigned {
			id: RequestId,
			attempt: u8,
			executors: Vec<T::AccountId>,
			deadline: BlockNumberFor<T>,
		},
		/// A seat sealed its output.
		Committed { id: RequestId, node: T::AccountId, seat: Seat },
		/// Every seat has sealed; reveals are accepted through block `deadline`.
		RevealsOpen { id: RequestId, deadline: BlockNumberFor<T> },
		/// A seat revealed its output.
		Revealed { id: RequestId, node: T::AccountId, seat: Seat, output_hash: H256 },
		/// The seats disagreed without a majority; more verifiers were drawn.
		Escalated { id: RequestId, verifiers: u32 },
		/// A seat reported that it could not run the model.
		ExecutionFailed { id: RequestId, node: T::AccountId, seat: Seat, error: InferenceError },
		/// The request ended. Exactly one per request.
		RequestSettled { id: RequestId, outcome: Outcome },
		/// Request `id` took feed values into its input: for each binding in order, the feed and
		/// the newest round written.
		InputFromFeeds { id: RequestId, rounds: FeedRounds },
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
		/// Two bindings write the same element.
		BindingsOverlap,
		/// A binding targets a `bool` tensor.
		BindingTypeUnsupported,
		/// A feed value does not fit the bound tensor's dtype.
		FeedValueOutOfRange,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Pallet::<T>::begin_block(now)
		}

		fn offchain_worker(now: BlockNumberFor<T>) {
			Pallet::<T>::run_offchain(now);
		}

		fn integrity_test() {
			assert!(T::MaxAttempts::get() >= 1, "MaxAttempts must be at least 1");
			assert!(!T::ResultTimeout::get().is_zero(), "ResultTimeout must be at least 1");
			assert!(T::MaxQueue::get() >= 1, "MaxQueue must be at least 1");
			assert!(T::MaxAssignPerBlock::get() >= 1, "MaxAssignPerBlock must be at least 1");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Asks for a call of `model` on `input`, paying at most `max_fee`.
		///
		/// The input must match the model's input schema exactly. The fee (the model's price,
		/// the execution fee of each replica and the verification premium) is held until the
		/// request ends.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::request(input.encoded_size() as u32))]
		pub fn request(
			origin: OriginFor<T>,
			model: ModelId,
			input: InputTensors,
			max_fee: T::Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request(who, model, input, max_fee).map(|_| ())
		}

		/// Asks for a call of `model` on `input` with feed values written into it, paying at
		/// most `max_fee`.
		///
		/// Each binding writes the latest `rounds` answers of a feed into consecutive elements
		/// of an input tensor (integers as fixed point, floats as the value); the elements
		/// written must not overlap. The input is resolved now, in this block, and stored with
		/// the request, so every seat runs on the same numbers. A stale, unknown or too short
		/// feed fails the call with nothing held; otherwise as [`Pallet::request`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::request(input.encoded_size() as u32)
			.saturating_add(T::WeightInfo::bind_feed().saturating_mul(bindings.len() as u64)))]
		pub fn request_with_feeds(
			origin: OriginFor<T>,
			model: ModelId,
			input: InputTensors,
			bindings: FeedBindings,
			max_fee: T::Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (input, rounds) = Self::bind_feeds(input, &bindings)?;
			let id = Self::do_request(who, model, input, max_fee)?;
			Self::deposit_event(Event::InputFromFeeds { id, rounds });
			Ok(())
		}

		/// A seat's seal of its output. Authorized (no fee) when `key` holds a seat of a request
		/// taking seals and `signature` is its signature over [`commit_payload`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::commit())]
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

		/// A seat's attested report that it could not run the request's model (while seals are
		/// taken).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::report_failure())]
		#[pallet::authorize(Pallet::<T>::authorize_failure)]
		#[pallet::weight_of_authorize(T::WeightInfo::authorize_result(0))]
		pub fn report_failure(
			origin: OriginFor<T>,
			id: RequestId,
			key: NodeKey,
			error: InferenceError,
			attestation: NodeSignature,
		) -> DispatchResult {
			ensure_authorized(origin)?;
			let (request, index) = Self::check_failure(id, &key, error, &attestation)?;
			Self::accept_failure(id, request, index, error);
			Ok(())
		}

		/// A seat's reveal: its output, the salt of its seal, and its signature over the
		/// request's commitment for that output. Authorized (no fee) when it matches the seal.
		///
		/// Weighed for a judgement of the most seats a request can have; the weight of a reveal
		/// that judges nothing (others still to reveal) or judges fewer seats is refunded, so a
		/// block takes as many reveals as it has room for.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reveal(output.encoded_size() as u32))]
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
			let full = T::WeightInfo::reveal(bytes);
			let actual = match judged {
				Judged::NotYet => T::WeightInfo::reveal_unjudged(bytes),
				Judged::Settled { seats } => T::WeightInfo::reveal_unjudged(bytes)
					.saturating_add(T::WeightInfo::judge(seats, bytes)),
				Judged::Escalated => full,
			};
			Ok(Some(actual.min(full)).into())
		}
	}
}

/// Whether `tensors` match `schema` exactly; the first mismatch as an error otherwise.
fn check_tensors<T: Config>(tensors: &[Tensor], schema: &Schema) -> Result<(), Error<T>> {
	ensure!(tensors.len() == schema.len(), Error::<T>::InputCountMismatch);
	for (tensor, spec) in tensors.iter().zip(schema.iter()) {
		ensure!(tensor.dtype == spec.dtype, Error::<T>::InputTypeMismatch);
		ensure!(tensor.shape == spec.shape, Error::<T>::InputShapeMismatch);
		ensure!(tensor.is_consistent(), Error::<T>::MalformedTensor);
		ensure!(tensor.all_finite(), Error::<T>::NonFiniteInput);
	}
	Ok(())
}

/// What the offchain worker did with one seat.
enum Job {
	/// Nothing to do now (waiting for other seats, or a submission may still land).
	Idle,
	/// Ran the model, submitted a seal, reveal or failure report.
	Acted,
	/// This node cannot run models at all: stop for this block.
	Stop,
}

/// What a reveal led to, for its actual weight.
enum Judged {
	/// Other seats still have to reveal.
	NotYet,
	/// The request was judged over `seats` seats and settled.
	Settled { seats: u32 },
	/// More verifiers were drawn (or none could be, and it was refunded).
	Escalated,
}

/// The inference error for a feed that cannot be read.
fn feed_error<T: Config>(error: FeedError) -> Error<T> {
	match error {
		FeedError::UnknownFeed => Error::<T>::UnknownFeed,
		FeedError::NoValue => Error::<T>::FeedHasNoValue,
		FeedError::Stale => Error::<T>::FeedStale,
		FeedError::NotEnoughHistory => Error::<T>::FeedHistoryTooShort,
	}
}

/// `blake2_256` of `bytes`.
fn hash_of(bytes: &[u8]) -> H256 {
	H256(sp_io::hashing::blake2_256(bytes))
}

/// The hash a result output stands for.
fn output_hash_of<T: Config>(output: &ResultOutputOf<T>) -> H256 {
	match output {
		ResultOutput::Inline(bytes) => hash_of(bytes),
		ResultOutput::Stored { hash, .. } => *hash,
	}
}

impl<T: Config> Pallet<T> {
	/// The genesis hash, which commitments and seals are bound to.
	pub fn genesis_hash() -> H256 {
		frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
	}

	/// The commitment a seat of request `id` signs for `output_hash`.
	pub fn commitment_of(
		id: RequestId,
		model: &ModelId,
		input_hash: &H256,
		output_hash: &H256,
	) -> H256 {
		let domain =
			CommitmentDomain::Request { genesis_hash: Self::genesis_hash(), request_id: id };
		commitment(&domain, model, input_hash, output_hash)
	}

	/// The fee of one call of `model` now, if it takes requests.
	pub fn quote(model: &ModelId) -> Option<T::Balance> {
		let info = T::Models::model(model)?;
		if info.status != ModelStatus::Available {
			return None;
		}
		Self::fee_for(info.price, &info.policy).ok().map(|(fee, _)| fee)
	}

	/// The fee and, within it, the verification premium of a call at `price` under `policy`.
	fn fee_for(
		price: T::Balance,
		policy: &sibyl_primitives::registry::VerificationPolicy,
	) -> Result<(T::Balance, T::Balance), Error<T>> {
		let premium = T::Verifier::premium(policy).ok_or(Error::<T>::FeeOverflow)?;
		let fee = T::ExecutionFee::get()
			.checked_mul(&T::Balance::from(policy.replicas))
			.and_then(|execution| execution.checked_add(&price))
			.and_then(|fee| fee.checked_add(&premium))
			.ok_or(Error::<T>::FeeOverflow)?;
		Ok((fee, premium))
	}

	/// `input` with the feed values of `bindings` written in; for each binding, its feed and the
	/// newest round written.
	pub fn bind_feeds(
		mut input: InputTensors,
		bindings: &FeedBindings,
	) -> Result<(InputTensors, FeedRounds), Error<T>> {
		let mut rounds = Vec::with_capacity(bindings.len());
		for (i, binding) in bindings.iter().enumerate() {
			ensure!((1..=MAX_FEED_WINDOW).contains(&binding.rounds), Error::<T>::BadFeedWindow);
			let end = binding.offset.checked_add(binding.rounds);
			let overlaps = bindings.iter().take(i).any(|other| {
				other.tensor == binding.tensor
					&& other.offset < end.unwrap_or(u32::MAX)
					&& binding.offset < other.offset.saturating_add(other.rounds)
			});
			ensure!(!overlaps, Error::<T>::BindingsOverlap);
			let tensor = usize::try_from(binding.tensor)
				.ok()
				.and_then(|index| input.get_mut(index))
				.ok_or(Error::<T>::BindingOutOfBounds)?;
			let decimals = T::Feeds::decimals(binding.feed).map_err(feed_error::<T>)?;
			let answers =
				T::Feeds::window(binding.feed, binding.rounds).map_err(feed_error::<T>)?;
			let values: Vec<i128> = answers.iter().map(|a| a.value).collect();
			write_values(tensor, binding.offset, &values, decimals).map_err(|e| match e {
				BindError::OutOfBounds => Error::<T>::BindingOutOfBounds,
				BindError::UnsupportedType => Error::<T>::BindingTypeUnsupported,
				BindError::ValueOutOfRange => Error::<T>::FeedValueOutOfRange,
			})?;
			let newest = answers.last().map(|a| a.round).ok_or(Error::<T>::FeedHistoryTooShort)?;
			rounds.push((binding.feed, newest));
		}
		Ok((input, rounds))
	}

	/// Validates, escrows and queues a request; its id.
	pub fn do_request(
		who: T::AccountId,
		model: ModelId,
		input: InputTensors,
		max_fee: T::Balance,
	) -> Result<RequestId, DispatchError> {
		let info = T::Models::model(&model).ok_or(Error::<T>::UnknownModel)?;
		match info.status {
			ModelStatus::Available => {},
			ModelStatus::Uploading => return Err(Error::<T>::ModelNotAvailable.into()),
			ModelStatus::Retired => return Err(Error::<T>::ModelRetired.into()),
		}
		let encoded = input.encode();
		let encoded: BoundedVec<u8, T::MaxInputBytes> =
			encoded.try_into().map_err(|_| Error::<T>::InputTooLarge)?;
		check_tensors::<T>(&input, &info.inputs)?;
		let (fee, premium) = Self::fee_for(info.price, &info.policy)?;
		ensure!(fee <= max_fee, Error::<T>::FeeBelowPrice);
		ensure!(
			T::Nodes::active(Role::Inference).len() >= usize::from(info.policy.replicas),
			Error::<T>::NotEnoughNodes
		);
		if info.policy.sample_ppm > 0 {
			ensure!(
				T::Nodes::active(Role::Verifier).len() >= usize::from(info.policy.verifiers),
				Error::<T>::NotEnoughNodes
			);
		}

		let id = RequestId(NextRequestId::<T>::get());
		Queue::<T>::try_append(id).map_err(|_| Error::<T>::QueueFull)?;
		T::Escrow::escrow(id, &who, fee).map_err(|_| Error::<T>::InsufficientBalance)?;
		NextRequestId::<T>::put(id.0.saturating_add(1));

		let request = Request {
			requester: who.clone(),
			model,
			input_hash: hash_of(&encoded),
			fee,
			premium,
			owner: info.owner,
			royalty: info.price,
			created: frame_system::Pallet::<T>::block_number(),
			policy: info.policy,
			attempts: 0,
			checking: Checking::Pending,
			slots: Default::default(),
			state: RequestState::Queued,
		};
		Requests::<T>::insert(id, request);
		Inputs::<T>::insert(id, encoded);
		ByRequester::<T>::insert(&who, id, ());
		Self::deposit_event(Event::Requested { id, requester: who, model, fee });
		Ok(id)
	}

	/// Start-of-block work: expired deadlines, sample draws, new assignments, then pruning.
	fn begin_block(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_base();
		let seed = frame_system::Pallet::<T>::parent_hash();
		let nodes = T::Nodes::active(Role::Inference);
		let node_count = nodes.len() as u32;

		let expired = Deadlines::<T>::take(now);
		for id in expired {
			weight.saturating_accrue(T::WeightInfo::expire_one(node_count));
			weight.saturating_accrue(Self::expire(id, now, &nodes, seed));
		}

		let to_sample = ToSample::<T>::take();
		weight.saturating_accrue(
			T::WeightInfo::assign_one(node_count).saturating_mul(to_sample.len() as u64),
		);
		for id in to_sample {
			if let Some(request) = Requests::<T>::get(id) {
				if request.state == RequestState::Sampling {
					Self::sample(id, request, now, seed);
				}
			}
		}

		// The oldest `MaxAssignPerBlock` queued requests get their seats; the rest wait, in order.
		let mut queued = Queue::<T>::take().into_inner();
		let rest = queued.split_off(queued.len().min(T::MaxAssignPerBlock::get() as usize));
		Queue::<T>::put(BoundedVec::truncate_from(rest));
		weight.saturating_accrue(
			T::WeightInfo::assign_one(node_count).saturating_mul(queued.len() as u64),
		);
		for id in queued {
			if let Some(request) = Requests::<T>::get(id) {
				Self::assign(id, request, now, &nodes, seed, |_| true);
			}
		}

		weight.saturating_accrue(Self::prune(now));
		weight
	}

	/// Handles a deadline that passed for `id` (if the request is still waiting on it); the
	/// weight of any judgement it made.
	fn expire(id: RequestId, now: BlockNumberFor<T>, nodes: &[T::AccountId], seed: H256) -> Weight {
		let Some(mut request) = Requests::<T>::get(id) else { return Weight::zero() };
		match request.state {
			RequestState::Committing { deadline } if deadline < now => {
				// Verifiers that did not seal lose their seat; executors are replaced.
				let (silent, seated): (Vec<_>, Vec<_>) = request
					.slots
					.iter()
					.cloned()
					.partition(|s| s.seal.is_none() && s.seat == Seat::Verifier);
				for slot in &silent {
					T::Verifier::missed(id, &slot.node, Seat::Verifier);
					Assigned::<T>::remove(&slot.node, id);
				}
				request.slots = seated.try_into().unwrap_or_default();
				let late: Vec<T::AccountId> = request
					.slots
					.iter()
					.filter(|s| s.seal.is_none())
					.map(|s| s.node.clone())
					.collect();
				if late.is_empty() {
					Self::advance(id, request, now);
					return Weight::zero();
				}
				for node in &late {
					T::Verifier::missed(id, node, Seat::Executor);
				}
				if request.attempts >= T::MaxAttempts::get() {
					Self::settle(id, request, Outcome::Refunded(RefundReason::Timeout), now, &[]);
				} else {
					Self::assign(id, request, now, nodes, seed, |slot| {
						slot.seat == Seat::Executor && slot.seal.is_none()
					});
				}
				Weight::zero()
			},
			RequestState::Revealing { deadline } if deadline < now => {
				let seats = request.slots.len() as u32;
				Self::conclude(id, request, now);
				T::WeightInfo::judge(seats, T::MaxInlineOutput::get())
			},
			_ => Weight::zero(), // Moved on since: a later deadline governs.
		}
	}

	/// (Re)draws executors for the slots `replace` selects (all slots of a new request), draws
	/// the verifiers of a request every one of which is checked, and opens sealing until a new
	/// deadline. Refunds if there are not enough nodes or no room for the deadline.
	fn assign(
		id: RequestId,
		mut request: RequestOf<T>,
		now: BlockNumberFor<T>,
		nodes: &[T::AccountId],
		seed: H256,
		replace: impl Fn(&Slot<T::AccountId>) -> bool,
	) {
		let (replaced, kept): (Vec<_>, Vec<_>) =
			request.slots.iter().cloned().partition(|s| replace(s));
		let executors_kept = kept.iter().filter(|s| s.seat == Seat::Executor).count();
		let needed = usize::from(request.policy.replicas).saturating_sub(executors_kept);
		let taken = |who: &T::AccountId| kept.iter().any(|s| &s.node == who);
		// Prefer nodes that did not just fail this request; fall back to them if needed.
		let mut fresh: Vec<T::AccountId> = nodes
			.iter()
			.filter(|n| !taken(n) && !replaced.iter().any(|s| &s.node == *n))
			.cloned()
			.collect();
		let mut retry: Vec<T::AccountId> = replaced
			.iter()
			.map(|s| s.node.clone())
			.filter(|n| nodes.contains(n) && !taken(n))
			.collect();

		let attempt = request.attempts.saturating_add(1);
		let mut chosen: Vec<Slot<T::AccountId>> = Vec::with_capacity(needed);
		let mut draw = 0u32;
		while chosen.len() < needed {
			let pool = if fresh.is_empty() { &mut retry } else { &mut fresh };
			if pool.is_empty() {
				break;
			}
			let pick = (seed, id, attempt, draw).using_encoded(sp_io::hashing::blake2_256);
			draw = draw.saturating_add(1);
			let index = u64::from_le_bytes(
				<[u8; 8]>::try_from(pick.get(..8).unwrap_or(&[0; 8])).unwrap_or([0; 8]),
			)
			.checked_rem(pool.len() as u64)
			.unwrap_or(0);
			let executor = pool.swap_remove(index as usize);
			if let Some(key) = T::Nodes::key_of(Role::Inference, &executor) {
				chosen.push(Slot {
					node: executor,
					key,
					seat: Seat::Executor,
					seal: None,
					output: None,
				});
			}
		}

		for slot in &replaced {
			Assigned::<T>::remove(&slot.node, id);
		}
		request.attempts = attempt;
		request.slots = kept.into_iter().collect::<Vec<_>>().try_into().unwrap_or_default();
		if chosen.len() < needed {
			Self::settle(id, request, Outcome::Refunded(RefundReason::NoExecutors), now, &[]);
			return;
		}
		let executors: Vec<T::AccountId> = chosen.iter().map(|s| s.node.clone()).collect();
		for slot in chosen {
			Assigned::<T>::insert(&slot.node, id, ());
			if request.slots.try_push(slot).is_err() {
				defensive!("replicas never exceed MAX_REPLICAS");
			}
		}
		if attempt == 1 {
			let policy = request.policy;
			request.checking = if policy.verifiers == 0 || policy.sample_ppm == 0 {
				Checking::Skipped
			} else if policy.sample_ppm >= SAMPLE_RATE_ALWAYS {
				// Every request is checked: nothing to hide, so verifiers start at once.
				if Self::seat_verifiers(id, &mut request, seed, policy.verifiers) == 0 {
					Checking::Skipped
				} else {
					Checking::Drawn
				}
			} else {
				Checking::Pending
			};
		}
		let Some(deadline) = Self::track_deadline(id, now) else {
			Self::settle(id, request, Outcome::Refunded(RefundReason::Overloaded), now, &[]);
			return;
		};
		request.state = RequestState::Committing { deadline };
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::Assigned { id, attempt, executors, deadline });
	}

	/// Draws up to `count` verifiers for `request` (none already seated) and seats them; how
	/// many were seated.
	fn seat_verifiers(id: RequestId, request: &mut RequestOf<T>, seed: H256, count: u8) -> usize {
		let seated: Vec<T::AccountId> = request.slots.iter().map(|s| s.node.clone()).collect();
		let drawn = T::Verifier::draw(id, &seed, &seated, count);
		let mut added = 0usize;
		for (node, key) in drawn {
			let slot =
				Slot { node: node.clone(), key, seat: Seat::Verifier, seal: None, output: None };
			if request.slots.try_push(slot).is_ok() {
				Assigned::<T>::insert(&node, id, ());
				added = added.saturating_add(1);
			}
		}
		added
	}

	/// Registers `id` to expire after a phase of `ResultTimeout` blocks from `now`; the last
	/// block of the phase, or `None` if no block near the deadline has room left.
	fn track_deadline(id: RequestId, now: BlockNumberFor<T>) -> Option<BlockNumberFor<T>> {
		let deadline = now.saturating_add(T::ResultTimeout::get()).saturating_sub(One::one());
		// Messages are accepted through `deadline`; the request expires at the start of the
		// next block. If that block's list is full, the deadline moves a few blocks on.
		let mut expiry = deadline.saturating_add(One::one());
		for _ in 0..8 {
			if Deadlines::<T>::try_append(expiry, id).is_ok() {
				return Some(expiry.saturating_sub(One::one()));
			}
			expiry = expiry.saturating_add(One::one());
		}
		None
	}

	/// After a seal, a failure report or a sealing deadline: opens the sample draw or the
	/// reveals once every seat has sealed; otherwise keeps waiting.
	fn advance(id: RequestId, mut request: RequestOf<T>, now: BlockNumberFor<T>) {
		if request.slots.iter().any(|s| s.seal.is_none()) {
			Requests::<T>::insert(id, request);
			return;
		}
		if request.checking == Checking::Pending {
			if ToSample::<T>::try_append(id).is_ok() {
				request.state = RequestState::Sampling;
				Requests::<T>::insert(id, request);
				return;
			}
			// No room to wait for the next block's draw: check the request rather than not.
			let seed = frame_system::Pallet::<T>::parent_hash();
			return Self::check_or_skip(id, request, now, seed, true);
		}
		let Some(deadline) = Self::track_deadline(id, now) else {
			Self::settle(id, request, Outcome::Refunded(RefundReason::Overloaded), now, &[]);
			return;
		};
		request.state = RequestState::Revealing { deadline };
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::RevealsOpen { id, deadline });
	}

	/// Opens sealing again for newly seated verifiers.
	fn reopen_sealing(id: RequestId, mut request: RequestOf<T>, now: BlockNumberFor<T>) {
		let Some(deadline) = Self::track_deadline(id, now) else {
			Self::settle(id, request, Outcome::Refunded(RefundReason::Overloaded), now, &[]);
			return;
		};
		request.state = RequestState::Committing { deadline };
		Requests::<T>::insert(id, request);
	}

	/// The sample draw of a request whose executors have sealed: seats verifiers, or opens the
	/// reveals.
	fn sample(id: RequestId, request: RequestOf<T>, now: BlockNumberFor<T>, seed: H256) {
		let sampled = T::Verifier::sampled(id, &request.policy, &seed);
		Self::check_or_skip(id, request, now, seed, sampled);
	}

	/// Seats the policy's verifiers when `check` (and reopens sealing for them); otherwise, or
	/// when no verifier can be drawn, the request goes on unchecked.
	fn check_or_skip(
		id: RequestId,
		mut request: RequestOf<T>,
		now: BlockNumberFor<T>,
		seed: H256,
		check: bool,
	) {
		let verifiers = request.policy.verifiers;
		if check && Self::seat_verifiers(id, &mut request, seed, verifiers) > 0 {
			request.checking = Checking::Drawn;
			Self::reopen_sealing(id, request, now);
		} else {
			request.checking = Checking::Skipped;
			Self::advance(id, request, now);
		}
	}

	/// The seat of `key` in `request`, if `key` is still bound to the seat's account.
	fn seat_of(request: &RequestOf<T>, key: &NodeKey) -> Result<usize, DispatchError> {
		let index =
			request.slots.iter().position(|s| &s.key == key).ok_or(Error::<T>::NotAssigned)?;
		let slot = request.slots.get(index).ok_or(Error::<T>::NotAssigned)?;
		ensure!(
			T::Nodes::account_of(slot.seat.role(), key).as_ref() == Some(&slot.node),
			Error::<T>::NotAssigned
		);
		Ok(index)
	}

	/// The request `id` while it takes seals, and the seat of `key` in it, which has not sealed.
	fn sealing_seat(id: RequestId, key: &NodeKey) -> Result<(RequestOf<T>, usize), DispatchError> {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(
			matches!(request.state, RequestState::Committing { .. }),
			Error::<T>::NotCommitting
		);
		let index = Self::seat_of(&request, key)?;
		let slot = request.slots.get(index).ok_or(Error::<T>::NotAssigned)?;
		ensure!(slot.seal.is_none(), Error::<T>::AlreadyCommitted);
		Ok((request, index))
	}

	/// Checks a seal: the request takes seals, `key` holds a seat that has not sealed, and
	/// `signature` signs the commit payload.
	fn check_commit(
		id: RequestId,
		key: &NodeKey,
		seal: &H256,
		signature: &NodeSignature,
	) -> Result<(RequestOf<T>, usize), DispatchError> {
		let (request, index) = Self::sealing_seat(id, key)?;
		let payload = commit_payload(&Self::genesis_hash(), id, seal);
		ensure!(
			sp_io::crypto::sr25519_verify(signature, &payload, key),
			Error::<T>::BadAttestation
		);
		Ok((request, index))
	}

	/// Checks a failure report: as a seal, but signed over the failure's commitment.
	fn check_failure(
		id: RequestId,
		key: &NodeKey,
		error: InferenceError,
		attestation: &NodeSignature,
	) -> Result<(RequestOf<T>, usize), DispatchError> {
		let (request, index) = Self::sealing_seat(id, key)?;
		let commitment =
			Self::commitment_of(id, &request.model, &request.input_hash, &failure_hash(error));
		ensure!(
			sp_io::crypto::sr25519_verify(attestation, commitment.as_bytes(), key),
			Error::<T>::BadAttestation
		);
		Ok((request, index))
	}

	/// Checks a reveal fully; the request, the seat and the output hash.
	fn check_reveal(
		id: RequestId,
		key: &NodeKey,
		output: &ResultOutputOf<T>,
		salt: &[u8; 32],
		attestation: &NodeSignature,
	) -> Result<(RequestOf<T>, usize, H256), DispatchError> {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(matches!(request.state, RequestState::Revealing { .. }), Error::<T>::NotRevealing);
		let index = Self::seat_of(&request, key)?;
		let slot = request.slots.get(index).ok_or(Error::<T>::NotAssigned)?;
		ensure!(slot.output.is_none(), Error::<T>::AlreadyRevealed);
		let sealed = slot.seal.ok_or(Error::<T>::NotCommitted)?;
		if let ResultOutput::Stored { len, .. } = output {
			ensure!(*len > T::MaxInlineOutput::get(), Error::<T>::OutputShouldBeInline);
		}
		let output_hash = output_hash_of::<T>(output);
		ensure!(
			seal(&Self::genesis_hash(), id, key, &output_hash, salt) == sealed,
			Error::<T>::SealMismatch
		);
		let commitment = Self::commitment_of(id, &request.model, &request.input_hash, &output_hash);
		ensure!(
			sp_io::crypto::sr25519_verify(attestation, commitment.as_bytes(), key),
			Error::<T>::BadAttestation
		);
		if let ResultOutput::Inline(bytes) = output {
			let info = T::Models::model(&request.model).ok_or(Error::<T>::UnknownModel)?;
			let tensors = <Vec<Tensor>>::decode_all(&mut &bytes[..])
				.map_err(|_| Error::<T>::OutputMismatch)?;
			check_tensors::<T>(&tensors, &info.outputs).map_err(|_| Error::<T>::OutputMismatch)?;
		}
		Ok((request, index, output_hash))
	}

	fn validity(id: RequestId, key: &NodeKey, phase: u8) -> ValidTransaction {
		let longevity: u64 = T::ResultTimeout::get().unique_saturated_into();
		let longevity = longevity.max(1);
		ValidTransaction::with_tag_prefix("SibylInferenceResult")
			.priority(u64::MAX / 2)
			.and_provides((id, key, phase))
			.longevity(longevity)
			.propagate(true)
			.build()
			.unwrap_or_default()
	}

	fn invalid(error: DispatchError) -> TransactionValidityError {
		if error == Error::<T>::BadAttestation.into() || error == Error::<T>::SealMismatch.into() {
			InvalidTransaction::BadProof.into()
		} else if error == Error::<T>::AlreadyCommitted.into()
			|| error == Error::<T>::AlreadyRevealed.into()
		{
			InvalidTransaction::Stale.into()
		} else {
			let code = match error {
				DispatchError::Module(module) => module.error.first().copied().unwrap_or(0),
				_ => 0,
			};
			InvalidTransaction::Custom(code).into()
		}
	}

	/// `#[pallet::authorize]` of [`Pallet::commit`].
	fn authorize_commit(
		_source: TransactionSource,
		id: &RequestId,
		key: &NodeKey,
		seal: &H256,
		signature: &NodeSignature,
	) -> TransactionValidityWithRefund {
		Self::check_commit(*id, key, seal, signature).map_err(Self::invalid)?;
		Ok((Self::validity(*id, key, 0), Weight::zero()))
	}

	/// `#[pallet::authorize]` of [`Pallet::report_failure`].
	fn authorize_failure(
		_source: TransactionSource,
		id: &RequestId,
		key: &NodeKey,
		error: &InferenceError,
		attestation: &NodeSignature,
	) -> TransactionValidityWithRefund {
		Self::check_failure(*id, key, *error, attestation).map_err(Self::invalid)?;
		Ok((Self::validity(*id, key, 0), Weight::zero()))
	}

	/// `#[pallet::authorize]` of [`Pallet::reveal`].
	fn authorize_reveal(
		_source: TransactionSource,
		id: &RequestId,
		key: &NodeKey,
		output: &ResultOutputOf<T>,
		salt: &[u8; 32],
		attestation: &NodeSignature,
	) -> TransactionValidityWithRefund {
		Self::check_reveal(*id, key, output, salt, attestation).map_err(Self::invalid)?;
		Ok((Self::validity(*id, key, 1), Weight::zero()))
	}

	/// Records a checked seal.
	fn accept_commit(id: RequestId, mut request: RequestOf<T>, index: usize, seal: H256) {
		let Some(slot) = request.slots.get_mut(index) else { return };
		slot.seal = Some(seal);
		let (node, seat) = (slot.node.clone(), slot.seat);
		Self::deposit_event(Event::Committed { id, node, seat });
		Self::advance(id, request, frame_system::Pallet::<T>::block_number());
	}

	/// Records a checked failure report: replaces an executor (or refunds on the last attempt);
	/// a verifier leaves its seat.
	fn accept_failure(
		id: RequestId,
		mut request: RequestOf<T>,
		index: usize,
		error: InferenceError,
	) {
		let Some(slot) = request.slots.get(index).cloned() else { return };
		Self::deposit_event(Event::ExecutionFailed {
			id,
			node: slot.node.clone(),
			seat: slot.seat,
			error,
		});
		let now = frame_system::Pallet::<T>::block_number();
		match slot.seat {
			Seat::Verifier => {
				Assigned::<T>::remove(&slot.node, id);
				request.slots.retain(|s| s.key != slot.key);
				Self::advance(id, request, now);
			},
			Seat::Executor if request.attempts >= T::MaxAttempts::get() => {
				let outcome = Outcome::Refunded(RefundReason::ExecutionFailed(error));
				Self::settle(id, request, outcome, now, &[]);
			},
			Seat::Executor => {
				let nodes = T::Nodes::active(Role::Inference);
				let seed = frame_system::Pallet::<T>::parent_hash();
				Self::assign(id, request, now, &nodes, seed, |s| s.key == slot.key);
			},
		}
	}

	/// Records a checked reveal; judges the request once every sealed seat has revealed.
	fn accept_reveal(
		id: RequestId,
		mut request: RequestOf<T>,
		index: usize,
		output: ResultOutputOf<T>,
		output_hash: H256,
	) -> Judged {
		let Some(slot) = request.slots.get_mut(index) else { return Judged::NotYet };
		slot.output = Some(output_hash);
		let (node, seat, key) = (slot.node.clone(), slot.seat, slot.key);
		Reveals::<T>::insert(id, key, output);
		Self::deposit_event(Event::Revealed { id, node, seat, output_hash });
		if request.slots.iter().any(|s| s.seal.is_some() && s.output.is_none()) {
			Requests::<T>::insert(id, request);
			return Judged::NotYet;
		}
		Self::conclude(id, request, frame_system::Pallet::<T>::block_number())
	}

	/// Judges the revealed outputs and settles, or escalates once to more verifiers.
	fn conclude(id: RequestId, mut request: RequestOf<T>, now: BlockNumberFor<T>) -> Judged {
		let seats = request.slots.len() as u32;
		let ballots: Vec<Ballot<T::AccountId>> = request
			.slots
			.iter()
			.map(|s| Ballot {
				who: s.node.clone(),
				seat: s.seat,
				output_hash: s.output,
				output: match Reveals::<T>::get(id, s.key) {
					Some(ResultOutput::Inline(bytes)) => Some(bytes.into_inner()),
					_ => None,
				},
			})
			.collect();
		let last_round = request.checking == Checking::Escalated;
		let judgement = T::Verifier::judge(id, &request.policy.tolerance, &ballots, last_round);
		match judgement.decision {
			Decision::Accepted { executor } => {
				let Some(slot) = request.slots.get(executor) else {
					defensive!("the judge returns a ballot index");
					return Judged::Settled { seats };
				};
				let output_hash = slot.output.unwrap_or_default();
				match Reveals::<T>::get(id, slot.key) {
					Some(ResultOutput::Inline(bytes)) => Outputs::<T>::insert(id, bytes),
					Some(ResultOutput::Stored { hash, len }) => {
						StoredOutputs::<T>::insert(id, (hash, len))
					},
					None => {
						defensive!("an accepted seat has revealed");
					},
				}
				let paid: Vec<T::AccountId> = request
					.slots
					.iter()
					.zip(&judgement.in_line)
					.filter(|(s, ok)| **ok && s.seat == Seat::Executor)
					.map(|(s, _)| s.node.clone())
					.collect();
				Self::settle(id, request, Outcome::Verified { output_hash }, now, &paid);
			},
			Decision::ExecutorsWrong => {
				let outcome = Outcome::SlashedAndRefunded(RefundReason::WrongResult);
				Self::settle(id, request, outcome, now, &[]);
			},
			Decision::NoMajority if !last_round => {
				let seed = frame_system::Pallet::<T>::parent_hash();
				let more = request.policy.verifiers.saturating_add(1);
				let added = Self::seat_verifiers(id, &mut request, seed, more);
				if added == 0 {
					let outcome = Outcome::Refunded(RefundReason::NoAgreement);
					Self::settle(id, request, outcome, now, &[]);
					return Judged::Escalated;
				}
				request.checking = Checking::Escalated;
				Self::deposit_event(Event::Escalated { id, verifiers: added as u32 });
				Self::reopen_sealing(id, request, now);
				return Judged::Escalated;
			},
			Decision::NoMajority => {
				Self::settle(id, request, Outcome::Refunded(RefundReason::NoAgreement), now, &[]);
			},
		}
		Judged::Settled { seats }
	}

	/// Ends request `id` with `outcome`: pays (the owner, the executors in `paid`, the treasury)
	/// or refunds the escrow, records and announces it.
	fn settle(
		id: RequestId,
		mut request: RequestOf<T>,
		outcome: Outcome,
		now: BlockNumberFor<T>,
		paid: &[T::AccountId],
	) {
		let settled = match outcome {
			Outcome::Verified { output_hash } => {
				let mut payees = Vec::with_capacity(paid.len().saturating_add(2));
				payees.push((request.owner.clone(), request.royalty));
				for executor in paid {
					payees.push((executor.clone(), T::ExecutionFee::get()));
				}
				payees.push((T::Treasury::account(), request.premium));
				let commitment =
					Self::commitment_of(id, &request.model, &request.input_hash, &output_hash);
				Commitments::<T>::insert(id, commitment);
				T::Escrow::settle(id, &payees).map(|_| ())
			},
			Outcome::Refunded(_) | Outcome::SlashedAndRefunded(_) => {
				T::Escrow::refund(id).map(|_| ())
			},
		};
		if let Err(e) = settled {
			log::error!(target: LOG_TARGET, "escrow of request {} did not settle: {e:?}", id.0);
			defensive!("every running request has an escrow");
		}
		for slot in &request.slots {
			Assigned::<T>::remove(&slot.node, id);
		}
		let _ = Reveals::<T>::clear_prefix(id, sibyl_primitives::request::MAX_SEATS, None);
		Inputs::<T>::remove(id);
		request.state = RequestState::Settled { outcome, at: now };
		Requests::<T>::insert(id, request);
		let (head, tail) = PruneCursor::<T>::get();
		PruneLog::<T>::insert(tail, (id, now));
		PruneCursor::<T>::put((head, tail.saturating_add(1)));
		Self::deposit_event(Event::RequestSettled { id, outcome });
	}

	/// Removes up to `MaxPrunePerBlock` requests whose retention ended; the weight used.
	fn prune(now: BlockNumberFor<T>) -> Weight {
		let (mut head, tail) = PruneCursor::<T>::get();
		let mut pruned = 0u32;
		while head < tail && pruned < T::MaxPrunePerBlock::get() {
			let Some((id, at)) = PruneLog::<T>::get(head) else {
				head = head.saturating_add(1);
				continue;
			};
			if at.saturating_add(T::Retention::get()) > now {
				break;
			}
			if let Some(request) = Requests::<T>::take(id) {
				ByRequester::<T>::remove(&request.requester, id);
			}
			Outputs::<T>::remove(id);
			StoredOutputs::<T>::remove(id);
			PruneLog::<T>::remove(head);
			head = head.saturating_add(1);
			pruned = pruned.saturating_add(1);
		}
		PruneCursor::<T>::put((head, tail));
		T::WeightInfo::prune(pruned)
	}

	/// A request, while kept.
	pub fn request_of(id: RequestId) -> Option<RequestOf<T>> {
		Requests::<T>::get(id)
	}

	/// The inline output of a request, while kept.
	pub fn output_of(id: RequestId) -> Option<Vec<u8>> {
		Outputs::<T>::get(id).map(|o| o.into_inner())
	}

	/// The commitment of a verified request.
	pub fn commitment(id: RequestId) -> Option<H256> {
		Commitments::<T>::get(id)
	}

	/// Up to `limit` (at most 1000) kept requests of `who` with ids above `after`, ascending.
	pub fn requests_of(who: &T::AccountId, after: Option<RequestId>, limit: u32) -> Vec<RequestId> {
		let mut ids: Vec<RequestId> = ByRequester::<T>::iter_key_prefix(who)
			.filter(|id| after.is_none_or(|a| *id > a))
			.collect();
		ids.sort();
		ids.truncate(limit.min(1000) as usize);
		ids
	}

	/// The roles this node takes, as `sibyl-node` recorded them in offchain storage.
	fn node_roles() -> Vec<Role> {
		sp_io::offchain::local_storage_get(
			sp_core::offchain::StorageKind::PERSISTENT,
			sibyl_primitives::roles::NODE_ROLES_KEY,
		)
		.and_then(|bytes| Vec::<Role>::decode_all(&mut &bytes[..]).ok())
		.unwrap_or_default()
	}

	/// The offchain worker: seals, reveals or reports the seats held by this node's keys.
	fn run_offchain(now: BlockNumberFor<T>) {
		Self::forget_ended();
		for role in Self::node_roles() {
			if !matches!(role, Role::Inference | Role::Verifier) {
				continue;
			}
			for key in sp_io::crypto::sr25519_public_keys(role.key_type()) {
				let Some(account) = T::Nodes::account_of(role, &key) else { continue };
				// Every seat of the account, oldest request first (its deadline comes first);
				// only seats with something to do now count toward the limit of a run.
				let mut jobs: Vec<RequestId> = Assigned::<T>::iter_key_prefix(&account).collect();
				jobs.sort_unstable();
				let mut acted = 0usize;
				for id in jobs {
					match Self::run_job(id, role, &key, now) {
						Job::Stop => return,
						Job::Idle => {},
						Job::Acted => {
							acted = acted.saturating_add(1);
							if acted >= MAX_JOBS_PER_RUN {
								break;
							}
						},
					}
				}
			}
		}
	}

	/// Removes this node's offchain records (sealed output and salt, claims) of seats whose
	/// request has ended, and lists a new seat when `add` is given.
	fn track_seats(add: Option<(RequestId, NodeKey)>) {
		use sp_runtime::offchain::storage::StorageValueRef;
		let index = StorageValueRef::persistent(SEATS_INDEX_KEY);
		let _ = index.mutate(|seats: Result<Option<Vec<(RequestId, NodeKey)>>, _>| {
			let mut seats = seats.ok().flatten().unwrap_or_default();
			if let Some(seat) = add {
				if seats.len() >= MAX_TRACKED_SEATS {
					seats.remove(0);
				}
				seats.push(seat);
				return Ok::<_, ()>(seats);
			}
			seats.retain(|(id, key)| {
				let open = Requests::<T>::get(id)
					.is_some_and(|r| !matches!(r.state, RequestState::Settled { .. }));
				if !open {
					Self::clear_seat(*id, key);
				}
				open
			});
			Ok(seats)
		});
	}

	/// Forgets the offchain records of seats whose request has ended.
	fn forget_ended() {
		Self::track_seats(None);
	}

	fn clear_seat(id: RequestId, key: &NodeKey) {
		use sp_core::offchain::StorageKind::PERSISTENT;
		sp_io::offchain::local_storage_clear(PERSISTENT, &Self::pending_key(id, key));
		for attempt in 0..=T::MaxAttempts::get() {
			for phase in 0..2u8 {
				Self::forget_claim(id, attempt, key, phase);
			}
		}
	}

	/// Takes the next step of one seat, if it has one now.
	fn run_job(id: RequestId, role: Role, key: &NodeKey, now: BlockNumberFor<T>) -> Job {
		let Some(request) = Requests::<T>::get(id) else { return Job::Idle };
		let Some(slot) = request.slots.iter().find(|s| &s.key == key && s.seat.role() == role)
		else {
			return Job::Idle;
		};
		let pending_key = Self::pending_key(id, key);
		match request.state {
			RequestState::Committing { .. } if slot.seal.is_none() => {
				if !Self::claim(id, request.attempts, key, 0, now) {
					return Job::Idle;
				}
				if Self::seal_job(id, &request, slot.seat, key, &pending_key) {
					Job::Acted
				} else {
					Job::Stop
				}
			},
			RequestState::Revealing { .. } if slot.seal.is_some() && slot.output.is_none() => {
				if !Self::claim(id, request.attempts, key, 1, now) {
					return Job::Idle;
				}
				Self::reveal_job(id, &request, slot.seat, key, &pending_key);
				Job::Acted
			},
			_ => Job::Idle,
		}
	}

	/// Offchain key of a seat's sealed output and salt.
	fn pending_key(id: RequestId, key: &NodeKey) -> Vec<u8> {
		(b"sibyl/inference/pending/", id, key).encode()
	}

	/// Offchain key of a seat's claim on a phase of an attempt.
	fn claim_key(id: RequestId, attempt: u8, key: &NodeKey, phase: u8) -> Vec<u8> {
		(b"sibyl/inference/claim/", id, attempt, key, phase).encode()
	}

	/// One claim per request, attempt, key and phase: `false` while a submission may still land.
	fn claim(id: RequestId, attempt: u8, key: &NodeKey, phase: u8, now: BlockNumberFor<T>) -> bool {
		use sp_runtime::offchain::storage::StorageValueRef;
		let claim_key = Self::claim_key(id, attempt, key, phase);
		let claim = StorageValueRef::persistent(&claim_key);
		let resubmit = BlockNumberFor::<T>::from(RESUBMIT_AFTER);
		claim
			.mutate(|last: Result<Option<BlockNumberFor<T>>, _>| match last {
				Ok(Some(at)) if at.saturating_add(resubmit) > now => Err(()),
				_ => Ok(now),
			})
			.is_ok()
	}

	fn forget_claim(id: RequestId, attempt: u8, key: &NodeKey, phase: u8) {
		sp_io::offchain::local_storage_clear(
			sp_core::offchain::StorageKind::PERSISTENT,
			&Self::claim_key(id, attempt, key, phase),
		);
	}

	/// Runs the model and submits the seal (keeping output and salt for the reveal), or a
	/// failure report; `false` if this node cannot run models at all.
	fn seal_job(
		id: RequestId,
		request: &RequestOf<T>,
		seat: Seat,
		key: &NodeKey,
		pending_key: &[u8],
	) -> bool {
		use sp_core::offchain::StorageKind::PERSISTENT;
		let inputs = Inputs::<T>::get(id)
			.and_then(|bytes| <Vec<Tensor>>::decode_all(&mut &bytes[..]).ok())
			.unwrap_or_default();
		let call = match sibyl_inference::run_model(&request.model, &inputs) {
			Ok(outputs) => {
				let bytes = outputs.encode();
				let output_hash = hash_of(&bytes);
				let salt = sp_io::offchain::random_seed();
				let sealed = seal(&Self::genesis_hash(), id, key, &output_hash, &salt);
				let payload = commit_payload(&Self::genesis_hash(), id, &sealed);
				let Some(signature) = Self::sign(seat, key, &payload) else { return true };
				let len = bytes.len() as u32;
				let output = match InlineOutputOf::<T>::try_from(bytes) {
					Ok(inline) => ResultOutput::Inline(inline),
					Err(bytes) => {
						let store_key = (b"sibyl/outputs/", output_hash).encode();
						sp_io::offchain::local_storage_set(PERSISTENT, &store_key, &bytes);
						ResultOutput::Stored { hash: output_hash, len }
					},
				};
				sp_io::offchain::local_storage_set(
					PERSISTENT,
					pending_key,
					&(salt, output).encode(),
				);
				log::info!(
					target: LOG_TARGET,
					"🧠 request {} ran as {seat:?}: output {output_hash:?} ({len} bytes), sealing",
					id.0
				);
				Call::<T>::commit { id, key: *key, seal: sealed, signature }
			},
			Err(error @ (InferenceError::ModelNotFound | InferenceError::Busy)) => {
				// This node's state, not the request's fault: the model may still be syncing
				// from peers, or the engine is catching up. Try again next block; the deadline
				// moves the request on if this node never gets there.
				Self::forget_claim(id, request.attempts, key, 0);
				log::info!(target: LOG_TARGET, "request {}: {error:?} here yet, retrying", id.0);
				return true;
			},
			Err(InferenceError::Unavailable) => {
				Self::forget_claim(id, request.attempts, key, 0);
				log::warn!(
					target: LOG_TARGET,
					"request {} has a seat for this node's keys, but the node runs without \
					 --inference or --verify: not answering",
					id.0
				);
				return false;
			},
			Err(error) => {
				log::warn!(target: LOG_TARGET, "request {} failed to run: {error:?}", id.0);
				let commitment = Self::commitment_of(
					id,
					&request.model,
					&request.input_hash,
					&failure_hash(error),
				);
				let Some(attestation) = Self::sign(seat, key, commitment.as_bytes()) else {
					return true;
				};
				Call::<T>::report_failure { id, key: *key, error, attestation }
			},
		};
		Self::submit(id, call);
		true
	}

	/// Reveals the sealed output kept by [`Self::seal_job`].
	fn reveal_job(
		id: RequestId,
		request: &RequestOf<T>,
		seat: Seat,
		key: &NodeKey,
		pending_key: &[u8],
	) {
		use sp_core::offchain::StorageKind::PERSISTENT;
		let pending = sp_io::offchain::local_storage_get(PERSISTENT, pending_key)
			.and_then(|bytes| <([u8; 32], ResultOutputOf<T>)>::decode_all(&mut &bytes[..]).ok());
		let Some((salt, output)) = pending else {
			log::warn!(
				target: LOG_TARGET,
				"request {}: sealed here, but the sealed output is gone from offchain storage",
				id.0
			);
			return;
		};
		let output_hash = output_hash_of::<T>(&output);
		let commitment = Self::commitment_of(id, &request.model, &request.input_hash, &output_hash);
		let Some(attestation) = Self::sign(seat, key, commitment.as_bytes()) else { return };
		log::info!(target: LOG_TARGET, "🧠 request {}: revealing {output_hash:?}", id.0);
		Self::submit(id, Call::<T>::reveal { id, key: *key, output, salt, attestation });
	}

	fn submit(id: RequestId, call: Call<T>) {
		let xt = T::create_authorized_transaction(call.into());
		if SubmitTransaction::<T, Call<T>>::submit_transaction(xt).is_err() {
			log::warn!(target: LOG_TARGET, "request {}: the pool refused the transaction", id.0);
		}
	}

	fn sign(seat: Seat, key: &NodeKey, payload: &[u8]) -> Option<NodeSignature> {
		let key_type = seat.role().key_type();
		let signature = sp_io::crypto::sr25519_sign(key_type, key, payload);
		if signature.is_none() {
			log::error!(target: LOG_TARGET, "the keystore cannot sign with {key_type:?} key {key:?}");
		}
		signature
	}
}
