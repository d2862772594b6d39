//! The offchain worker: runs the model for this node's seats, seals, reveals or steps aside.

use super::*;

impl<T: Config> Pallet<T> {
	/// The roles this node takes, as `sibyl-node` recorded them in offchain storage.
	pub(crate) fn node_roles() -> Vec<Role> {
		sp_io::offchain::local_storage_get(
			sp_core::offchain::StorageKind::PERSISTENT,
			sibyl_primitives::roles::NODE_ROLES_KEY,
		)
		.and_then(|bytes| Vec::<Role>::decode_all(&mut &bytes[..]).ok())
		.unwrap_or_default()
	}

	/// The offchain worker: seals, reveals or steps aside from the seats of this node's keys.
	pub(crate) fn run_offchain(now: BlockNumberFor<T>) {
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
	pub(crate) fn track_seats(add: Option<(RequestId, NodeKey)>) {
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

	/// Forgets the offchain records of seats whose request has ended, and the stored outputs of
	/// requests the chain has pruned.
	pub(crate) fn forget_ended() {
		Self::track_seats(None);
		Self::forget_pruned_outputs();
	}

	/// Lists an output this node stored offchain for request `id`, so that it is deleted once
	/// the request is pruned (beyond `MAX_TRACKED_OUTPUTS` the oldest is deleted at once).
	pub(crate) fn track_stored_output(id: RequestId, hash: H256) {
		use sp_runtime::offchain::storage::StorageValueRef;
		let index = StorageValueRef::persistent(STORED_OUTPUTS_KEY);
		let _ = index.mutate(|stored: Result<Option<Vec<(RequestId, H256)>>, _>| {
			let mut stored = stored.ok().flatten().unwrap_or_default();
			if stored.len() >= MAX_TRACKED_OUTPUTS {
				let (_, oldest) = stored.remove(0);
				Self::delete_stored_output(&oldest);
			}
			stored.push((id, hash));
			Ok::<_, ()>(stored)
		});
	}

	/// Deletes the stored outputs of requests that are no longer kept on chain: their
	/// `Retention` has passed, and nobody can ask for them any more.
	pub(crate) fn forget_pruned_outputs() {
		use sp_runtime::offchain::storage::StorageValueRef;
		let index = StorageValueRef::persistent(STORED_OUTPUTS_KEY);
		let _ = index.mutate(|stored: Result<Option<Vec<(RequestId, H256)>>, _>| {
			let mut stored = stored.ok().flatten().unwrap_or_default();
			stored.retain(|(id, hash)| {
				let kept = Requests::<T>::contains_key(id);
				if !kept {
					Self::delete_stored_output(hash);
				}
				kept
			});
			Ok::<_, ()>(stored)
		});
	}

	fn delete_stored_output(hash: &H256) {
		sp_io::offchain::local_storage_clear(
			sp_core::offchain::StorageKind::PERSISTENT,
			&stored_output_key(hash),
		);
	}

	pub(crate) fn clear_seat(id: RequestId, key: &NodeKey) {
		use sp_core::offchain::StorageKind::PERSISTENT;
		sp_io::offchain::local_storage_clear(PERSISTENT, &Self::pending_key(id, key));
		for attempt in 0..=T::MaxAttempts::get() {
			for phase in 0..3u8 {
				Self::forget_claim(id, attempt, key, phase);
			}
		}
	}

	/// Takes the next step of one seat, if it has one now.
	pub(crate) fn run_job(id: RequestId, role: Role, key: &NodeKey, now: BlockNumberFor<T>) -> Job {
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
				if Self::seal_job(id, &request, slot.seat, key, &pending_key, now) {
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
			RequestState::Opening { .. }
				if Self::unopened(id, &request)
					.iter()
					.any(|i| request.slots.get(*i).is_some_and(|s| &s.key == key)) =>
			{
				if !Self::claim(id, request.attempts, key, 2, now) {
					return Job::Idle;
				}
				Self::open_job(id, key, &pending_key);
				Job::Acted
			},
			_ => Job::Idle,
		}
	}

	/// Offchain key of a seat's sealed output and salt.
	pub(crate) fn pending_key(id: RequestId, key: &NodeKey) -> Vec<u8> {
		(b"sibyl/inference/pending/", id, key).encode()
	}

	/// Offchain key of a seat's claim on a phase of an attempt.
	pub(crate) fn claim_key(id: RequestId, attempt: u8, key: &NodeKey, phase: u8) -> Vec<u8> {
		(b"sibyl/inference/claim/", id, attempt, key, phase).encode()
	}

	/// One claim per request, attempt, key and phase: `false` while a submission may still land.
	pub(crate) fn claim(
		id: RequestId,
		attempt: u8,
		key: &NodeKey,
		phase: u8,
		now: BlockNumberFor<T>,
	) -> bool {
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

	pub(crate) fn forget_claim(id: RequestId, attempt: u8, key: &NodeKey, phase: u8) {
		sp_io::offchain::local_storage_clear(
			sp_core::offchain::StorageKind::PERSISTENT,
			&Self::claim_key(id, attempt, key, phase),
		);
	}

	/// Runs the model and seals its outcome (keeping it and the salt for the reveal): the output,
	/// or the failure every honest node meets on this input. A node that cannot serve the seat
	/// for its own reasons retries, then steps aside before the deadline. `false` if this node
	/// cannot run models at all.
	pub(crate) fn seal_job(
		id: RequestId,
		request: &RequestOf<T>,
		seat: Seat,
		key: &NodeKey,
		pending_key: &[u8],
		now: BlockNumberFor<T>,
	) -> bool {
		use sp_core::offchain::StorageKind::PERSISTENT;
		// Sealed here before (a resubmission, or a run that overlapped an earlier one still
		// submitting): the same outcome and salt, so the same seal. A new salt would leave this
		// node unable to open whichever seal lands first, and it would miss its reveal.
		if let Some((salt, outcome)) = Self::kept_seal(pending_key) {
			if let Some(commit) = Self::commit_call(id, seat, key, &salt, &outcome) {
				Self::submit(id, commit);
			}
			return true;
		}
		let inputs = Inputs::<T>::get(id)
			.and_then(|bytes| <Vec<Tensor>>::decode_all(&mut &bytes[..]).ok())
			.unwrap_or_default();
		// Only an engine that is the chain's computes bits the chain can judge; any other steps
		// aside rather than be put out of line.
		// The model's declared cost is its budget on every node: a call the engine estimates
		// above it fails the same way everywhere, before it runs.
		let budget = T::Models::model(&request.model).map(|m| m.cost).unwrap_or_default();
		let ran = match sibyl_inference::run_model_within(&request.model, &inputs, &budget) {
			Err(InferenceError::Unavailable) => Err(InferenceError::Unavailable),
			_ if !sibyl_inference::engine_matches() => Err(InferenceError::EngineMismatch),
			ran => ran,
		};
		// An output must match the model's registered output schema and be finite; otherwise
		// that is the request's outcome, which every honest node reproduces.
		let ran = ran.and_then(|outputs| match T::Models::model(&request.model) {
			Some(info) => match check_tensors::<T>(&outputs, &info.outputs) {
				Ok(()) => Ok(outputs),
				Err(_) if outputs.iter().any(|t| !t.all_finite()) => {
					Err(InferenceError::NonFiniteOutput)
				},
				Err(_) => Err(InferenceError::OutputSchemaMismatch),
			},
			None => Ok(outputs),
		});
		let outcome: ResultOutputOf<T> = match ran {
			Ok(outputs) => {
				let bytes = outputs.encode();
				let output_hash = hash_of(&bytes);
				let len = bytes.len() as u32;
				log::info!(
					target: LOG_TARGET,
					"🧠 request {} ran as {seat:?}: output {output_hash:?} ({len} bytes), sealing",
					id.0
				);
				match InlineOutputOf::<T>::try_from(bytes) {
					Ok(inline) => ResultOutput::Inline(inline),
					// A verifier's output is nobody's to fetch: verifiers drawn in an
					// escalation could read it before they seal.
					Err(_) if seat == Seat::Verifier => {
						ResultOutput::Stored { hash: output_hash, len }
					},
					Err(bytes) => {
						let store_key = stored_output_key(&output_hash);
						sp_io::offchain::local_storage_set(PERSISTENT, &store_key, &bytes);
						Self::track_stored_output(id, output_hash);
						ResultOutput::Stored { hash: output_hash, len }
					},
				}
			},
			Err(error) if error.is_outcome() => {
				log::info!(
					target: LOG_TARGET,
					"🧠 request {} ran as {seat:?}: the model fails on this input ({error:?}), \
					 sealing the failure",
					id.0
				);
				ResultOutput::Failed(error)
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
			Err(reason) => {
				// This node's state, not the request's: the model may still be syncing from
				// peers, or the engine is catching up. Retry while a later step aside can still
				// land; step aside (no penalty) at the last chance, or at once when retrying
				// cannot help (a time limit, a mismatched engine or model bytes).
				let deadline = match request.state {
					RequestState::Committing { deadline } => deadline,
					_ => now,
				};
				let retry = matches!(reason, InferenceError::ModelNotFound | InferenceError::Busy)
					&& now.saturating_add(One::one()) < deadline;
				if retry {
					Self::forget_claim(id, request.attempts, key, 0);
					log::info!(target: LOG_TARGET, "request {}: {reason:?} here yet, retrying", id.0);
					return true;
				}
				log::warn!(target: LOG_TARGET, "request {}: {reason:?}, stepping aside", id.0);
				let payload = decline_payload(&Self::genesis_hash(), id, reason);
				let Some(signature) = Self::sign(seat, key, &payload) else { return true };
				Self::submit(id, Call::<T>::decline { id, key: *key, reason, signature });
				return true;
			},
		};
		let salt = sp_io::offchain::random_seed();
		let Some(commit) = Self::commit_call(id, seat, key, &salt, &outcome) else { return true };
		sp_io::offchain::local_storage_set(PERSISTENT, pending_key, &(salt, outcome).encode());
		Self::submit(id, commit);
		true
	}

	/// The outcome and salt this node sealed for a seat, kept for its reveal.
	fn kept_seal(pending_key: &[u8]) -> Option<([u8; 32], ResultOutputOf<T>)> {
		use sp_core::offchain::StorageKind::PERSISTENT;
		sp_io::offchain::local_storage_get(PERSISTENT, pending_key)
			.and_then(|bytes| <([u8; 32], ResultOutputOf<T>)>::decode_all(&mut &bytes[..]).ok())
	}

	/// The signed `commit` of `outcome` sealed with `salt`, or `None` if the key cannot sign.
	fn commit_call(
		id: RequestId,
		seat: Seat,
		key: &NodeKey,
		salt: &[u8; 32],
		outcome: &ResultOutputOf<T>,
	) -> Option<Call<T>> {
		let sealed = seal(&Self::genesis_hash(), id, key, &output_hash_of::<T>(outcome), salt);
		let payload = commit_payload(&Self::genesis_hash(), id, &sealed);
		let signature = Self::sign(seat, key, &payload)?;
		Some(Call::<T>::commit { id, key: *key, seal: sealed, signature })
	}

	/// Reveals the sealed output kept by [`Self::seal_job`].
	pub(crate) fn reveal_job(
		id: RequestId,
		request: &RequestOf<T>,
		seat: Seat,
		key: &NodeKey,
		pending_key: &[u8],
	) {
		let Some((salt, output)) = Self::kept_seal(pending_key) else {
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
		// A verifier reveals only the hash while the round may escalate; its outcome stays here
		// until an opening asks for it.
		let output = match seat {
			Seat::Verifier if Self::verifiers_reveal_hashes(request) => {
				ResultOutput::Hashed(output_hash)
			},
			_ => output,
		};
		Self::submit(id, Call::<T>::reveal { id, key: *key, output, salt, attestation });
	}

	/// Opens the outcome a verifier sealed and revealed as a hash, kept by [`Self::seal_job`].
	pub(crate) fn open_job(id: RequestId, key: &NodeKey, pending_key: &[u8]) {
		let Some((_, output)) = Self::kept_seal(pending_key) else {
			log::warn!(
				target: LOG_TARGET,
				"request {}: asked to open, but the sealed output is gone from offchain storage",
				id.0
			);
			return;
		};
		log::info!(target: LOG_TARGET, "🧠 request {}: opening {:?}", id.0, output_hash_of::<T>(&output));
		let payload = open_payload(&Self::genesis_hash(), id, &output.encode());
		let Some(signature) = Self::sign(Seat::Verifier, key, &payload) else { return };
		Self::submit(id, Call::<T>::open { id, key: *key, output, signature });
	}

	pub(crate) fn submit(id: RequestId, call: Call<T>) {
		let xt = T::create_authorized_transaction(call.into());
		if SubmitTransaction::<T, Call<T>>::submit_transaction(xt).is_err() {
			// Also when an earlier submission of the same message is still pending (a resubmission).
			log::debug!(target: LOG_TARGET, "request {}: the pool did not take the transaction", id.0);
		}
	}

	pub(crate) fn sign(seat: Seat, key: &NodeKey, payload: &[u8]) -> Option<NodeSignature> {
		let key_type = seat.role().key_type();
		let signature = sp_io::crypto::sr25519_sign(key_type, key, payload);
		if signature.is_none() {
			log::error!(target: LOG_TARGET, "the keystore cannot sign with {key_type:?} key {key:?}");
		}
		signature
	}
}
