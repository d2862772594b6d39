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
//!    `ExecutionFee` per replica, is escrowed through [`Escrow`] (a hold in `Payments`). A bad
//!    request fails with a named error and holds nothing.
//! 2. At the start of the next block the request gets its executors: `replicas` distinct bonded
//!    inference nodes, drawn with the parent block's hash as randomness (see "Randomness").
//! 3. Each executor's offchain worker finds the request, runs the model through the host
//!    interface ([`sibyl_inference::run_model`]) and submits [`Pallet::submit_result`] as an
//!    authorized general transaction (`#[pallet::authorize]`, no fee): the output and an sr25519
//!    signature of the node's `infr` key over the commitment
//!    `blake2_256(tag ‖ genesis hash ‖ request id ‖ model id ‖ input hash ‖ output hash)`. Only
//!    the assigned key's valid signature is accepted, and the pool keeps one submission per
//!    request and key, so duplicates are rejected before they reach a block. A node that cannot
//!    run the model says so with [`Pallet::report_failure`], equally signed.
//! 4. When every executor has answered with the same output hash the request is `Verified`: the
//!    model owner gets its price, each executor the execution fee, the requester any rest.
//!    Differing outputs refund the requester (`NoAgreement`).
//! 5. No answer by the deadline (`ResultTimeout` blocks) → the silent executors are replaced,
//!    up to `MaxAttempts` assignments in all; then the fee is refunded (`Timeout`). A reported
//!    failure replaces that executor at once; the last allowed failure refunds
//!    (`ExecutionFailed`).
//! 6. `Retention` blocks after settlement the request, its output and its index entries are
//!    pruned; the commitment of a verified request is kept.
//!
//! Outputs up to `MaxInlineOutput` bytes are stored on chain; larger ones stay in the
//! executor's offchain storage under their hash, and only the hash is on chain.
//!
//! ## Randomness
//!
//! Aura has no VRF. Executors are drawn in the block after the request, from
//! `blake2_256(parent hash ‖ request id ‖ attempt ‖ slot)`. The requester cannot know that hash
//! when signing. The author of the request's block can influence it (by choosing, ordering or
//! withholding transactions, or by not authoring), so an author that is also an inference node
//! can raise its chance of being drawn. What that buys is bounded: it still has to return the
//! output every other replica (and, later, the verifiers) agrees on, and it earns only the
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
	registry::{ModelRegistry, ModelStatus, Schema},
	request::failure_hash,
	roles::{Escrow, NodeRegistry, INFERENCE_KEY_TYPE},
	tensor::MAX_TENSORS,
	CommitmentDomain, InferenceError, ModelId, NodeKey, NodeSignature, Outcome, RefundReason,
	Request, RequestId, RequestState, ResultOutput, Role, Slot, Tensor,
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

/// Most requests one offchain-worker run starts for one key.
pub const MAX_JOBS_PER_RUN: usize = 64;

/// Blocks after which an offchain worker submits a result again if it has not landed.
pub const RESUBMIT_AFTER: u32 = 5;

/// The request record in this runtime.
pub type RequestOf<T> =
	Request<<T as frame_system::Config>::AccountId, <T as Config>::Balance, BlockNumberFor<T>>;

