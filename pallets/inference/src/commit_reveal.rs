//! Commit and reveal: checking and accepting seals, reveals and steps aside.

use super::*;

/// The phase of a seat's transaction in its pool tag: a seal or a step aside.
pub const PHASE_SEAL: u8 = 0;
/// The phase of a reveal in its pool tag.
pub const PHASE_REVEAL: u8 = 1;
/// The phase of an opening in its pool tag.
pub const PHASE_OPEN: u8 = 2;

impl<T: Config> Call<T> {
	/// The seat and phase a result transaction (`commit`, `decline`, `reveal`, `open`) fills:
	/// the pool keeps one transaction per seat and phase. A node that resubmits a seal or reveal
	/// with a new signature (a new hash) replaces its own pending one by it; `None` for any
	/// other call.
	pub fn result_slot(&self) -> Option<(RequestId, NodeKey, u8)> {
		match self {
			Call::commit { id, key, .. } | Call::decline { id, key, .. } => {
				Some((*id, *key, PHASE_SEAL))
			},
			Call::reveal { id, key, .. } => Some((*id, *key, PHASE_REVEAL)),
			Call::open { id, key, .. } => Some((*id, *key, PHASE_OPEN)),
			_ => None,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The seat of `key` in `request`, if `key` is still bound to the seat's account.
	pub(crate) fn seat_of(request: &RequestOf<T>, key: &NodeKey) -> Result<usize, DispatchError> {
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
	pub(crate) fn sealing_seat(
		id: RequestId,
		key: &NodeKey,
	) -> Result<(RequestOf<T>, usize), DispatchError> {
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

	/// The request `id` while it takes seals and the seat of `key` in it, which has not sealed,
	/// when `signature` is `key`'s over `payload`.
	fn signed_sealing_seat(
		id: RequestId,
		key: &NodeKey,
		payload: &[u8],
		signature: &NodeSignature,
	) -> Result<(RequestOf<T>, usize), DispatchError> {
		let (request, index) = Self::sealing_seat(id, key)?;
		ensure!(sp_io::crypto::sr25519_verify(signature, payload, key), Error::<T>::BadAttestation);
		Ok((request, index))
	}

	/// Checks a seal: the request takes seals, `key` holds a seat that has not sealed, and
	/// `signature` signs the commit payload.
	pub(crate) fn check_commit(
		id: RequestId,
		key: &NodeKey,
		seal: &H256,
		signature: &NodeSignature,
	) -> Result<(RequestOf<T>, usize), DispatchError> {
		let payload = commit_payload(&Self::genesis_hash(), id, seal);
		Self::signed_sealing_seat(id, key, &payload, signature)
	}

	/// Checks a step aside: as a seal, but with a reason of the node's own, signed over
	/// [`decline_payload`].
	pub(crate) fn check_decline(
		id: RequestId,
		key: &NodeKey,
		reason: InferenceError,
		signature: &NodeSignature,
	) -> Result<(RequestOf<T>, usize), DispatchError> {
		ensure!(!reason.is_outcome(), Error::<T>::ReasonIsAnOutcome);
		let payload = decline_payload(&Self::genesis_hash(), id, reason);
		Self::signed_sealing_seat(id, key, &payload, signature)
	}

	/// Checks a reveal fully; the request, the seat and the output hash.
	pub(crate) fn check_reveal(
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
		// Executors reveal the outcome the requester gets. Verifiers reveal only its hash while
		// the round may still escalate, so that no verifier's outcome is public before the
		// escalation's verifiers seal; in the last round they reveal the outcome itself, so that
		// none of them can reveal a hash copied from the first round.
		let hash_only = slot.seat == Seat::Verifier && Self::verifiers_reveal_hashes(&request);
		match output {
			ResultOutput::Hashed(_) if hash_only => {},
			_ if hash_only => return Err(Error::<T>::WrongRevealForm.into()),
			outcome => Self::check_outcome_form(&request, outcome)?,
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
		Self::check_output_schema(&request, output)?;
		Ok((request, index, output_hash))
	}

	/// Checks the form of a revealed or opened outcome: an output is stored offchain only when
	/// the model's outputs are too large to be inline, with their length (the output schema fixes
	/// it: nobody can present a hash it copied as a large output), a failure is an outcome of the
	/// request, and a hash is not an outcome.
	fn check_outcome_form(request: &RequestOf<T>, output: &ResultOutputOf<T>) -> DispatchResult {
		match output {
			ResultOutput::Stored { len, .. } => {
				let info = T::Models::model(&request.model).ok_or(Error::<T>::UnknownModel)?;
				let expected = encoded_len(&info.outputs).ok_or(Error::<T>::OutputMismatch)?;
				ensure!(
					expected > u64::from(T::MaxInlineOutput::get()),
					Error::<T>::OutputShouldBeInline
				);
				ensure!(u64::from(*len) == expected, Error::<T>::OutputMismatch);
			},
			ResultOutput::Failed(error) => ensure!(error.is_outcome(), Error::<T>::NotAnOutcome),
			ResultOutput::Hashed(_) => return Err(Error::<T>::WrongRevealForm.into()),
			ResultOutput::Inline(_) => {},
		}
		Ok(())
	}

	/// Checks an inline output against the model's output schema.
	fn check_output_schema(request: &RequestOf<T>, output: &ResultOutputOf<T>) -> DispatchResult {
		if let ResultOutput::Inline(bytes) = output {
			let info = T::Models::model(&request.model).ok_or(Error::<T>::UnknownModel)?;
			let tensors = <Vec<Tensor>>::decode_all(&mut &bytes[..])
				.map_err(|_| Error::<T>::OutputMismatch)?;
			check_tensors::<T>(&tensors, &info.outputs).map_err(|_| Error::<T>::OutputMismatch)?;
		}
		Ok(())
	}

	/// Whether verifiers of `request` reveal only their outcome's hash now: while the round
	/// may still escalate.
	pub(crate) fn verifiers_reveal_hashes(request: &RequestOf<T>) -> bool {
		let escalations = u8::from(request.checking == Checking::Escalated);
		T::Verifier::escalation(&request.policy, escalations).is_some()
	}

	/// Checks an opening fully: the request takes openings, the seat of `key` revealed only a
	/// hash that no revealed outcome explains, `output` is a well-formed outcome with it, and
	/// `signature` is the key's over it. Cheap checks first: the pool runs them for free.
	pub(crate) fn check_open(
		id: RequestId,
		key: &NodeKey,
		output: &ResultOutputOf<T>,
		signature: &NodeSignature,
	) -> Result<(RequestOf<T>, usize), DispatchError> {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(matches!(request.state, RequestState::Opening { .. }), Error::<T>::NotOpening);
		let index = Self::seat_of(&request, key)?;
		let Some(ResultOutput::Hashed(hash)) = Reveals::<T>::get(id, key) else {
			return Err(Error::<T>::NothingToOpen.into());
		};
		Self::check_outcome_form(&request, output)?;
		ensure!(output_hash_of::<T>(output) == hash, Error::<T>::OpeningMismatch);
		let payload = output.using_encoded(|bytes| open_payload(&Self::genesis_hash(), id, bytes));
		ensure!(
			sp_io::crypto::sr25519_verify(signature, &payload, key),
			Error::<T>::BadAttestation
		);
		// Only a hash no revealed outcome explains: the value of any other is known already.
		ensure!(Self::unopened(id, &request).contains(&index), Error::<T>::NothingToOpen);
		Self::check_output_schema(&request, output)?;
		Ok((request, index))
	}

	/// The weight a reveal or an opening of `bytes` bytes declares: its checks and writes, and
	/// the judgement of the most seats a request can have, each with the largest inline output
	/// (the call that judges is often a verifier's hash, but it judges every seat's output).
	pub(crate) fn reveal_weight(bytes: u32) -> Weight {
		T::WeightInfo::reveal_unjudged(bytes)
			.saturating_add(T::WeightInfo::judge(sibyl_primitives::request::MAX_SEATS))
			.saturating_add(Pallet::<T>::settle_overhead())
	}

	/// What finding the unopened hashes of a request costs (an opening does it when checked and
	/// when accepted): every seat's reveal read twice.
	pub(crate) fn unopened_scan_weight() -> Weight {
		let seats = u64::from(sibyl_primitives::request::MAX_SEATS);
		let proof = u64::from(T::MaxInlineOutput::get()).saturating_add(64).saturating_mul(seats);
		T::DbWeight::get()
			.reads(seats.saturating_mul(2))
			.saturating_add(Weight::from_parts(0, proof.saturating_mul(2)))
	}

	/// The weight a reveal or an opening of `bytes` bytes used, given what it led to.
	pub(crate) fn reveal_weight_used(bytes: u32, judged: Judged) -> Weight {
		let full = Self::reveal_weight(bytes);
		let used = match judged {
			Judged::NotYet => T::WeightInfo::reveal_unjudged(bytes),
			Judged::Settled { seats } => T::WeightInfo::reveal_unjudged(bytes)
				.saturating_add(T::WeightInfo::judge(seats))
				.saturating_add(Pallet::<T>::settle_overhead()),
			Judged::Escalated => full,
		};
		used.min(full)
	}

	pub(crate) fn validity(id: RequestId, key: &NodeKey, phase: u8) -> ValidTransaction {
		// One transaction per seat and phase: the pool keeps the first and refuses the rest.
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

	pub(crate) fn invalid(error: DispatchError) -> TransactionValidityError {
		if error == Error::<T>::BadAttestation.into() || error == Error::<T>::SealMismatch.into() {
			InvalidTransaction::BadProof.into()
		} else if error == Error::<T>::AlreadyCommitted.into()
			|| error == Error::<T>::AlreadyRevealed.into()
			|| error == Error::<T>::NothingToOpen.into()
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
	pub(crate) fn authorize_commit(
		_source: TransactionSource,
		id: &RequestId,
		key: &NodeKey,
		seal: &H256,
		signature: &NodeSignature,
	) -> TransactionValidityWithRefund {
		Self::check_commit(*id, key, seal, signature).map_err(Self::invalid)?;
		Ok((Self::validity(*id, key, PHASE_SEAL), Weight::zero()))
	}

	/// `#[pallet::authorize]` of [`Pallet::decline`].
	pub(crate) fn authorize_decline(
		_source: TransactionSource,
		id: &RequestId,
		key: &NodeKey,
		reason: &InferenceError,
		signature: &NodeSignature,
	) -> TransactionValidityWithRefund {
		Self::check_decline(*id, key, *reason, signature).map_err(Self::invalid)?;
		Ok((Self::validity(*id, key, PHASE_SEAL), Weight::zero()))
	}

	/// `#[pallet::authorize]` of [`Pallet::reveal`].
	pub(crate) fn authorize_reveal(
		_source: TransactionSource,
		id: &RequestId,
		key: &NodeKey,
		output: &ResultOutputOf<T>,
		salt: &[u8; 32],
		attestation: &NodeSignature,
	) -> TransactionValidityWithRefund {
		Self::check_reveal(*id, key, output, salt, attestation).map_err(Self::invalid)?;
		Ok((Self::validity(*id, key, PHASE_REVEAL), Weight::zero()))
	}

	/// `#[pallet::authorize]` of [`Pallet::open`].
	pub(crate) fn authorize_open(
		_source: TransactionSource,
		id: &RequestId,
		key: &NodeKey,
		output: &ResultOutputOf<T>,
		signature: &NodeSignature,
	) -> TransactionValidityWithRefund {
		Self::check_open(*id, key, output, signature).map_err(Self::invalid)?;
		Ok((Self::validity(*id, key, PHASE_OPEN), Weight::zero()))
	}

	/// Records a checked seal.
	pub(crate) fn accept_commit(
		id: RequestId,
		mut request: RequestOf<T>,
		index: usize,
		seal: H256,
	) {
		let Some(slot) = request.slots.get_mut(index) else { return };
		slot.seal = Some(seal);
		let (node, seat) = (slot.node.clone(), slot.seat);
		Self::deposit_event(Event::Committed { id, node, seat });
		Self::advance(id, request, frame_system::Pallet::<T>::block_number());
	}

	/// Records a checked step aside: an executor is replaced (or the request refunded on the
	/// last attempt), a verifier is replaced by a fresh draw. Nobody is penalized.
	pub(crate) fn accept_decline(
		id: RequestId,
		request: RequestOf<T>,
		index: usize,
		reason: InferenceError,
	) {
		let Some(slot) = request.slots.get(index).cloned() else { return };
		Self::deposit_event(Event::Declined {
			id,
			node: slot.node.clone(),
			seat: slot.seat,
			reason,
		});
		let now = frame_system::Pallet::<T>::block_number();
		let seed = Self::block_seed();
		match slot.seat {
			Seat::Verifier => {
				let Some(request) = Self::replace_verifiers(id, request, &[slot], seed, now) else {
					return;
				};
				// The newcomer gets a full phase to seal, however late the other stepped aside.
				Self::advance_or_reopen(id, request, now);
			},
			Seat::Executor if request.attempts >= T::MaxAttempts::get() => {
				let outcome = Outcome::Refunded(RefundReason::Declined(reason));
				Self::settle(id, request, outcome, now, &[]);
			},
			Seat::Executor => {
				let nodes = T::Nodes::active(Role::Inference);
				Self::assign(id, request, now, &nodes, seed, |s| s.key == slot.key);
			},
		}
	}

	/// Records a checked reveal; judges the request once every sealed seat has revealed.
	pub(crate) fn accept_reveal(
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

	/// Records a checked opening; judges the request once no verifier's disagreeing hash is
	/// left unopened.
	pub(crate) fn accept_open(
		id: RequestId,
		request: RequestOf<T>,
		index: usize,
		output: ResultOutputOf<T>,
	) -> Judged {
		let Some(slot) = request.slots.get(index) else { return Judged::NotYet };
		Reveals::<T>::insert(id, slot.key, output);
		Self::deposit_event(Event::Opened { id, node: slot.node.clone() });
		if !Self::unopened(id, &request).is_empty() {
			return Judged::NotYet;
		}
		Self::conclude(id, request, frame_system::Pallet::<T>::block_number())
	}
}
