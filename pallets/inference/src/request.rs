//! Intake: fees, feed bindings, validation and escrow of new requests, and read access.

use super::*;

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

	/// The fee of one call of `model` at `level` (`None`: the model's policy) now, or the error
	/// a request would fail with.
	pub fn quote(
		model: &ModelId,
		level: Option<VerificationLevel>,
	) -> Result<T::Balance, DispatchError> {
		let info = Self::available(model)?;
		let policy = Self::policy_at(&info, level)?;
		Ok(Self::fee_for(&info, &policy)?.total)
	}

	/// As [`Self::quote`], and also `NotEnoughNodes` when too few nodes are bonded now to seat
	/// such a request: what a dApp asks before sending one (the runtime API's quote). Schedules
	/// use [`Self::quote`], since a schedule outlives a moment without nodes.
	pub fn quote_now(
		model: &ModelId,
		level: Option<VerificationLevel>,
	) -> Result<T::Balance, DispatchError> {
		let info = Self::available(model)?;
		let policy = Self::policy_at(&info, level)?;
		Self::enough_nodes(&policy)?;
		Ok(Self::fee_for(&info, &policy)?.total)
	}

	/// `Ok` if enough inference nodes (and verifiers, if the policy checks) are bonded to seat a
	/// request under `policy`.
	fn enough_nodes(policy: &VerificationPolicy) -> Result<(), Error<T>> {
		ensure!(
			T::Nodes::active(Role::Inference).len() >= usize::from(policy.replicas),
			Error::<T>::NotEnoughNodes
		);
		if policy.sample_ppm > 0 {
			ensure!(
				T::Nodes::active(Role::Verifier).len() >= usize::from(policy.verifiers),
				Error::<T>::NotEnoughNodes
			);
		}
		Ok(())
	}

	/// The record of `model` if it takes requests, else the named error.
	fn available(model: &ModelId) -> Result<ModelInfoOf<T>, Error<T>> {
		let info = T::Models::model(model).ok_or(Error::<T>::UnknownModel)?;
		match info.status {
			ModelStatus::Available => Ok(info),
			ModelStatus::Uploading => Err(Error::<T>::ModelNotAvailable),
			ModelStatus::Retired => Err(Error::<T>::ModelRetired),
		}
	}

	/// The policy a request of the model `info` describes runs under at `level`.
	pub(crate) fn policy_at(
		info: &ModelInfoOf<T>,
		level: Option<VerificationLevel>,
	) -> Result<VerificationPolicy, Error<T>> {
		info.policy.at_level(level, &info.levels).map_err(|e| match e {
			LevelError::Invalid => Error::<T>::BadLevel,
			LevelError::NotAllowed => Error::<T>::LevelNotAllowed,
		})
	}

	/// The fee of one call of the model `info` describes under `policy`, and its parts.
	///
	/// `compute = ComputeFeePerMegaOp × ⌈ops / 10⁶⌉` is the cost component of one run;
	/// `total = (ExecutionFee + compute) × replicas + price + premium`, where the premium pays
	/// `VerificationFee + compute` per verifier at the policy's sample rate.
	pub fn fee_for(
		info: &ModelInfoOf<T>,
		policy: &VerificationPolicy,
	) -> Result<Fee<T::Balance>, Error<T>> {
		let units =
			T::Balance::try_from(info.cost.fee_units()).map_err(|_| Error::<T>::FeeOverflow)?;
		let compute =
			T::ComputeFeePerMegaOp::get().checked_mul(&units).ok_or(Error::<T>::FeeOverflow)?;
		let premium = T::Verifier::premium(policy, compute).ok_or(Error::<T>::FeeOverflow)?;
		let total = T::ExecutionFee::get()
			.checked_add(&compute)
			.and_then(|run| run.checked_mul(&T::Balance::from(policy.replicas)))
			.and_then(|execution| execution.checked_add(&info.price))
			.and_then(|fee| fee.checked_add(&premium))
			.ok_or(Error::<T>::FeeOverflow)?;
		Ok(Fee { total, premium, compute })
	}

	/// What each executor in line is paid for request `request`.
	pub(crate) fn execution_pay(request: &RequestOf<T>) -> T::Balance {
		T::ExecutionFee::get().saturating_add(request.compute)
	}

	/// `input` with the feed values of `bindings` written in; for each binding, its feed and the
	/// newest round written.
	pub fn bind_feeds(
		input: InputTensors,
		bindings: &FeedBindings,
	) -> Result<(InputTensors, FeedRounds), Error<T>> {
		Self::bind_with(input, bindings, |binding| {
			let answers =
				T::Feeds::window(binding.feed, binding.rounds).map_err(feed_error::<T>)?;
			Ok(answers.iter().map(|a| (a.value, a.round)).collect())
		})
	}

	/// Whether `bindings` are well formed for `input`: windows, overlaps, targets, feeds that
	/// exist. Reads no feed value (as if every value were 0), so a stale feed passes.
	pub(crate) fn check_bindings(
		input: InputTensors,
		bindings: &FeedBindings,
	) -> Result<(), Error<T>> {
		Self::bind_with(input, bindings, |binding| {
			Ok((0..binding.rounds).map(|_| (0, 0)).collect())
		})
		.map(|_| ())
	}

	/// `input` with the values `read` gives for each binding (`(value, round)`, oldest first)
	/// written in; for each binding, its feed and the newest round written.
	fn bind_with(
		mut input: InputTensors,
		bindings: &FeedBindings,
		read: impl Fn(&FeedBinding) -> Result<Vec<(i128, u32)>, Error<T>>,
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
			let answers = read(binding)?;
			let values: Vec<i128> = answers.iter().map(|(value, _)| *value).collect();
			write_values(tensor, binding.offset, &values, decimals).map_err(|e| match e {
				BindError::OutOfBounds => Error::<T>::BindingOutOfBounds,
				BindError::UnsupportedType => Error::<T>::BindingTypeUnsupported,
				BindError::ValueOutOfRange => Error::<T>::FeedValueOutOfRange,
			})?;
			let newest =
				answers.last().map(|(_, round)| *round).ok_or(Error::<T>::FeedHistoryTooShort)?;
			rounds.push((binding.feed, newest));
		}
		Ok((input, rounds))
	}

	/// The weight of a request of `bytes` input bytes with `bindings` feed bindings.
	pub(crate) fn request_weight(bytes: u32, bindings: u32) -> Weight {
		T::WeightInfo::request(bytes)
			.saturating_add(T::WeightInfo::bind_feed().saturating_mul(u64::from(bindings)))
			// The model's `OpenRequests` count, raised.
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			.saturating_add(Pallet::<T>::settle_overhead())
	}

	/// `input` with `bindings` written in (feed values of this block), then
	/// [`Self::do_request`]; announces the rounds read.
	pub fn do_request_with_feeds(
		who: T::AccountId,
		model: ModelId,
		input: InputTensors,
		bindings: &FeedBindings,
		level: Option<VerificationLevel>,
		max_fee: T::Balance,
	) -> Result<RequestId, DispatchError> {
		let (input, rounds) = Self::bind_feeds(input, bindings)?;
		let id = Self::do_request(who, model, input, level, max_fee)?;
		if !bindings.is_empty() {
			Self::deposit_event(Event::InputFromFeeds { id, rounds });
		}
		Ok(id)
	}

	/// Checks a request of `model` on `input` at `level`: the model takes requests, the input
	/// fits and matches its schema, the level is allowed. The model, the encoded input and the
	/// policy the request runs under.
	fn validate(
		model: &ModelId,
		input: &InputTensors,
		level: Option<VerificationLevel>,
	) -> Result<Validated<T>, Error<T>> {
		let info = Self::available(model)?;
		let encoded: BoundedVec<u8, T::MaxInputBytes> =
			input.encode().try_into().map_err(|_| Error::<T>::InputTooLarge)?;
		check_tensors::<T>(input, &info.inputs)?;
		let policy = Self::policy_at(&info, level)?;
		Ok((info, encoded, policy))
	}

	/// Validates, escrows and queues a request at `level`; its id.
	pub fn do_request(
		who: T::AccountId,
		model: ModelId,
		input: InputTensors,
		level: Option<VerificationLevel>,
		max_fee: T::Balance,
	) -> Result<RequestId, DispatchError> {
		let (info, encoded, policy) = Self::validate(&model, &input, level)?;
		let Fee { total: fee, premium, compute } = Self::fee_for(&info, &policy)?;
		ensure!(fee <= max_fee, Error::<T>::FeeBelowPrice);
		Self::enough_nodes(&policy)?;

		let id = RequestId(NextRequestId::<T>::get());
		// Seated in this block when nothing waits ahead of it and the block has seats to give;
		// otherwise it waits its turn in the queue.
		let seat_now = Self::can_seat_now();
		if !seat_now {
			Queue::<T>::try_append(id).map_err(|_| Error::<T>::QueueFull)?;
		}
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
			compute,
			created: frame_system::Pallet::<T>::block_number(),
			level,
			policy,
			attempts: 0,
			checking: Checking::Pending,
			slots: Default::default(),
			state: RequestState::Queued,
		};
		Inputs::<T>::insert(id, encoded);
		ByRequester::<T>::insert(&who, id, ());
		OpenRequests::<T>::mutate(model, |open| *open = open.saturating_add(1));
		Self::deposit_event(Event::Requested { id, requester: who, model, fee, level });
		if seat_now {
			// Drawn from this block's VRF randomness, which the requester could not know when it
			// signed; this block's offchain workers run it.
			SeatedThisBlock::<T>::mutate(|n| *n = n.saturating_add(1));
			let nodes = T::Nodes::active(Role::Inference);
			let now = frame_system::Pallet::<T>::block_number();
			Self::assign(id, request, now, &nodes, Self::block_seed(), |s| s.seal.is_none());
		} else {
			Requests::<T>::insert(id, request);
		}
		Ok(id)
	}

	/// A request, while kept.
	pub fn request_of(id: RequestId) -> Option<RequestOf<T>> {
		Requests::<T>::get(id)
	}

	/// The inline output of a request, while kept.
	pub fn output_of(id: RequestId) -> Option<Vec<u8>> {
		Outputs::<T>::get(id).map(|o| o.into_inner())
	}

	/// The commitment of a verified (or failed) request.
	pub fn commitment(id: RequestId) -> Option<H256> {
		Receipts::<T>::get(id).map(|r| r.commitment)
	}

	/// The receipt of a request that settled with an outcome.
	pub fn receipt(id: RequestId) -> Option<ReceiptOf<T>> {
		Receipts::<T>::get(id)
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
}

