//! Judgement and settlement: the outcome of a request, its payouts, and pruning.

use super::*;

impl<T: Config> Pallet<T> {
	/// The reveals of request `id`, seat by seat.
	fn reveals(id: RequestId, request: &RequestOf<T>) -> Vec<Option<ResultOutputOf<T>>> {
		request.slots.iter().map(|s| Reveals::<T>::get(id, s.key)).collect()
	}

	/// The index of a seat whose revealed (or opened) outcome, not only a hash, has `hash`.
	fn explained(
		request: &RequestOf<T>,
		reveals: &[Option<ResultOutputOf<T>>],
		hash: &H256,
	) -> Option<usize> {
		request.slots.iter().zip(reveals).position(|(s, r)| {
			s.output.as_ref() == Some(hash)
				&& r.as_ref().is_some_and(|r| !matches!(r, ResultOutput::Hashed(_)))
		})
	}

	/// The ballots of `request` as the judge sees them, from its `reveals`. A verifier's
	/// hash-only reveal carries the value of a revealed or opened outcome with the same hash,
	/// when there is one; while openings are due (`opening`) one that was not opened counts as
	/// silent.
	fn ballots(
		request: &RequestOf<T>,
		reveals: &[Option<ResultOutputOf<T>>],
		opening: bool,
	) -> Vec<Ballot<T::AccountId>> {
		let inline = |i: usize| match reveals.get(i) {
			Some(Some(ResultOutput::Inline(bytes))) => Some(bytes.clone().into_inner()),
			_ => None,
		};
		request
			.slots
			.iter()
			.zip(reveals)
			.enumerate()
			.map(|(i, (s, reveal))| {
				let (output_hash, output) = match reveal {
					Some(ResultOutput::Hashed(hash)) => {
						match Self::explained(request, reveals, hash) {
							Some(j) => (s.output, inline(j)),
							None if opening => (None, None),
							None => (s.output, None),
						}
					},
					_ => (s.output, inline(i)),
				};
				Ballot { who: s.node.clone(), seat: s.seat, output_hash, output }
			})
			.collect()
	}

	/// The seats of request `id` whose hash-only reveal matches no revealed or opened outcome:
	/// the values a tolerance cannot judge without. Compares the hashes the seats hold; hashes
	/// nothing.
	pub(crate) fn unopened(id: RequestId, request: &RequestOf<T>) -> Vec<usize> {
		Self::unopened_in(request, &Self::reveals(id, request))
	}

	/// [`Self::unopened`] of `request` with its `reveals` read already.
	fn unopened_in(request: &RequestOf<T>, reveals: &[Option<ResultOutputOf<T>>]) -> Vec<usize> {
		reveals
			.iter()
			.enumerate()
			.filter_map(|(i, r)| match r {
				Some(ResultOutput::Hashed(hash))
					if Self::explained(request, reveals, hash).is_none() =>
				{
					Some(i)
				},
				_ => None,
			})
			.collect()
	}

