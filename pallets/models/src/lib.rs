//! # Models pallet
//!
//! The registry of ONNX models the chain can run: content-addressed ids, metadata, schemas,
//! prices, verification policies, and a chunked upload whose bytes never enter runtime state.
//!
//! ## Pallet API
//!
//! - [`Pallet::register`]: record a model's id (blake2-256 of its bytes), size, chunk hashes,
//!   family name and immutable version, input/output schema, price per call and verification
//!   policy. Holds a deposit of `DepositBase + DepositPerByte × size` from the owner.
//! - [`Pallet::upload_chunk`]: the owner sends chunk `index`; its length and blake2-256 hash must
//!   match what was registered. The bytes go to offchain indexing (the node's offchain database,
//!   when it runs with `--enable-offchain-indexing true`), not to state. When the last chunk is
//!   in, the model is `Available` and [`Event::ModelAvailable`] is emitted.
//! - [`Pallet::retire`]: the owner stops new requests; requests already made finish. The deposit
//!   stays held until the model is purged. An unfinished upload is abandoned the same way, and
//!   purged at once (no request can use it).
//! - [`Pallet::purge`]: anyone, `RetireGrace` blocks after a retirement and once no request of
//!   the model is open (`Usage`), removes the model's records and its chunks from every node's
//!   offchain index; the deposit goes back to the owner. Nodes delete the model from their
//!   stores when it is gone from the registry.
//!
//! Other pallets read the registry through [`sibyl_primitives::registry::ModelRegistry`]; the
//! node and dApps through the `ModelsApi` runtime API.
//!
//! ## Terms
//!
//! - _Family_: a model name. Its first registrant owns it; only they add versions.
//! - _Version_: `(name, version)` names one model id forever, even after retirement.
//! - _Chunk_: `ChunkSize` bytes of the model (the last may be shorter), small enough that a few
//!   fit in one block.
//!
//! ## What a model's bytes cost
//!
//! Every node keeps every available model twice (its offchain index and its model store) for as
//! long as the model is registered, and every block that carried a chunk for as long as it keeps
//! blocks. The chunk transactions pay the runtime's per-byte transaction fee once (the block
//! history); the deposit (`DepositBase + DepositPerByte × size`) pays for the copies that live
//! with the model and is held until they are gone: from registration through retirement and the
//! `RetireGrace` that lets requests made before it finish, until `purge`. The `(name, version)`
//! record is kept forever so that a version is never reused.
//!
//! ## Where a model the engine cannot run is caught
//!
//! The runtime cannot run tract, so registration cannot prove that a model is executable. The
//! `sibyl-node model upload` command inspects the model with the engine before it registers
//! anything; on chain, an inference node that gets an unrunnable model reports it and the
//! request is refunded (see `docs/models.md`).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

use alloc::{boxed::Box, vec::Vec};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::Precision,
	},
};
use sibyl_primitives::{
	registry::{
		chunk_count, chunk_index_key, chunk_len, LevelBounds, ModelCost, ModelInfo, ModelName,
		ModelRegistry, ModelStatus, ModelUsage, Schema, VerificationPolicy,
	},
	tensor::{byte_len, MAX_TENSOR_BYTES},
	ModelId,
};
use sp_core::H256;
use sp_runtime::Saturating;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

/// The balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// The chunk hashes of a model.
pub type ChunkHashesOf<T> = BoundedVec<H256, <T as Config>::MaxChunks>;

/// The record of a model in this runtime.
pub type ModelInfoOf<T> = ModelInfo<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// What a model owner declares at registration.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug, MaxEncodedLen,
)]
pub struct ModelMeta<Balance, ChunkHashes> {
	/// blake2-256 of the ONNX bytes.
	pub id: ModelId,
	/// Size of the ONNX bytes.
	pub size: u32,
	/// blake2-256 of each chunk, in order.
	pub chunk_hashes: ChunkHashes,
	/// Family name.
	pub name: ModelName,
	/// Version within the family; never reused.
	pub version: u32,
	/// Inputs the model takes.
	pub inputs: Schema,
	/// Outputs the model returns.
	pub outputs: Schema,
	/// Fee per call for the owner.
	pub price: Balance,
	/// Execution and verification policy: the default of every request.
	pub policy: VerificationPolicy,
	/// The verification levels requesters may choose instead ([`LevelBounds::default`]: any).
	pub levels: LevelBounds,
	/// Cost of one call as `sibyl-node model inspect` estimates it; at most `MaxModelOps` and
	/// `MaxModelMemory`. Every node enforces it: a call that would cost more fails with
	/// `OverBudget` before it runs, and requesters pay for it.
	pub cost: ModelCost,
}