/// The input tensors of a call.
pub type InputTensors = BoundedVec<Tensor, ConstU32<MAX_TENSORS>>;

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
		/// Paid to each executor of a verified request.
		#[pallet::constant]
		type ExecutionFee: Get<Self::Balance>;
		/// Blocks an assignment has to answer (results are accepted through the last of them).
		#[pallet::constant]
		type ResultTimeout: Get<BlockNumberFor<Self>>;
		/// Most assignments of one request (the first one included).
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
		/// Most requests waiting for assignment, and most deadlines falling in one block.
		#[pallet::constant]
		type MaxQueue: Get<u32>;
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

	/// Inline outputs of requests, until pruned.
	#[pallet::storage]
	pub type Outputs<T: Config> = StorageMap<_, Twox64Concat, RequestId, InlineOutputOf<T>>;

	/// Outputs kept offchain: `(hash, length)`, until pruned.
	#[pallet::storage]
	pub type StoredOutputs<T: Config> = StorageMap<_, Twox64Concat, RequestId, (H256, u32)>;

	/// Commitments of verified requests; kept after pruning.
	#[pallet::storage]
	pub type Commitments<T: Config> = StorageMap<_, Twox64Concat, RequestId, H256>;

	/// Requests waiting for executors (assigned at the start of the next block).
	#[pallet::storage]
	pub type Queue<T: Config> = StorageValue<_, BoundedVec<RequestId, T::MaxQueue>, ValueQuery>;

	/// Requests whose deadline ends before the start of a block, by that block.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<RequestId, T::MaxQueue>,
		ValueQuery,
	>;

	/// Running requests by executor: what an offchain worker looks for.
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
		/// Executors were drawn; results are accepted through block `deadline`.
		Assigned {
			id: RequestId,
			attempt: u8,
			executors: Vec<T::AccountId>,
			deadline: BlockNumberFor<T>,
		},
		/// An executor submitted an attested result.
		ResultSubmitted { id: RequestId, executor: T::AccountId, output_hash: H256 },
		/// An executor reported that it could not run the model.
		ExecutionFailed { id: RequestId, executor: T::AccountId, error: InferenceError },
		/// The request ended. Exactly one per request.
		RequestSettled { id: RequestId, outcome: Outcome },
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
		/// Fewer bonded inference nodes than the model's policy needs replicas.
		NotEnoughNodes,
		/// Too many requests are waiting for assignment; try again in the next block.
		QueueFull,
		/// The requester cannot pay the fee.
		InsufficientBalance,
		/// No request has this id (or it was pruned).
		UnknownRequest,
		/// The request is not waiting for results.
		NotRunning,
		/// The key is not an assigned, bonded executor of the request.
		NotAssigned,
		/// This executor already answered the request.
		AlreadySubmitted,
		/// The attestation is not the key's signature over the request's commitment.
		BadAttestation,
		/// The output does not match the model's output schema.
		OutputMismatch,
		/// An output this small must be submitted inline.
		OutputShouldBeInline,
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
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Asks for a call of `model` on `input`, paying at most `max_fee`.
		///
		/// The input must match the model's input schema exactly. The fee (the model's price plus
		/// the execution fee of each replica) is held until the request ends.
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

		/// An executor's attested result. Authorized (no fee) when `key` is an assigned, bonded
		/// executor of a running request and `attestation` is its signature over the commitment.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::submit_result(output.encoded_size() as u32))]
		#[pallet::authorize(Pallet::<T>::authorize_result)]
		#[pallet::weight_of_authorize(T::WeightInfo::authorize_result(output.encoded_size() as u32))]
		pub fn submit_result(
			origin: OriginFor<T>,
			id: RequestId,
			key: NodeKey,
			output: ResultOutputOf<T>,
			attestation: NodeSignature,
		) -> DispatchResult {
			ensure_authorized(origin)?;
			let (request, output_hash) = Self::check_result(id, &key, &output, &attestation)?;
			Self::accept_result(id, request, &key, output, output_hash)
		}

		/// An executor's attested report that it could not run the request's model.
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
			let request = Self::check_attestation(id, &key, failure_hash(error), &attestation)?;
			Self::accept_failure(id, request, &key, error)
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

/// `blake2_256` of `bytes`.
fn hash_of(bytes: &[u8]) -> H256 {
	H256(sp_io::hashing::blake2_256(bytes))
}

impl<T: Config> Pallet<T> {
	/// The genesis hash, which commitments are bound to.
	pub fn genesis_hash() -> H256 {
		frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
	}

