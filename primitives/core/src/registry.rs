//! What the chain records about a model, and the small trait through which other pallets read it.
//!
//! The `Models` pallet owns this data; `Inference`, `Verification` and `Payments` read it through
//! [`ModelRegistry`], wired in the runtime's configs. Everything is integers: tolerances are in
//! parts per billion, sample rates in parts per million.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{traits::ConstU32, BoundedVec};

use crate::{
	model::ModelId,
	tensor::{DType, Shape, MAX_TENSORS},
};

/// Longest model family name, in bytes.
pub const MAX_MODEL_NAME: u32 = 64;
/// Longest tensor name in a schema, in bytes.
pub const MAX_TENSOR_NAME: u32 = 64;
/// The most executors or verifiers a policy may ask for per request.
pub const MAX_REPLICAS: u8 = 16;
/// A sample rate of one: every request is verified.
pub const SAMPLE_RATE_ALWAYS: u32 = 1_000_000;

/// A model family name (UTF-8 is expected but not required).
pub type ModelName = BoundedVec<u8, ConstU32<MAX_MODEL_NAME>>;
/// The tensors a model takes or returns, in order.
pub type Schema = BoundedVec<TensorSpec, ConstU32<MAX_TENSORS>>;

/// The length of the SCALE `Vec<Tensor>` of every output that matches `schema` (fixed dtypes
/// and shapes fix it), or `None` on overflow or a tensor above the size limit.
pub fn encoded_len(schema: &[TensorSpec]) -> Option<u64> {
	use codec::{Compact, CompactLen};
	let compact = |n: u64| -> Option<u64> {
		Some(<Compact<u32> as CompactLen<u32>>::compact_len(&u32::try_from(n).ok()?) as u64)
	};
	schema.iter().try_fold(compact(schema.len() as u64)?, |total, spec| {
		let rank = spec.shape.len() as u64;
		let data = crate::tensor::byte_len(spec.dtype, &spec.shape)?;
		// dtype (one byte), the shape as a `Vec<u32>`, the data as a `Vec<u8>`.
		let tensor = 1u64
			.checked_add(compact(rank)?)?
			.checked_add(rank.checked_mul(4)?)?
			.checked_add(compact(data)?)?
			.checked_add(data)?;
		total.checked_add(tensor)
	})
}

/// One input or output of a model: its name, element type and fixed shape.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct TensorSpec {
	/// The name the ONNX graph gives the tensor.
	pub name: BoundedVec<u8, ConstU32<MAX_TENSOR_NAME>>,
	/// Element type.
	pub dtype: DType,
	/// Fixed dimensions, every one at least 1.
	pub shape: Shape,
}

/// How verifiers compare their output with the executor's.
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
	Default,
)]
pub enum Tolerance {
	/// Outputs must be bit-identical (integer and quantized models, or strict float models).
	#[default]
	Exact,
	/// Float elements `a`, `b` agree when `|a - b| <= abs + rel * max(|a|, |b|)`, both in parts
	/// per billion; integer elements must still be equal.
	Within {
		/// Absolute tolerance, parts per billion (1_000 = 1e-6).
		abs_ppb: u32,
		/// Relative tolerance, parts per billion.
		rel_ppb: u32,
	},
	/// Classifiers: along the last axis of every output, the indices of the `k` largest values
	/// (in order) must be the same (`k = 1` is argmax agreement).
	TopK {
		/// How many of the largest values must rank the same; at least 1.
		k: u8,
	},
}

/// How requests for a model are executed and checked.
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
pub struct VerificationPolicy {
	/// Inference nodes that execute each request independently (at least 1).
	pub replicas: u8,
	/// Verifier nodes that re-run a sampled request and vote.
	pub verifiers: u8,
	/// Share of requests that are verified, parts per million (1_000_000 = every request).
	pub sample_ppm: u32,
	/// How outputs are compared.
	pub tolerance: Tolerance,
}

impl Default for VerificationPolicy {
	fn default() -> Self {
		VerificationPolicy {
			replicas: 1,
			verifiers: 1,
			sample_ppm: SAMPLE_RATE_ALWAYS,
			tolerance: Tolerance::Exact,
		}
	}
}

impl VerificationPolicy {
	/// Whether the policy is one the chain can carry out.
	pub fn is_valid(&self) -> bool {
		(1..=MAX_REPLICAS).contains(&self.replicas)
			&& self.verifiers <= MAX_REPLICAS
			&& self.sample_ppm <= SAMPLE_RATE_ALWAYS
			&& (self.sample_ppm == 0 || self.verifiers > 0)
			&& !matches!(self.tolerance, Tolerance::TopK { k: 0 })
	}
}