	/// Judges the revealed outcomes and settles, escalates once to more verifiers, or (under a
	/// tolerance that needs the values behind disagreeing hashes) asks verifiers to open them.
	pub(crate) fn conclude(id: RequestId, request: RequestOf<T>, now: BlockNumberFor<T>) -> Judged {
		let seats = request.slots.len() as u32;
		let opening = matches!(request.state, RequestState::Opening { .. });
		let reveals = Self::reveals(id, &request);
		let ballots = Self::ballots(&request, &reveals, opening);
		// Verification decides whether a round without a majority escalates, and to how many.
		let escalated = request.checking == Checking::Escalated;
		let escalation = T::Verifier::escalation(&request.policy, u8::from(escalated));
		// Equal hashes agree under every tolerance; different ones need values under any
		// tolerance but `Exact`. Verifiers open theirs only once no escalation can follow, so a
		// verifier drawn in an escalation never reads another verifier's outcome.
		if !opening && request.policy.tolerance != Tolerance::Exact {
			let hidden = Self::unopened_in(&request, &reveals);
			let disagree = hidden.iter().any(|i| {
				let hash = ballots.get(*i).and_then(|b| b.output_hash);
				ballots.iter().any(|b| b.output_hash.is_some() && b.output_hash != hash)
			});
			if disagree {
				let on_hashes = verify::judge(&request.policy.tolerance, &ballots, escalated);
				if on_hashes.decision == Decision::NoMajority {
					if let Some(more) = escalation {
						return Self::escalate(id, request, now, more);
					}
				}
				return Self::open_values(id, request, now);
			}
		}
		let judgement =
			T::Verifier::judge(id, request.compute, &request.policy.tolerance, &ballots, escalated);
		match judgement.decision {
			Decision::Accepted { executor } => {
				let Some(slot) = request.slots.get(executor) else {
					defensive!("the judge returns a ballot index");
					return Judged::Settled { seats };
				};
				let output_hash = slot.output.unwrap_or_default();
				let accepted = Reveals::<T>::get(id, slot.key);
				let paid: Vec<T::AccountId> = request
					.slots
					.iter()
					.zip(&judgement.in_line)
					.filter(|(s, ok)| **ok && s.seat == Seat::Executor)
					.map(|(s, _)| s.node.clone())
					.collect();
				// A checked request is accepted only when as many verifiers as its policy asks
				// for revealed an outcome: verification never silently degrades.
				let verifiers_revealed = ballots
					.iter()
					.filter(|b| b.seat == Seat::Verifier && b.output_hash.is_some())
					.count();
				let checked = matches!(request.checking, Checking::Drawn | Checking::Escalated);
				if checked && verifiers_revealed < usize::from(request.policy.verifiers) {
					let outcome = Outcome::Refunded(RefundReason::NoVerifiers);
					Self::settle(id, request, outcome, now, &[]);
					return Judged::Settled { seats };
				}
				let outcome = match accepted {
					Some(ResultOutput::Inline(bytes)) => {
						Outputs::<T>::insert(id, bytes);
						Outcome::Verified { output_hash }
					},
					Some(ResultOutput::Stored { hash, len }) => {
						StoredOutputs::<T>::insert(id, (hash, len));
						Outcome::Verified { output_hash }
					},
					Some(ResultOutput::Failed(error)) => Outcome::Failed(error),
					Some(ResultOutput::Hashed(_)) | None => {
						defensive!("an accepted executor has revealed its outcome");
						Outcome::Verified { output_hash }
					},
				};
				Self::settle(id, request, outcome, now, &paid);
			},
			Decision::ExecutorsWrong => {
				// An executor that revealed was outvoted (and slashed); executors that sealed but
				// never revealed were only late (a miss), and the request times out. Either way
				// the outputs are public now, so nobody new can be seated: the requester is
				// refunded.
				let revealed =
					request.slots.iter().any(|s| s.seat == Seat::Executor && s.output.is_some());
				let outcome = if revealed {
					Outcome::SlashedAndRefunded(RefundReason::WrongResult)
				} else {
					Outcome::Refunded(RefundReason::Timeout)
				};
				Self::settle(id, request, outcome, now, &[]);
			},
			Decision::NoMajority => {
				// Not after openings: the opened outcomes are public now.
				if let Some(more) = escalation.filter(|_| !opening) {
					return Self::escalate(id, request, now, more);
				}
				Self::settle(id, request, Outcome::Refunded(RefundReason::NoAgreement), now, &[]);
			},
		}
		Judged::Settled { seats }
	}

	/// Seats `more` verifiers on a round without a majority; they seal, then reveal, and the
	/// verifiers alone decide the escalated round. Refunds when not all can be drawn.
	fn escalate(
		id: RequestId,
		mut request: RequestOf<T>,
		now: BlockNumberFor<T>,
		more: u8,
	) -> Judged {
		// All of them or none: a round short of verifiers is decided by too few.
		let added = Self::seat_verifiers(id, &mut request, Self::block_seed(), more, &[]);
		if added < usize::from(more) {
			Self::settle(id, request, Outcome::Refunded(RefundReason::NoAgreement), now, &[]);
			return Judged::Escalated;
		}
		request.checking = Checking::Escalated;
		Self::deposit_event(Event::Escalated { id, verifiers: added as u32 });
		Self::reopen_sealing(id, request, now);
		Judged::Escalated
	}