/// [`ModelMeta`] for this runtime.
pub type ModelMetaOf<T> = ModelMeta<BalanceOf<T>, ChunkHashesOf<T>>;

// FRAME's pallet macros expand to `expect` calls (pallet-info lookups) that clippy attributes
// to this module. Logic lives outside it, where the workspace lints apply in full.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_system::pallet_prelude::*;

	/// Configuration of the models pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency deposits are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;
		/// Largest model, in bytes.
		#[pallet::constant]
		type MaxModelBytes: Get<u32>;
		/// Bytes per chunk; chosen so that several chunk extrinsics fit in one block.
		#[pallet::constant]
		type ChunkSize: Get<u32>;
		/// Most chunks a model may have; `MaxChunks × ChunkSize ≥ MaxModelBytes`.
		#[pallet::constant]
		type MaxChunks: Get<u32>;
		/// Most tensors in a model's input or output schema (at most 16).
		#[pallet::constant]
		type MaxSchemaTensors: Get<u32>;
		/// Deposit held for every model.
		#[pallet::constant]
		type DepositBase: Get<BalanceOf<Self>>;
		/// Deposit held per byte of model.
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;
		/// Blocks between a model's retirement and the earliest `purge`: longer than any request
		/// made before the retirement can take to settle, and than its record should stay
		/// readable for.
		#[pallet::constant]
		type RetireGrace: Get<BlockNumberFor<Self>>;
		/// Whether requests still need a model: a model is purged only once none does.
		type Usage: ModelUsage;
		/// Most work one call of a model may declare ([`ModelCost::ops`]): what a node runs well
		/// inside its time limit.
		#[pallet::constant]
		type MaxModelOps: Get<u64>;
		/// Most peak memory one call of a model may declare ([`ModelCost::memory`]), in bytes:
		/// what fits inside a node's engine sandbox.
		#[pallet::constant]
		type MaxModelMemory: Get<u64>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The storage version: bumped with each change of a stored item's layout, with its
	/// migration in `migrations` (none so far).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a registered model, released when it is purged.
		ModelDeposit,
	}

	/// Registered models by id.
	#[pallet::storage]
	pub type Models<T: Config> = StorageMap<_, Blake2_128Concat, ModelId, ModelInfoOf<T>>;

	/// The chunk hashes of each registered model.
	#[pallet::storage]
	pub type ChunkHashes<T: Config> = StorageMap<_, Blake2_128Concat, ModelId, ChunkHashesOf<T>>;

	/// Chunks received so far, while a model is uploading; cleared when it is complete.
	#[pallet::storage]
	pub type ChunkReceived<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, ModelId, Twox64Concat, u32, (), OptionQuery>;

	/// The owner of each model family.
	#[pallet::storage]
	pub type Families<T: Config> = StorageMap<_, Blake2_128Concat, ModelName, T::AccountId>;

	/// The earliest block at which each retired model may be purged; removed with the model.
	/// A retired model without an entry (retired before purging existed) may be purged at once.
	#[pallet::storage]
	pub type PurgeAfter<T: Config> = StorageMap<_, Blake2_128Concat, ModelId, BlockNumberFor<T>>;

	/// The model id of each `(family, version)`; entries are never removed.
	#[pallet::storage]
	pub type Versions<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, ModelName, Twox64Concat, u32, ModelId>;

	/// Events of the models pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A model was registered and awaits its chunks.
		Registered {
			/// The model.
			id: ModelId,
			/// Its owner.
			owner: T::AccountId,
			/// Family name.
			name: ModelName,
			/// Version.
			version: u32,
			/// Size in bytes.
			size: u32,
			/// Number of chunks to upload.
			chunks: u32,
			/// Deposit held.
			deposit: BalanceOf<T>,
			/// Declared cost of one call.
			cost: ModelCost,
		},
		/// A chunk arrived and matched its hash.
		ChunkUploaded {
			/// The model.
			id: ModelId,
			/// Chunk index.
			index: u32,
		},
		/// Every chunk is in: nodes may assemble the model and requests may use it.
		ModelAvailable {
			/// The model.
			id: ModelId,
		},
		/// The model takes no new requests; requests already made finish.
		Retired {
			/// The model.
			id: ModelId,
			/// The first block at which it may be purged (its deposit stays held until then).
			purge_after: BlockNumberFor<T>,
		},
		/// The model's records and its chunks in the nodes' offchain indexes were removed, and
		/// its deposit released. Its `(name, version)` stays taken.
		Purged {
			/// The model.
			id: ModelId,
			/// Its owner, who got the deposit back.
			owner: T::AccountId,
			/// Deposit released to the owner.
			deposit: BalanceOf<T>,
		},
		/// The owner changed the verification levels requesters may choose.
		LevelsSet {
			/// The model.
			id: ModelId,
			/// The new bounds; requests already made keep their level.
			levels: LevelBounds,
		},
	}

	/// Errors of the models pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// A model with this id is already registered (ids are never reused).
		AlreadyRegistered,
		/// This family already has this version.
		VersionTaken,
		/// The family belongs to another account.
		NotFamilyOwner,
		/// The family name is empty.
		EmptyName,
		/// The model has no bytes.
		EmptyModel,
		/// The model is larger than `MaxModelBytes`.
		ModelTooLarge,
		/// The number of chunk hashes does not match `size` cut into `ChunkSize` pieces.
		ChunkCountMismatch,
		/// A schema has more than `MaxSchemaTensors` tensors.
		SchemaTooLarge,
		/// A schema is empty, repeats a name, has an unnamed tensor, a zero dimension or a
		/// tensor larger than the engine accepts.
		InvalidSchema,
		/// The verification policy asks for no executor, too many nodes, a sample rate above
		/// one, or sampling without verifiers.
		InvalidPolicy,
		/// The owner cannot pay the deposit.
		InsufficientBalance,
		/// No model with this id.
		UnknownModel,
		/// Only the model's owner may do this.
		NotOwner,
		/// The model is not uploading: it is already available or retired.
		NotUploading,
		/// The model has no chunk with this index.
		ChunkIndexOutOfRange,
		/// This chunk was already uploaded.
		ChunkAlreadyUploaded,
		/// The chunk's length is not the one its index requires.
		ChunkSizeMismatch,
		/// The chunk's blake2-256 hash is not the registered one.
		ChunkHashMismatch,
		/// The model is already retired.
		AlreadyRetired,
		/// The level bounds are incoherent (a share above one, more than 16 verifiers) or
		/// exclude the model's own policy.
		InvalidLevels,
		/// The declared cost is zero, or above `MaxModelOps` or `MaxModelMemory`.
		CostOutOfBounds,
		/// The model is not retired: only a retired model may be purged.
		NotRetired,
		/// The model's `RetireGrace` has not passed yet.
		GraceNotOver,
		/// Requests made before the retirement have not all settled yet: their nodes still need
		/// the model. Purge once they have (a queued request waits at most the inference
		/// pallet's `MaxQueueWait`, a seated one a few deadlines).
		InUse,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			let capacity =
				u64::from(T::MaxChunks::get()).saturating_mul(T::ChunkSize::get().into());
			assert!(T::ChunkSize::get() > 0, "ChunkSize must be positive");
			assert!(
				capacity >= u64::from(T::MaxModelBytes::get()),
				"MaxChunks × ChunkSize must cover MaxModelBytes"
			);
			assert!(
				T::MaxSchemaTensors::get() <= sibyl_primitives::tensor::MAX_TENSORS,
				"MaxSchemaTensors is at most MAX_TENSORS"
			);
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers a model and holds its deposit. Its chunks follow with `upload_chunk`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register(meta.chunk_hashes.len() as u32))]
		pub fn register(origin: OriginFor<T>, meta: Box<ModelMetaOf<T>>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(who, *meta)
		}

		/// Uploads chunk `index` of a model; only its owner may. The last chunk makes the model
		/// available.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::upload_chunk(bytes.len() as u32))]
		pub fn upload_chunk(
			origin: OriginFor<T>,
			id: ModelId,
			index: u32,
			bytes: BoundedVec<u8, T::ChunkSize>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_upload_chunk(who, id, index, bytes)
		}

		/// Retires a model: it takes no new requests; requests already made finish.
		///
		/// The origin must be _Signed_ by the model's owner.
		///
		/// - `id`: the model (uploading or available).
		///
		/// An available model's deposit stays held until it is purged (`purge`, `RetireGrace`
		/// blocks later). An upload not finished is abandoned: purged at once, its deposit
		/// released.
		///
		/// Errors: `UnknownModel`, `NotOwner`, `AlreadyRetired`. Emits `Retired`, and `Purged`
		/// for an abandoned upload.
		///
		/// ## Complexity
		/// `O(c)`, `c` the chunks an abandoned upload had received (their markers), plus one
		/// offchain index entry per chunk of the model.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::retire(T::MaxChunks::get()))]
		pub fn retire(origin: OriginFor<T>, id: ModelId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let cleared = Self::do_retire(who, id)?;
			Ok(Some(T::WeightInfo::retire(cleared)).into())
		}

		/// Sets the verification levels requesters may choose for a model.
		///
		/// The origin must be _Signed_ by the model's owner.
		///
		/// - `id`: the model (uploading or available).
		/// - `levels`: the lowest share of checked requests and the most verifiers a level may
		///   have; the model's own policy must lie within them.
		///
		/// Errors: `UnknownModel`, `NotOwner`, `AlreadyRetired`, `InvalidLevels`. Emits
		/// `LevelsSet`. Requests already made keep their level.
		///
		/// ## Complexity
		/// `O(1)`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_levels())]
		pub fn set_levels(
			origin: OriginFor<T>,
			id: ModelId,
			levels: LevelBounds,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Models::<T>::try_mutate(id, |model| {
				let model = model.as_mut().ok_or(Error::<T>::UnknownModel)?;
				ensure!(model.owner == who, Error::<T>::NotOwner);
				ensure!(model.status != ModelStatus::Retired, Error::<T>::AlreadyRetired);
				ensure!(levels.is_valid_for(&model.policy), Error::<T>::InvalidLevels);
				model.levels = levels;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::LevelsSet { id, levels });
			Ok(())
		}

		/// Purges a retired model whose grace has passed: removes its records and its chunks
		/// from every node's offchain index, and releases its deposit to its owner.
		///
		/// The origin must be _Signed_, by anyone (the owner has the reason to: the deposit).
		///
		/// - `id`: a retired model.
		///
		/// Errors: `UnknownModel` (never registered, or already purged), `NotRetired`,
		/// `GraceNotOver`, `InUse` (requests of the model have not settled). Emits `Purged`.
		/// Nodes delete the model from their stores once it is gone from the registry at their
		/// best block.
		///
		/// ## Complexity
		/// `O(c)`, `c` the model's chunks (one offchain index entry each), and one read of the
		/// model's open requests (`Usage`).
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::purge_weight(T::MaxChunks::get()))]
		pub fn purge(origin: OriginFor<T>, id: ModelId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let model = Models::<T>::get(id).ok_or(Error::<T>::UnknownModel)?;
			ensure!(model.status == ModelStatus::Retired, Error::<T>::NotRetired);
			if let Some(after) = PurgeAfter::<T>::get(id) {
				let now = frame_system::Pallet::<T>::block_number();
				ensure!(now >= after, Error::<T>::GraceNotOver);
			}
			ensure!(T::Usage::open_requests(&id) == 0, Error::<T>::InUse);
			let chunks = model.chunk_count;
			Self::do_purge(id, model)?;
			Ok(Some(Self::purge_weight(chunks)).into())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The weight of `purge` for a model of `chunks` chunks: the benchmarked purge and the read
	/// of the model's open requests (`Usage`).
	fn purge_weight(chunks: u32) -> Weight {
		T::WeightInfo::purge(chunks).saturating_add(T::DbWeight::get().reads(1))
	}

	/// The deposit for a model of `size` bytes.
	pub fn deposit_for(size: u32) -> BalanceOf<T> {
		T::DepositPerByte::get()
			.saturating_mul(BalanceOf::<T>::from(size))
			.saturating_add(T::DepositBase::get())
	}

	fn check_schema(schema: &Schema) -> DispatchResult {
		ensure!(schema.len() as u32 <= T::MaxSchemaTensors::get(), Error::<T>::SchemaTooLarge);
		ensure!(!schema.is_empty(), Error::<T>::InvalidSchema);
		for (i, spec) in schema.iter().enumerate() {
			ensure!(!spec.name.is_empty(), Error::<T>::InvalidSchema);
			ensure!(spec.shape.iter().all(|d| *d > 0), Error::<T>::InvalidSchema);
			let bytes = byte_len(spec.dtype, &spec.shape).ok_or(Error::<T>::InvalidSchema)?;
			ensure!(bytes <= u64::from(MAX_TENSOR_BYTES), Error::<T>::InvalidSchema);
			let repeated = schema.iter().take(i).any(|other| other.name == spec.name);
			ensure!(!repeated, Error::<T>::InvalidSchema);
		}
		Ok(())
	}

	fn do_register(who: T::AccountId, meta: ModelMetaOf<T>) -> DispatchResult {
		ensure!(!meta.name.is_empty(), Error::<T>::EmptyName);
		ensure!(meta.size > 0, Error::<T>::EmptyModel);
		ensure!(meta.size <= T::MaxModelBytes::get(), Error::<T>::ModelTooLarge);
		let chunks =
			chunk_count(meta.size, T::ChunkSize::get()).ok_or(Error::<T>::ChunkCountMismatch)?;
		ensure!(meta.chunk_hashes.len() as u32 == chunks, Error::<T>::ChunkCountMismatch);
		Self::check_schema(&meta.inputs)?;
		Self::check_schema(&meta.outputs)?;
		ensure!(meta.policy.is_valid(), Error::<T>::InvalidPolicy);
		ensure!(meta.levels.is_valid_for(&meta.policy), Error::<T>::InvalidLevels);
		ensure!(
			(1..=T::MaxModelOps::get()).contains(&meta.cost.ops)
				&& (1..=T::MaxModelMemory::get()).contains(&meta.cost.memory),
			Error::<T>::CostOutOfBounds
		);
		ensure!(!Models::<T>::contains_key(meta.id), Error::<T>::AlreadyRegistered);
		if let Some(family_owner) = Families::<T>::get(&meta.name) {
			ensure!(family_owner == who, Error::<T>::NotFamilyOwner);
		}
		ensure!(!Versions::<T>::contains_key(&meta.name, meta.version), Error::<T>::VersionTaken);

		let deposit = Self::deposit_for(meta.size);
		T::Currency::hold(&HoldReason::ModelDeposit.into(), &who, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;

		Families::<T>::insert(&meta.name, &who);
		Versions::<T>::insert(&meta.name, meta.version, meta.id);
		ChunkHashes::<T>::insert(meta.id, meta.chunk_hashes);
		Models::<T>::insert(
			meta.id,
			ModelInfo {
				owner: who.clone(),
				name: meta.name.clone(),
				version: meta.version,
				size: meta.size,
				chunk_size: T::ChunkSize::get(),
				chunk_count: chunks,
				chunks_received: 0,
				inputs: meta.inputs,
				outputs: meta.outputs,
				price: meta.price,
				policy: meta.policy,
				levels: meta.levels,
				cost: meta.cost,
				deposit,
				status: ModelStatus::Uploading,
				registered_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::Registered {
			id: meta.id,
			owner: who,
			name: meta.name,
			version: meta.version,
			size: meta.size,
			chunks,
			deposit,
			cost: meta.cost,
		});
		Ok(())
	}

	fn do_upload_chunk(
		who: T::AccountId,
		id: ModelId,
		index: u32,
		bytes: BoundedVec<u8, T::ChunkSize>,
	) -> DispatchResult {
		let mut model = Models::<T>::get(id).ok_or(Error::<T>::UnknownModel)?;
		ensure!(model.owner == who, Error::<T>::NotOwner);
		ensure!(model.status == ModelStatus::Uploading, Error::<T>::NotUploading);
		let expected_len = chunk_len(model.size, model.chunk_size, index)
			.ok_or(Error::<T>::ChunkIndexOutOfRange)?;
		ensure!(!ChunkReceived::<T>::contains_key(id, index), Error::<T>::ChunkAlreadyUploaded);
		ensure!(bytes.len() as u32 == expected_len, Error::<T>::ChunkSizeMismatch);
		let hashes = ChunkHashes::<T>::get(id).ok_or(Error::<T>::UnknownModel)?;
		let expected_hash = hashes.get(index as usize).ok_or(Error::<T>::ChunkIndexOutOfRange)?;
		ensure!(
			H256(sp_io::hashing::blake2_256(&bytes)) == *expected_hash,
			Error::<T>::ChunkHashMismatch
		);

		sp_io::offchain_index::set(&chunk_index_key(&id, index), &bytes);
		model.chunks_received = model.chunks_received.saturating_add(1);
		Self::deposit_event(Event::ChunkUploaded { id, index });
		if model.chunks_received >= model.chunk_count {
			model.status = ModelStatus::Available;
			let _ = ChunkReceived::<T>::clear_prefix(id, model.chunk_count, None);
			Self::deposit_event(Event::ModelAvailable { id });
		} else {
			ChunkReceived::<T>::insert(id, index, ());
		}
		Models::<T>::insert(id, model);
		Ok(())
	}

	/// Retires `id`; how many chunk markers an abandoned upload (purged at once) had, for the
	/// weight.
	fn do_retire(who: T::AccountId, id: ModelId) -> Result<u32, DispatchError> {
		let mut model = Models::<T>::get(id).ok_or(Error::<T>::UnknownModel)?;
		ensure!(model.owner == who, Error::<T>::NotOwner);
		ensure!(model.status != ModelStatus::Retired, Error::<T>::AlreadyRetired);
		let now = frame_system::Pallet::<T>::block_number();
		let abandoned = model.status == ModelStatus::Uploading;
		model.status = ModelStatus::Retired;
		if abandoned {
			let received = model.chunks_received;
			let _ = ChunkReceived::<T>::clear_prefix(id, model.chunk_count, None);
			Self::deposit_event(Event::Retired { id, purge_after: now });
			Self::do_purge(id, model)?;
			return Ok(received);
		}
		let purge_after = now.saturating_add(T::RetireGrace::get());
		PurgeAfter::<T>::insert(id, purge_after);
		Models::<T>::insert(id, model);
		Self::deposit_event(Event::Retired { id, purge_after });
		Ok(0)
	}

	/// Removes `model`'s records and offchain chunks and releases its deposit.
	fn do_purge(id: ModelId, model: ModelInfoOf<T>) -> DispatchResult {
		let released = T::Currency::release(
			&HoldReason::ModelDeposit.into(),
			&model.owner,
			model.deposit,
			Precision::BestEffort,
		)?;
		for index in 0..model.chunk_count {
			sp_io::offchain_index::clear(&chunk_index_key(&id, index));
		}
		ChunkHashes::<T>::remove(id);
		PurgeAfter::<T>::remove(id);
		Models::<T>::remove(id);
		Self::deposit_event(Event::Purged { id, owner: model.owner, deposit: released });
		Ok(())
	}

	/// The model's record.
	pub fn model(id: &ModelId) -> Option<ModelInfoOf<T>> {
		Models::<T>::get(id)
	}

	/// The model's chunk hashes.
	pub fn chunk_hashes(id: &ModelId) -> Option<Vec<H256>> {
		ChunkHashes::<T>::get(id).map(|h| h.into_inner())
	}

	/// Up to `limit` model ids with their status, in storage order, starting after `after`.
	pub fn models_page(after: Option<ModelId>, limit: u32) -> Vec<(ModelId, ModelStatus)> {
		let iter: Box<dyn Iterator<Item = (ModelId, ModelInfoOf<T>)>> = match after {
			Some(id) => Box::new(Models::<T>::iter_from(Models::<T>::hashed_key_for(id))),
			None => Box::new(Models::<T>::iter()),
		};
		iter.take(limit.min(1_000) as usize).map(|(id, m)| (id, m.status)).collect()
	}
}

impl<T: Config>
	ModelRegistry<T::AccountId, BalanceOf<T>, frame_system::pallet_prelude::BlockNumberFor<T>>
	for Pallet<T>
{
	fn model(id: &ModelId) -> Option<ModelInfoOf<T>> {
		Models::<T>::get(id)
	}
}