/// How much checking one request asks for, instead of its model's default policy. The model's
/// tolerance always applies; the model owner bounds what requesters may choose
/// ([`LevelBounds`]).
///
/// (The issue sketch called the first level `None`; it is `Unverified` here because a level is
/// always passed as an `Option`, whose `None` already means "the model's default policy".)
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
	serde::Deserialize,
)]
pub enum VerificationLevel {
	/// One executor, no verifier: its outcome stands alone and nobody can be slashed over it.
	Unverified,
	/// The model's executors; the model's verifiers (at least one) check this share of
	/// requests, in parts per million (`1_000_000`: every request, `0`: none).
	Sampled(u32),
	/// The model's executors; this many verifiers (1 to [`MAX_REPLICAS`]) check the request.
	Committee(u8),
}

/// The verification levels a model's owner lets requesters choose: no level whose share of
/// checked requests is below `min_sample_ppm`, none with more than `max_verifiers` verifiers.
/// The model's own policy must lie within them.
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
pub struct LevelBounds {
	/// The lowest share of checked requests a level may have, parts per million (`0` allows
	/// `Unverified`; `1_000_000` allows only levels that check every request).
	pub min_sample_ppm: u32,
	/// The most verifiers a level may seat (an escalation adds `verifiers + 1` more).
	pub max_verifiers: u8,
}

impl Default for LevelBounds {
	/// Every level: the requester bears the risk of a cheaper level, and the owner's price is
	/// the same at every level.
	fn default() -> Self {
		LevelBounds { min_sample_ppm: 0, max_verifiers: MAX_REPLICAS }
	}
}

impl LevelBounds {
	/// Whether these bounds are coherent and allow the model's own `policy`.
	pub fn is_valid_for(&self, policy: &VerificationPolicy) -> bool {
		self.min_sample_ppm <= SAMPLE_RATE_ALWAYS
			&& self.max_verifiers <= MAX_REPLICAS
			&& self.allows(policy)
	}

	/// Whether a request may run under `policy`.
	pub fn allows(&self, policy: &VerificationPolicy) -> bool {
		policy.sample_ppm >= self.min_sample_ppm
			&& (policy.sample_ppm == 0 || policy.verifiers <= self.max_verifiers)
	}
}

/// Why a verification level cannot be used for a request.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LevelError {
	/// The level itself is malformed: a share above one, or a committee of 0 or more than
	/// [`MAX_REPLICAS`].
	Invalid,
	/// The model's owner does not allow it ([`LevelBounds`]).
	NotAllowed,
}

impl VerificationPolicy {
	/// The policy a request at `level` runs under (`None`: this one), within `bounds`.
	pub fn at_level(
		&self,
		level: Option<VerificationLevel>,
		bounds: &LevelBounds,
	) -> Result<VerificationPolicy, LevelError> {
		let policy = match level {
			None => return Ok(*self),
			Some(VerificationLevel::Unverified) => {
				VerificationPolicy { replicas: 1, verifiers: 0, sample_ppm: 0, ..*self }
			},
			Some(VerificationLevel::Sampled(ppm)) => {
				if ppm > SAMPLE_RATE_ALWAYS {
					return Err(LevelError::Invalid);
				}
				VerificationPolicy { verifiers: self.verifiers.max(1), sample_ppm: ppm, ..*self }
			},
			Some(VerificationLevel::Committee(k)) => {
				if k == 0 || k > MAX_REPLICAS {
					return Err(LevelError::Invalid);
				}
				VerificationPolicy { verifiers: k, sample_ppm: SAMPLE_RATE_ALWAYS, ..*self }
			},
		};
		if !policy.is_valid() {
			return Err(LevelError::Invalid);
		}
		if !bounds.allows(&policy) {
			return Err(LevelError::NotAllowed);
		}
		Ok(policy)
	}
}

/// What one call of a model costs, as the engine estimates it from the graph at the model's
/// schema shapes (`sibyl-node model inspect` prints it). Declared at registration, bounded by the
/// runtime, charged per call, and enforced by every node: a call whose estimate exceeds it fails
/// with [`crate::InferenceError::OverBudget`] before it runs.
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
	Default,
)]
pub struct ModelCost {
	/// Work of one call: multiply-adds, divisions and every element every operator writes.
	pub ops: u64,
	/// Peak memory of one call in bytes: the weights and constants, plus the largest set of
	/// intermediate tensors alive at once.
	pub memory: u64,
}

impl ModelCost {
	/// Whether `actual` fits within this declared cost.
	pub fn covers(&self, actual: &ModelCost) -> bool {
		actual.ops <= self.ops && actual.memory <= self.memory
	}

	/// Units of work the fee charges for: millions of ops, rounded up, at least one.
	pub fn fee_units(&self) -> u64 {
		self.ops.div_ceil(1_000_000).max(1)
	}
}