	/// Asks the verifiers whose hashes no revealed outcome explains to open them by a deadline.
	fn open_values(id: RequestId, mut request: RequestOf<T>, now: BlockNumberFor<T>) -> Judged {
		let Some(deadline) = Self::track_deadline(id, now) else {
			Self::settle(id, request, Outcome::Refunded(RefundReason::Overloaded), now, &[]);
			return Judged::Escalated;
		};
		request.state = RequestState::Opening { deadline };
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::OpeningsOpen { id, deadline });
		Judged::Escalated
	}

	/// The receipt kept of `request` settled with `outcome` in block `now`.
	fn receipt_for(
		request: &RequestOf<T>,
		outcome: Outcome,
		commitment: H256,
		now: BlockNumberFor<T>,
	) -> ReceiptOf<T> {
		sibyl_primitives::Receipt {
			requester: request.requester.clone(),
			model: request.model,
			input_hash: request.input_hash,
			outcome,
			commitment,
			level: request.level,
			checking: request.checking,
			settled: now,
		}
	}

	/// What settling a request costs beyond the benchmarked paths that may settle one: the
	/// `OnSettled` hook, and the model's `OpenRequests` count (a read and a write, added after
	/// the reference weights were last generated; counted here either way, which at worst counts
	/// it twice).
	pub(crate) fn settle_overhead() -> Weight {
		T::OnSettled::weight().saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}

	/// Ends request `id` with `outcome`: pays (the owner, the executors in `paid`, the treasury)
	/// or refunds the escrow, records and announces it.
	pub(crate) fn settle(
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
					payees.push((executor.clone(), Self::execution_pay(&request)));
				}
				payees.push((T::Treasury::account(), request.premium));
				let commitment =
					Self::commitment_of(id, &request.model, &request.input_hash, &output_hash);
				Receipts::<T>::insert(id, Self::receipt_for(&request, outcome, commitment, now));
				T::Escrow::settle(id, &payees).map(|_| ())
			},
			Outcome::Failed(error) => {
				// The work is paid (executors in line, the premium that pays the verifiers);
				// the owner's price goes back: the model did not deliver an output.
				let mut payees = Vec::with_capacity(paid.len().saturating_add(1));
				for executor in paid {
					payees.push((executor.clone(), Self::execution_pay(&request)));
				}
				payees.push((T::Treasury::account(), request.premium));
				let commitment = Self::commitment_of(
					id,
					&request.model,
					&request.input_hash,
					&failure_hash(error),
				);
				Receipts::<T>::insert(id, Self::receipt_for(&request, outcome, commitment, now));
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
			Self::vacate(&slot.node, id);
		}
		let _ = Reveals::<T>::clear_prefix(id, sibyl_primitives::request::MAX_SEATS, None);
		Inputs::<T>::remove(id);
		OpenRequests::<T>::mutate_exists(request.model, |open| {
			*open = open.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
		let (level, checking) = (request.level, request.checking);
		request.state = RequestState::Settled { outcome, at: now };
		Requests::<T>::insert(id, request);
		let (head, tail) = PruneCursor::<T>::get();
		PruneLog::<T>::insert(tail, (id, now));
		PruneCursor::<T>::put((head, tail.saturating_add(1)));
		Self::deposit_event(Event::RequestSettled { id, outcome, level, checking });
		T::OnSettled::on_settled(id, &outcome, || Outputs::<T>::get(id).map(|o| o.into_inner()));
	}

	/// Removes up to `MaxPrunePerBlock` requests whose retention ended; the weight used.
	pub(crate) fn prune(now: BlockNumberFor<T>, max: u32) -> Weight {
		let (mut head, tail) = PruneCursor::<T>::get();
		let mut pruned = 0u32;
		while head < tail && pruned < max {
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
}

impl<T: Config> Pallet<T> {
	/// Each model's unsettled requests, counted from `Requests` itself (what `OpenRequests`
	/// must hold), and how many requests were read: the v1 migration writes it, `try_state`
	/// checks against it.
	pub(crate) fn count_open_requests() -> (alloc::collections::BTreeMap<ModelId, u32>, u64) {
		let mut read = 0u64;
		let mut open = alloc::collections::BTreeMap::<ModelId, u32>::new();
		for request in Requests::<T>::iter_values() {
			read = read.saturating_add(1);
			if !matches!(request.state, RequestState::Settled { .. }) {
				let count = open.entry(request.model).or_default();
				*count = count.saturating_add(1);
			}
		}
		(open, read)
	}
}

/// The registry asks before purging a model: requests of it still open keep it.
impl<T: Config> ModelUsage for Pallet<T> {
	fn open_requests(model: &ModelId) -> u32 {
		OpenRequests::<T>::get(model)
	}
}
