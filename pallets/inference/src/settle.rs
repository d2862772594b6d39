//! Judgement and settlement: the outcome of a request, its payouts, and pruning.

use super::*;

impl<T: Config> Pallet<T> {
	/// Judges the revealed outcomes and settles, or escalates once to more verifiers.
	pub(crate) fn conclude(
		id: RequestId,
		mut request: RequestOf<T>,
		now: BlockNumberFor<T>,
	) -> Judged {
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
		// Verification decides whether a round without a majority escalates, and to how many.
		let escalations = u8::from(request.checking == Checking::Escalated);
		let escalation = T::Verifier::escalation(&request.policy, escalations);
		let judgement = T::Verifier::judge(
			id,
			request.compute,
			&request.policy.tolerance,
			&ballots,
			escalation.is_none(),
		);
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
				let verifiers_revealed = request
					.slots
					.iter()
					.filter(|s| s.seat == Seat::Verifier && s.output.is_some())
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
					None => {
						defensive!("an accepted seat has revealed");
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
			Decision::NoMajority if escalation.is_some() => {
				let seed = Self::block_seed();
				let more = escalation.unwrap_or_default();
				let added = Self::seat_verifiers(id, &mut request, seed, more, &[]);
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
				Commitments::<T>::insert(id, commitment);
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
			Self::vacate(&slot.node, id);
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
	pub(crate) fn prune(now: BlockNumberFor<T>) -> Weight {
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
}
