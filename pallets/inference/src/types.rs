//! Types and small helpers shared by the pallet's modules.

use super::*;

/// The request record in this runtime.
pub type RequestOf<T> =
	Request<<T as frame_system::Config>::AccountId, <T as Config>::Balance, BlockNumberFor<T>>;

/// A request that passed validation: its model, its encoded input and the policy it runs under.
pub(crate) type Validated<T> = (
	ModelInfoOf<T>,
	BoundedVec<u8, <T as Config>::MaxInputBytes>,
	sibyl_primitives::registry::VerificationPolicy,
);

/// A request's receipt in this runtime.
pub type ReceiptOf<T> =
	sibyl_primitives::Receipt<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// A model record in this runtime.
pub type ModelInfoOf<T> = sibyl_primitives::registry::ModelInfo<
	<T as frame_system::Config>::AccountId,
	<T as Config>::Balance,
	BlockNumberFor<T>,
>;

/// The fee of one call and its parts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Fee<Balance> {
	/// What the requester pays (at most; unused parts are refunded as the request ends).
	pub total: Balance,
	/// The verification premium within it, paid to the treasury that rewards verifiers.
	pub premium: Balance,
	/// The cost component of one run: `ComputeFeePerMegaOp × ⌈ops / 10⁶⌉`.
	pub compute: Balance,
}

/// The input tensors of a call.
pub type InputTensors = sibyl_primitives::tensor::Tensors;

/// For each feed binding of a request, its feed and the newest round written into the input.
pub type FeedRounds = Vec<(FeedId, u32)>;

/// An inline output: SCALE `Vec<Tensor>`.
pub type InlineOutputOf<T> = BoundedVec<u8, <T as Config>::MaxInlineOutput>;

/// A submitted output in this runtime.
pub type ResultOutputOf<T> = ResultOutput<InlineOutputOf<T>>;

/// Whether `tensors` match `schema` exactly; the first mismatch as an error otherwise.
pub(crate) fn check_tensors<T: Config>(
	tensors: &[Tensor],
	schema: &Schema,
) -> Result<(), Error<T>> {
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
pub(crate) enum Job {
	/// Nothing to do now (waiting for other seats, or a submission may still land).
	Idle,
	/// Ran the model, submitted a seal, a reveal or a step aside.
	Acted,
	/// This node cannot run models at all: stop for this block.
	Stop,
}

/// What a reveal led to, for its actual weight.
pub(crate) enum Judged {
	/// Other seats still have to reveal.
	NotYet,
	/// The request was judged over `seats` seats and settled.
	Settled { seats: u32 },
	/// More verifiers were drawn (or none could be, and it was refunded), or verifiers were
	/// asked to open their outputs.
	Escalated,
}

/// The inference error for a feed that cannot be read.
pub(crate) fn feed_error<T: Config>(error: FeedError) -> Error<T> {
	match error {
		FeedError::UnknownFeed => Error::<T>::UnknownFeed,
		FeedError::NoValue => Error::<T>::FeedHasNoValue,
		FeedError::Stale => Error::<T>::FeedStale,
		FeedError::NotEnoughHistory => Error::<T>::FeedHistoryTooShort,
	}
}

/// `blake2_256` of `bytes`.
pub(crate) fn hash_of(bytes: &[u8]) -> H256 {
	H256(sp_io::hashing::blake2_256(bytes))
}

/// The hash a result output stands for.
pub(crate) fn output_hash_of<T: Config>(output: &ResultOutputOf<T>) -> H256 {
	match output {
		ResultOutput::Inline(bytes) => hash_of(bytes),
		ResultOutput::Stored { hash, .. } => *hash,
		ResultOutput::Failed(error) => failure_hash(*error),
		ResultOutput::Hashed(hash) => *hash,
	}
}