/// Where a model is in its life.
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
pub enum ModelStatus {
	/// Registered; chunks are still arriving.
	Uploading,
	/// Every chunk is in: nodes can assemble it and requests may use it.
	Available,
	/// No new requests; requests already made finish.
	Retired,
}

/// What the chain records about a registered model.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct ModelInfo<AccountId, Balance, BlockNumber> {
	/// The account that registered the model and holds its deposit.
	pub owner: AccountId,
	/// Family name; `(name, version)` names exactly one model forever.
	pub name: ModelName,
	/// Version within the family.
	pub version: u32,
	/// Size of the ONNX bytes.
	pub size: u32,
	/// Bytes per chunk (the last chunk may be shorter), fixed at registration.
	pub chunk_size: u32,
	/// Number of chunks.
	pub chunk_count: u32,
	/// Chunks uploaded so far.
	pub chunks_received: u32,
	/// Inputs the model takes.
	pub inputs: Schema,
	/// Outputs the model returns.
	pub outputs: Schema,
	/// Fee per call paid to the model owner, on top of execution and verification fees.
	pub price: Balance,
	/// Execution and verification policy: the default of every request.
	pub policy: VerificationPolicy,
	/// The verification levels requesters may choose instead of `policy`.
	pub levels: LevelBounds,
	/// Declared cost of one call: charged per call and enforced by every node.
	pub cost: ModelCost,
	/// Held from the owner until the model is retired.
	pub deposit: Balance,
	/// Life-cycle state.
	pub status: ModelStatus,
	/// Block of registration.
	pub registered_at: BlockNumber,
}

/// Read access to the model registry for other pallets.
pub trait ModelRegistry<AccountId, Balance, BlockNumber> {
	/// The model's record, if registered.
	fn model(id: &ModelId) -> Option<ModelInfo<AccountId, Balance, BlockNumber>>;

	/// Whether new requests may use the model.
	fn accepts_requests(id: &ModelId) -> bool {
		Self::model(id).is_some_and(|m| m.status == ModelStatus::Available)
	}
}

/// What the registry asks before it removes a model for good: whether requests still need it.
///
/// The inference pallet implements it from its own count of open requests per model, so that a
/// purge never pulls a model from under a request whose nodes would then fail to run or reveal it.
pub trait ModelUsage {
	/// Requests of `model` that have not settled yet (queued, seated or being judged).
	fn open_requests(model: &ModelId) -> u32;
}

/// No user: every model may be purged once its grace has passed (pallet unit tests).
impl ModelUsage for () {
	fn open_requests(_: &ModelId) -> u32 {
		0
	}
}

/// Prefix of the offchain-indexing keys under which uploaded chunks are kept.
pub const CHUNK_INDEX_PREFIX: &[u8] = b"sibyl/models/chunk/";

/// The offchain-indexing key of chunk `index` of `model`: prefix ‖ model id ‖ index (LE).
pub fn chunk_index_key(model: &ModelId, index: u32) -> [u8; 55] {
	let mut key = [0u8; 55];
	let (prefix, rest) = key.split_at_mut(CHUNK_INDEX_PREFIX.len());
	prefix.copy_from_slice(CHUNK_INDEX_PREFIX);
	let (id, idx) = rest.split_at_mut(32);
	id.copy_from_slice(&model.0);
	idx.copy_from_slice(&index.to_le_bytes());
	key
}

/// The length of chunk `index` of a model of `size` bytes cut into `chunk_size` pieces, or
/// `None` if there is no such chunk.
pub fn chunk_len(size: u32, chunk_size: u32, index: u32) -> Option<u32> {
	let start = index.checked_mul(chunk_size)?;
	if start >= size {
		return None;
	}
	Some(size.saturating_sub(start).min(chunk_size))
}