impl<T: Config> InferenceRequests<T::AccountId, T::Balance> for Pallet<T> {
	fn quote(
		model: &ModelId,
		level: Option<VerificationLevel>,
	) -> Result<T::Balance, DispatchError> {
		Pallet::<T>::quote(model, level)
	}

	fn check(
		model: &ModelId,
		input: &InputTensors,
		bindings: &FeedBindings,
		level: Option<VerificationLevel>,
	) -> DispatchResult {
		Self::validate(model, input, level)?;
		Self::check_bindings(input.clone(), bindings)?;
		Ok(())
	}

	fn request(
		who: &T::AccountId,
		model: ModelId,
		input: InputTensors,
		bindings: &FeedBindings,
		level: Option<VerificationLevel>,
		max_fee: T::Balance,
	) -> Result<RequestId, Refused> {
		Self::do_request_with_feeds(who.clone(), model, input, bindings, level, max_fee).map_err(
			|error| {
				let transient = [
					Error::<T>::FeedStale,
					Error::<T>::FeedHasNoValue,
					Error::<T>::FeedHistoryTooShort,
					Error::<T>::FeedValueOutOfRange,
					Error::<T>::NotEnoughNodes,
					Error::<T>::QueueFull,
					Error::<T>::FeeBelowPrice,
					Error::<T>::InsufficientBalance,
				]
				.into_iter()
				.any(|e| DispatchError::from(e) == error);
				Refused { error, transient }
			},
		)
	}

	fn request_weight(bytes: u32, bindings: u32) -> Weight {
		Self::request_weight(bytes, bindings)
	}
}