	/// The commitment an executor of request `id` signs for `output_hash`.
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
		Self::fee_for(info.price, info.policy.replicas).ok()
	}

	fn fee_for(price: T::Balance, replicas: u8) -> Result<T::Balance, Error<T>> {
		T::ExecutionFee::get()
			.checked_mul(&T::Balance::from(replicas))
			.and_then(|execution| execution.checked_add(&price))
			.ok_or(Error::<T>::FeeOverflow)
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
		let fee = Self::fee_for(info.price, info.policy.replicas)?;
		ensure!(fee <= max_fee, Error::<T>::FeeBelowPrice);
		ensure!(
			T::Nodes::active(Role::Inference).len() >= usize::from(info.policy.replicas),
			Error::<T>::NotEnoughNodes
		);

		let id = RequestId(NextRequestId::<T>::get());
		Queue::<T>::try_append(id).map_err(|_| Error::<T>::QueueFull)?;
		T::Escrow::escrow(id, &who, fee).map_err(|_| Error::<T>::InsufficientBalance)?;
		NextRequestId::<T>::put(id.0.saturating_add(1));

		let request = Request {
			requester: who.clone(),
			model,
			input_hash: hash_of(&encoded),
			fee,
			owner: info.owner,
			royalty: info.price,
			created: frame_system::Pallet::<T>::block_number(),
			replicas: info.policy.replicas,
			attempts: 0,
			slots: Default::default(),
			state: RequestState::Queued,
		};
		Requests::<T>::insert(id, request);
		Inputs::<T>::insert(id, encoded);
		ByRequester::<T>::insert(&who, id, ());
		Self::deposit_event(Event::Requested { id, requester: who, model, fee });
		Ok(id)
	}

	/// Start-of-block work: expired deadlines, then new assignments, then pruning.
	fn begin_block(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_base();
		let seed = frame_system::Pallet::<T>::parent_hash();
		let nodes = T::Nodes::active(Role::Inference);
		let node_count = nodes.len() as u32;

		let expired = Deadlines::<T>::take(now);
		weight.saturating_accrue(
			T::WeightInfo::expire_one(node_count).saturating_mul(expired.len() as u64),
		);
		for id in expired {
			Self::expire(id, now, &nodes, seed);
		}

		let queued = Queue::<T>::take();
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

	/// Handles a deadline that passed for `id` (if the request is still waiting on it).
	fn expire(id: RequestId, now: BlockNumberFor<T>, nodes: &[T::AccountId], seed: H256) {
		let Some(request) = Requests::<T>::get(id) else { return };
		let RequestState::Running { deadline } = request.state else { return };
		if deadline >= now {
			return; // Reassigned since: a later deadline governs.
		}
		if request.attempts >= T::MaxAttempts::get() {
			Self::settle(id, request, Outcome::Refunded(RefundReason::Timeout), now);
		} else {
			Self::assign(id, request, now, nodes, seed, |slot| slot.output.is_none());
		}
	}

	/// (Re)draws executors for the slots `replace` selects (all slots of a new request) and
	/// sets a new deadline. Refunds if there are not enough nodes or no room for the deadline.
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
		let needed = usize::from(request.replicas).saturating_sub(kept.len());
		let taken = |who: &T::AccountId| kept.iter().any(|s| &s.executor == who);
		// Prefer nodes that did not just fail this request; fall back to them if needed.
		let mut fresh: Vec<T::AccountId> = nodes
			.iter()
			.filter(|n| !taken(n) && !replaced.iter().any(|s| &s.executor == *n))
			.cloned()
			.collect();
		let mut retry: Vec<T::AccountId> =
			replaced.iter().map(|s| s.executor.clone()).filter(|n| nodes.contains(n)).collect();

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
				chosen.push(Slot { executor, key, output: None });
			}
		}

		for slot in &replaced {
			Assigned::<T>::remove(&slot.executor, id);
		}
		request.attempts = attempt;
		request.slots = kept.into_iter().collect::<Vec<_>>().try_into().unwrap_or_default();
		if chosen.len() < needed {
			Self::settle(id, request, Outcome::Refunded(RefundReason::NoExecutors), now);
			return;
		}
		let deadline = now.saturating_add(T::ResultTimeout::get()).saturating_sub(One::one());
		// Results are accepted through `deadline`; the request expires at the start of the next
		// block. If that block's list is full, the deadline moves a few blocks on.
		let mut expiry = deadline.saturating_add(One::one());
		let mut tracked = false;
		for _ in 0..8 {
			if Deadlines::<T>::try_append(expiry, id).is_ok() {
				tracked = true;
				break;
			}
			expiry = expiry.saturating_add(One::one());
		}
		if !tracked {
			Self::settle(id, request, Outcome::Refunded(RefundReason::Overloaded), now);
			return;
		}
		let deadline = expiry.saturating_sub(One::one());
		for slot in &chosen {
			Assigned::<T>::insert(&slot.executor, id, ());
		}
		let executors = chosen.iter().map(|s| s.executor.clone()).collect();
		for slot in chosen {
			if request.slots.try_push(slot).is_err() {
				defensive!("replicas never exceed MAX_REPLICAS");
			}
		}
		request.state = RequestState::Running { deadline };
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::Assigned { id, attempt, executors, deadline });
	}

	/// Checks that `key` may answer request `id` and that `attestation` signs `output_hash`.
	fn check_attestation(
		id: RequestId,
		key: &NodeKey,
		output_hash: H256,
		attestation: &NodeSignature,
	) -> Result<RequestOf<T>, DispatchError> {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(matches!(request.state, RequestState::Running { .. }), Error::<T>::NotRunning);
		let slot = request.slots.iter().find(|s| &s.key == key).ok_or(Error::<T>::NotAssigned)?;
		ensure!(slot.output.is_none(), Error::<T>::AlreadySubmitted);
		ensure!(
			T::Nodes::account_of(Role::Inference, key).as_ref() == Some(&slot.executor),
			Error::<T>::NotAssigned
		);
		let commitment = Self::commitment_of(id, &request.model, &request.input_hash, &output_hash);
		ensure!(
			sp_io::crypto::sr25519_verify(attestation, commitment.as_bytes(), key),
			Error::<T>::BadAttestation
		);
		Ok(request)
	}

	/// Checks a result fully; the request it answers and the output hash.
	fn check_result(
		id: RequestId,
		key: &NodeKey,
		output: &ResultOutputOf<T>,
		attestation: &NodeSignature,
	) -> Result<(RequestOf<T>, H256), DispatchError> {
		let output_hash = match output {
			ResultOutput::Inline(bytes) => hash_of(bytes),
			ResultOutput::Stored { hash, len } => {
				ensure!(*len > T::MaxInlineOutput::get(), Error::<T>::OutputShouldBeInline);
				*hash
			},
		};
		let request = Self::check_attestation(id, key, output_hash, attestation)?;
		if let ResultOutput::Inline(bytes) = output {
			let info = T::Models::model(&request.model).ok_or(Error::<T>::UnknownModel)?;
			let tensors = <Vec<Tensor>>::decode_all(&mut &bytes[..])
				.map_err(|_| Error::<T>::OutputMismatch)?;
			check_tensors::<T>(&tensors, &info.outputs).map_err(|_| Error::<T>::OutputMismatch)?;
		}
		Ok((request, output_hash))
	}

	fn validity(id: RequestId, key: &NodeKey) -> ValidTransaction {
		let longevity: u64 = T::ResultTimeout::get().unique_saturated_into();
		let longevity = longevity.max(1);
		ValidTransaction::with_tag_prefix("SibylInferenceResult")
			.priority(u64::MAX / 2)
			.and_provides((id, key))
			.longevity(longevity)
			.propagate(true)
			.build()
			.unwrap_or_default()
	}

	fn invalid(error: DispatchError) -> TransactionValidityError {
		if error == Error::<T>::BadAttestation.into() {
			InvalidTransaction::BadProof.into()
		} else if error == Error::<T>::AlreadySubmitted.into() {
			InvalidTransaction::Stale.into()
		} else {
			let code = match error {
				DispatchError::Module(module) => module.error.first().copied().unwrap_or(0),
				_ => 0,
			};
			InvalidTransaction::Custom(code).into()
		}
	}

	/// `#[pallet::authorize]` of [`Pallet::submit_result`].
	fn authorize_result(
		_source: TransactionSource,
		id: &RequestId,
		key: &NodeKey,
		output: &ResultOutputOf<T>,
		attestation: &NodeSignature,
	) -> TransactionValidityWithRefund {
		Self::check_result(*id, key, output, attestation).map_err(Self::invalid)?;
		Ok((Self::validity(*id, key), Weight::zero()))
	}

	/// `#[pallet::authorize]` of [`Pallet::report_failure`].
	fn authorize_failure(
		_source: TransactionSource,
		id: &RequestId,
		key: &NodeKey,
		error: &InferenceError,
		attestation: &NodeSignature,
	) -> TransactionValidityWithRefund {
		Self::check_attestation(*id, key, failure_hash(*error), attestation)
			.map_err(Self::invalid)?;
		Ok((Self::validity(*id, key), Weight::zero()))
	}

	/// Records a checked result of `request`; settles it when every replica has answered.
	fn accept_result(
		id: RequestId,
		mut request: RequestOf<T>,
		key: &NodeKey,
		output: ResultOutputOf<T>,
		output_hash: H256,
	) -> DispatchResult {
		let slot =
			request.slots.iter_mut().find(|s| &s.key == key).ok_or(Error::<T>::NotAssigned)?;
		slot.output = Some(output_hash);
		let executor = slot.executor.clone();
		Assigned::<T>::remove(&executor, id);
		match output {
			ResultOutput::Inline(bytes) => {
				if !Outputs::<T>::contains_key(id) {
					Outputs::<T>::insert(id, bytes);
				}
			},
			ResultOutput::Stored { hash, len } => {
				if !StoredOutputs::<T>::contains_key(id) {
					StoredOutputs::<T>::insert(id, (hash, len));
				}
			},
		}
		Self::deposit_event(Event::ResultSubmitted { id, executor, output_hash });

		let outputs: Vec<H256> = request.slots.iter().filter_map(|s| s.output).collect();
		if outputs.len() < usize::from(request.replicas) {
			Requests::<T>::insert(id, request);
			return Ok(());
		}
		let now = frame_system::Pallet::<T>::block_number();
		let outcome = if outputs.iter().all(|h| *h == output_hash) {
			Outcome::Verified { output_hash }
		} else {
			Outcome::Refunded(RefundReason::NoAgreement)
		};
		Self::settle(id, request, outcome, now);
		Ok(())
	}

	/// Records a checked failure report: reassigns that slot, or refunds on the last attempt.
	fn accept_failure(
		id: RequestId,
		request: RequestOf<T>,
		key: &NodeKey,
		error: InferenceError,
	) -> DispatchResult {
		let slot = request.slots.iter().find(|s| &s.key == key).ok_or(Error::<T>::NotAssigned)?;
		Self::deposit_event(Event::ExecutionFailed { id, executor: slot.executor.clone(), error });
		let now = frame_system::Pallet::<T>::block_number();
		if request.attempts >= T::MaxAttempts::get() {
			Self::settle(id, request, Outcome::Refunded(RefundReason::ExecutionFailed(error)), now);
		} else {
			let nodes = T::Nodes::active(Role::Inference);
			let seed = frame_system::Pallet::<T>::parent_hash();
			Self::assign(id, request, now, &nodes, seed, |s| &s.key == key);
		}
		Ok(())
	}

	/// Ends request `id` with `outcome`: pays or refunds the escrow, records and announces it.
	fn settle(id: RequestId, mut request: RequestOf<T>, outcome: Outcome, now: BlockNumberFor<T>) {
		let settled = match outcome {
			Outcome::Verified { output_hash } => {
				let mut payees = Vec::with_capacity(request.slots.len().saturating_add(1));
				payees.push((request.owner.clone(), request.royalty));
				for slot in &request.slots {
					payees.push((slot.executor.clone(), T::ExecutionFee::get()));
				}
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
			Assigned::<T>::remove(&slot.executor, id);
		}
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

	/// The offchain worker: runs the requests assigned to this node's `infr` keys.
	fn run_offchain(now: BlockNumberFor<T>) {
		let keys = sp_io::crypto::sr25519_public_keys(INFERENCE_KEY_TYPE);
		for key in keys {
			let Some(account) = T::Nodes::account_of(Role::Inference, &key) else { continue };
			let jobs: Vec<RequestId> =
				Assigned::<T>::iter_key_prefix(&account).take(MAX_JOBS_PER_RUN).collect();
			for id in jobs {
				if !Self::run_job(id, &key, now) {
					return;
				}
			}
		}
	}

	/// Runs and answers one request; `false` if this node cannot run models at all.
	fn run_job(id: RequestId, key: &NodeKey, now: BlockNumberFor<T>) -> bool {
		use sp_runtime::offchain::storage::{MutateStorageError, StorageValueRef};

		let Some(request) = Requests::<T>::get(id) else { return true };
		if !request.slots.iter().any(|s| &s.key == key && s.output.is_none()) {
			return true;
		}
		// One claim per request, attempt and key: skip while a submission may still land.
		let claim_key = (b"sibyl/inference/claim/", id, request.attempts, key).encode();
		let mut claim = StorageValueRef::persistent(&claim_key);
		let resubmit = BlockNumberFor::<T>::from(RESUBMIT_AFTER);
		let claimed = claim.mutate(|last: Result<Option<BlockNumberFor<T>>, _>| match last {
			Ok(Some(at)) if at.saturating_add(resubmit) > now => Err(()),
			_ => Ok(now),
		});
		match claimed {
			Ok(_) => {},
			Err(MutateStorageError::ValueFunctionFailed(())) => return true,
			Err(MutateStorageError::ConcurrentModification(_)) => return true,
		}

		let inputs = Inputs::<T>::get(id)
			.and_then(|bytes| <Vec<Tensor>>::decode_all(&mut &bytes[..]).ok())
			.unwrap_or_default();
		let call = match sibyl_inference::run_model(&request.model, &inputs) {
			Ok(outputs) => {
				let bytes = outputs.encode();
				let output_hash = hash_of(&bytes);
				let Some(attestation) = Self::attest(id, &request, key, output_hash) else {
					return true;
				};
				let len = bytes.len() as u32;
				let output = match InlineOutputOf::<T>::try_from(bytes) {
					Ok(inline) => ResultOutput::Inline(inline),
					Err(bytes) => {
						let store_key = (b"sibyl/outputs/", output_hash).encode();
						sp_io::offchain::local_storage_set(
							sp_core::offchain::StorageKind::PERSISTENT,
							&store_key,
							&bytes,
						);
						ResultOutput::Stored { hash: output_hash, len }
					},
				};
				log::info!(
					target: LOG_TARGET,
					"🧠 request {} ran: output {output_hash:?} ({len} bytes), submitting",
					id.0
				);
				Call::<T>::submit_result { id, key: *key, output, attestation }
			},
			Err(error @ (InferenceError::ModelNotFound | InferenceError::Busy)) => {
				// This node's state, not the request's fault: the model may still be syncing
				// from peers, or the engine is catching up. Try again next block; the deadline
				// reassigns the request if this node never gets there.
				claim.clear();
				log::info!(target: LOG_TARGET, "request {}: {error:?} here yet, retrying", id.0);
				return true;
			},
			Err(InferenceError::Unavailable) => {
				claim.clear();
				log::warn!(
					target: LOG_TARGET,
					"request {} is assigned to this node's infr key, but the node runs without \
					 --inference: not answering",
					id.0
				);
				return false;
			},
			Err(error) => {
				log::warn!(target: LOG_TARGET, "request {} failed to run: {error:?}", id.0);
				let Some(attestation) = Self::attest(id, &request, key, failure_hash(error)) else {
					return true;
				};
				Call::<T>::report_failure { id, key: *key, error, attestation }
			},
		};
		let xt = T::create_authorized_transaction(call.into());
		if SubmitTransaction::<T, Call<T>>::submit_transaction(xt).is_err() {
			log::warn!(target: LOG_TARGET, "request {}: the pool refused the result", id.0);
		}
		true
	}

	fn attest(
		id: RequestId,
		request: &RequestOf<T>,
		key: &NodeKey,
		output_hash: H256,
	) -> Option<NodeSignature> {
		let commitment = Self::commitment_of(id, &request.model, &request.input_hash, &output_hash);
		let signature = sp_io::crypto::sr25519_sign(INFERENCE_KEY_TYPE, key, commitment.as_bytes());
		if signature.is_none() {
			log::error!(target: LOG_TARGET, "the keystore cannot sign with infr key {key:?}");
		}
		signature
	}
}