/// How many chunks of `chunk_size` a model of `size` bytes has.
pub fn chunk_count(size: u32, chunk_size: u32) -> Option<u32> {
	if chunk_size == 0 {
		return None;
	}
	Some(size.div_ceil(chunk_size))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	#[test]
	fn encoded_len_is_the_length_of_every_matching_output() {
		use crate::tensor::{DType, Tensor};
		use codec::Encode;
		let spec = |dtype: DType, shape: &[u32]| TensorSpec {
			name: b"y".to_vec().try_into().unwrap(),
			dtype,
			shape: shape.to_vec().try_into().unwrap(),
		};
		for specs in [
			vec![spec(DType::F32, &[1, 2])],
			vec![spec(DType::F32, &[1, 10]), spec(DType::I64, &[1])],
			vec![spec(DType::F32, &[1, 3, 48, 48])],
			vec![spec(DType::U8, &[70_000])],
		] {
			let tensors: alloc::vec::Vec<Tensor> = specs
				.iter()
				.map(|s| {
					let len = crate::tensor::byte_len(s.dtype, &s.shape).unwrap() as usize;
					Tensor {
						dtype: s.dtype,
						shape: s.shape.clone(),
						data: alloc::vec![0u8; len].try_into().unwrap(),
					}
				})
				.collect();
			assert_eq!(encoded_len(&specs), Some(tensors.encode().len() as u64), "{specs:?}");
		}
	}

	use super::*;

	#[test]
	fn chunk_arithmetic() {
		assert_eq!(chunk_count(10, 4), Some(3));
		assert_eq!(chunk_count(8, 4), Some(2));
		assert_eq!(chunk_count(0, 4), Some(0));
		assert_eq!(chunk_count(8, 0), None);
		assert_eq!(chunk_len(10, 4, 0), Some(4));
		assert_eq!(chunk_len(10, 4, 2), Some(2));
		assert_eq!(chunk_len(10, 4, 3), None);
		assert_eq!(chunk_len(u32::MAX, u32::MAX, 2), None);
	}

	#[test]
	fn chunk_keys_are_distinct_and_prefixed() {
		let a = chunk_index_key(&ModelId([1; 32]), 0);
		let b = chunk_index_key(&ModelId([1; 32]), 1);
		assert_ne!(a, b);
		assert!(a.starts_with(CHUNK_INDEX_PREFIX));
		assert_eq!(a.get(51..), Some(&0u32.to_le_bytes()[..]));
	}

	#[test]
	fn policy_validity() {
		assert!(VerificationPolicy::default().is_valid());
		let none = VerificationPolicy { replicas: 0, ..Default::default() };
		assert!(!none.is_valid());
		let over = VerificationPolicy { sample_ppm: SAMPLE_RATE_ALWAYS + 1, ..Default::default() };
		assert!(!over.is_valid());
		let sampled_without_verifiers =
			VerificationPolicy { verifiers: 0, sample_ppm: 10, ..Default::default() };
		assert!(!sampled_without_verifiers.is_valid());
		let unverified = VerificationPolicy { verifiers: 0, sample_ppm: 0, ..Default::default() };
		assert!(unverified.is_valid());
	}

	#[test]
	fn levels_resolve_to_policies_within_the_owners_bounds() {
		use VerificationLevel::*;
		let model = VerificationPolicy {
			replicas: 2,
			verifiers: 1,
			sample_ppm: 100_000,
			tolerance: Tolerance::TopK { k: 1 },
		};
		let any = LevelBounds::default();
		assert_eq!(model.at_level(None, &any), Ok(model));
		let unverified = model.at_level(Some(Unverified), &any).unwrap();
		assert_eq!((unverified.replicas, unverified.verifiers, unverified.sample_ppm), (1, 0, 0));
		assert_eq!(unverified.tolerance, model.tolerance);
		let sampled = model.at_level(Some(Sampled(500_000)), &any).unwrap();
		assert_eq!((sampled.replicas, sampled.verifiers, sampled.sample_ppm), (2, 1, 500_000));
		let committee = model.at_level(Some(Committee(5)), &any).unwrap();
		assert_eq!(
			(committee.replicas, committee.verifiers, committee.sample_ppm),
			(2, 5, SAMPLE_RATE_ALWAYS)
		);
		// A model without verifiers still gets one when a requester pays for sampling.
		let bare = VerificationPolicy { verifiers: 0, sample_ppm: 0, ..model };
		assert_eq!(bare.at_level(Some(Sampled(1)), &any).unwrap().verifiers, 1);
		// Malformed levels.
		assert_eq!(model.at_level(Some(Sampled(1_000_001)), &any), Err(LevelError::Invalid));
		assert_eq!(model.at_level(Some(Committee(0)), &any), Err(LevelError::Invalid));
		assert_eq!(model.at_level(Some(Committee(17)), &any), Err(LevelError::Invalid));
		// The owner's bounds.
		let strict = LevelBounds { min_sample_ppm: 100_000, max_verifiers: 3 };
		assert!(strict.is_valid_for(&model));
		assert_eq!(model.at_level(Some(Unverified), &strict), Err(LevelError::NotAllowed));
		assert_eq!(model.at_level(Some(Sampled(99_999)), &strict), Err(LevelError::NotAllowed));
		assert!(model.at_level(Some(Sampled(100_000)), &strict).is_ok());
		assert!(model.at_level(Some(Committee(3)), &strict).is_ok());
		assert_eq!(model.at_level(Some(Committee(4)), &strict), Err(LevelError::NotAllowed));
		// Bounds that exclude the model's own policy are refused at registration.
		assert!(!LevelBounds { min_sample_ppm: 200_000, max_verifiers: 3 }.is_valid_for(&model));
		assert!(!LevelBounds { min_sample_ppm: 0, max_verifiers: 0 }.is_valid_for(&model));
		assert!(!LevelBounds { min_sample_ppm: 0, max_verifiers: 17 }.is_valid_for(&model));
	}
}
