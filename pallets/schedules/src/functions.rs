//! Creating, running, ending and removing schedules, and recording their runs' outcomes.

use super::*;

impl<T: Config> Pallet<T> {
	/// Checks, holds the budget of, and records a new schedule; its id.
	#[allow(clippy::too_many_arguments)]
	pub fn do_schedule(
		who: T::AccountId,
		model: ModelId,
		input: Tensors,
		bindings: FeedBindings,
		level: Option<VerificationLevel>,
		every: BlockNumberFor<T>,
		max_runs: u32,
		max_fee_per_run: BalanceOf<T>,
	) -> Result<ScheduleId, DispatchError> {
		ensure!(every >= T::MinPeriod::get(), Error::<T>::PeriodTooShort);
		ensure!((1..=T::MaxRuns::get()).contains(&max_runs), Error::<T>::BadRunCount);
		let encoded: BoundedVec<u8, T::MaxInputBytes> =
			input.encode().try_into().map_err(|_| Error::<T>::InputTooLarge)?;
		T::Inference::check(&model, &input, &bindings, level)?;
		let quote = T::Inference::quote(&model, level)?;
		ensure!(quote <= max_fee_per_run, Error::<T>::MaxFeeBelowQuote);
		let budget = max_fee_per_run
			.checked_mul(&BalanceOf::<T>::from(max_runs))
			.ok_or(Error::<T>::BudgetOverflow)?;
		let owned = OwnerCount::<T>::get(&who);
		ensure!(owned < T::MaxSchedulesPerAccount::get(), Error::<T>::TooManySchedules);
		let count = ScheduleCount::<T>::get();
		ensure!(count < T::MaxSchedules::get(), Error::<T>::NoRoomForSchedules);

		let now = frame_system::Pallet::<T>::block_number();
		let next = now.saturating_add(One::one());
		let id = NextScheduleId::<T>::get();
		// Fewer than `MaxSchedules` schedules exist, each in one queue at most: there is room.
		Due::<T>::try_append(next, id).map_err(|_| Error::<T>::NoRoomForSchedules)?;
		T::Currency::hold(&HoldReason::Budget.into(), &who, budget)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		NextScheduleId::<T>::put(id.saturating_add(1));
		ScheduleCount::<T>::put(count.saturating_add(1));
		OwnerCount::<T>::insert(&who, owned.saturating_add(1));
		ByOwner::<T>::insert(&who, id, ());
		Schedules::<T>::insert(
			id,
			Schedule {
				owner: who.clone(),
				model,
				input: encoded,
				bindings,
				level,
				every,
				max_runs,
				runs: 0,
				skipped: 0,
				skipped_in_a_row: 0,
				max_fee_per_run,
				budget,
				next,
				state: ScheduleState::Active,
			},
		);
		Self::deposit_event(Event::Scheduled { id, owner: who, model, every, max_runs, budget });
		Ok(id)
	}

	/// Removes schedule `id` for its owner `who`, releasing what is left of its budget.
	pub(crate) fn do_cancel(who: T::AccountId, id: ScheduleId) -> DispatchResult {
		let schedule = Schedules::<T>::get(id).ok_or(Error::<T>::UnknownSchedule)?;
		ensure!(schedule.owner == who, Error::<T>::NotOwner);
		if schedule.state == ScheduleState::Active {
			Due::<T>::mutate_exists(schedule.next, |due| {
				if let Some(list) = due {
					list.retain(|s| *s != id);
				}
				if due.as_ref().is_some_and(|list| list.is_empty()) {
					*due = None;
				}
			});
			Carried::<T>::mutate(|carried| carried.retain(|s| *s != id));
			ScheduleCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		}
		// An ended one is in `Expiring`, where a removed id is passed over.
		let refunded = Self::release(&schedule.owner, schedule.budget);
		Schedules::<T>::remove(id);
		Self::forget(&who, id);
		Self::deposit_event(Event::Cancelled { id, refunded });
		Ok(())
	}

	/// Removes what is kept of schedule `id` of `owner`, but for its record.
	fn forget(owner: &T::AccountId, id: ScheduleId) {
		Runs::<T>::remove(id);
		Latest::<T>::remove(id);
		ByOwner::<T>::remove(owner, id);
		OwnerCount::<T>::mutate_exists(owner, |n| {
			*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
	}

	/// Start-of-block work: removes ended schedules whose retention passed, then makes the runs
	/// due (those carried first, then the block's own) while they fit in `MaxRunsPerBlock` and
	/// `MaxRunWeight`, and carries the rest. The weight used.
	pub(crate) fn run_due(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_idle().saturating_add(Self::prune(now));
		let mut ready = Carried::<T>::take().into_inner();
		ready.extend(Due::<T>::take(now));
		let limit = T::MaxRunWeight::get();
		let mut made = 0u32;
		let mut runs = ready.into_iter();
		let mut carried = Vec::new();
		for id in runs.by_ref() {
			let Some(schedule) = Schedules::<T>::get(id) else { continue };
			let cost = Self::run_weight(&schedule);
			let fits = weight.saturating_add(cost).all_lte(limit);
			if made >= T::MaxRunsPerBlock::get() || (made > 0 && !fits) {
				// Read to learn its size, then carried: the read is charged, its run is not.
				weight.saturating_accrue(T::DbWeight::get().reads(1));
				carried.push(id);
				break;
			}
			weight.saturating_accrue(cost);
			made = made.saturating_add(1);
			Self::run(id, schedule, now);
		}
		carried.extend(runs);
		// Each running schedule is in one queue only, and at most `MaxSchedules` are running.
		if carried.is_empty() {
			Carried::<T>::kill();
		} else {
			Carried::<T>::put(BoundedVec::truncate_from(carried));
		}
		weight
	}

	/// What one run of `schedule` weighs: this pallet's part (its template decoded) and the
	/// request it makes, at its own input size and bindings.
	pub(crate) fn run_weight(schedule: &ScheduleOf<T>) -> Weight {
		let bytes = schedule.input.len() as u32;
		T::WeightInfo::run(bytes)
			.saturating_add(T::Inference::request_weight(bytes, schedule.bindings.len() as u32))
	}

	/// Removes up to `MaxPrunePerBlock` ended schedules whose retention passed; the rest wait
	/// for the next block. The weight used.
	pub(crate) fn prune(now: BlockNumberFor<T>) -> Weight {
		let mut expired = Expiring::<T>::take(now).into_inner();
		if expired.is_empty() {
			return Weight::zero();
		}
		let rest = expired.split_off(expired.len().min(T::MaxPrunePerBlock::get() as usize));
		if !rest.is_empty() {
			// At most `MaxSchedules` end per block, and fewer stay: there is room.
			let next = now.saturating_add(One::one());
			Expiring::<T>::mutate(next, |list| {
				for id in rest {
					if list.try_push(id).is_err() {
						defensive!("expiring schedules fit in one block's list");
					}
				}
			});
		}
		let count = expired.len() as u64;
		for id in expired {
			// A schedule its owner removed already is passed over.
			if let Some(schedule) = Schedules::<T>::take(id) {
				Self::forget(&schedule.owner, id);
			}
		}
		T::WeightInfo::prune_one().saturating_mul(count)
	}

	/// Makes the run of schedule `id` that is due in block `now`, skips it, or ends the
	/// schedule; files its next run.
	pub(crate) fn run(id: ScheduleId, mut schedule: ScheduleOf<T>, now: BlockNumberFor<T>) {
		if schedule.state != ScheduleState::Active {
			defensive!("only running schedules are queued");
			return;
		}
		// The next run is due a period after this one was due, and never in the past.
		schedule.next =
			schedule.next.saturating_add(schedule.every).max(now.saturating_add(One::one()));
		let run = schedule.runs;
		match Self::make_run(&schedule) {
			Ok((request, fee, settled)) => {
				schedule.runs = schedule.runs.saturating_add(1);
				schedule.skipped_in_a_row = 0;
				schedule.budget = schedule.budget.saturating_sub(fee);
				Runs::<T>::mutate(id, |runs| {
					if runs.is_full() {
						runs.remove(0);
					}
					let entry = Run { index: run, request, at: now, outcome: settled };
					let _ = runs.try_push(entry);
				});
				Self::deposit_event(Event::RunMade { id, run, request, fee });
				match settled {
					// It settled at once (no node could be seated): it is recorded now.
					Some(outcome) => {
						Self::deposit_event(Event::RunSettled { id, run, request, outcome })
					},
					None => RunOf::<T>::insert(request, (id, run)),
				}
			},
			Err(Refused { error, transient: true }) => {
				schedule.skipped = schedule.skipped.saturating_add(1);
				schedule.skipped_in_a_row = schedule.skipped_in_a_row.saturating_add(1);
				Self::deposit_event(Event::RunSkipped { id, error });
				if schedule.skipped_in_a_row >= T::MaxConsecutiveSkips::get() {
					return Self::end(id, schedule, now, EndReason::Skipped(error));
				}
			},
			Err(Refused { error, transient: false }) => {
				return Self::end(id, schedule, now, EndReason::Unrunnable(error));
			},
		}
		if schedule.runs >= schedule.max_runs {
			return Self::end(id, schedule, now, EndReason::BudgetSpent);
		}
		if Due::<T>::try_append(schedule.next, id).is_err() {
			defensive!("at most `MaxSchedules` schedules are due in one block");
			Carried::<T>::mutate(|carried| {
				let _ = carried.try_push(id);
			});
		}
		Schedules::<T>::insert(id, schedule);
	}

	/// Releases the quote of one run from the budget and makes its request, in one
	/// transaction: a refused request releases nothing. Its id, its fee, and its outcome if it
	/// settled at once.
	fn make_run(
		schedule: &ScheduleOf<T>,
	) -> Result<(RequestId, BalanceOf<T>, Option<Outcome>), Refused> {
		let permanent = |error: DispatchError| Refused { error, transient: false };
		let input = Tensors::decode_all(&mut &schedule.input[..])
			.map_err(|_| permanent(DispatchError::Corruption))?;
		let fee = T::Inference::quote(&schedule.model, schedule.level).map_err(permanent)?;
		if fee > schedule.max_fee_per_run || fee > schedule.budget {
			return Err(Refused { error: Error::<T>::MaxFeeBelowQuote.into(), transient: true });
		}
		with_transaction(|| {
			Making::<T>::put(None::<Outcome>);
			let made = T::Currency::release(
				&HoldReason::Budget.into(),
				&schedule.owner,
				fee,
				Precision::Exact,
			)
			.map_err(|error| Refused { error, transient: true })
			.and_then(|_| {
				T::Inference::request(
					&schedule.owner,
					schedule.model,
					input,
					&schedule.bindings,
					schedule.level,
					fee,
				)
			});
			let settled = Making::<T>::take().flatten();
			match made {
				Ok(request) => TransactionOutcome::Commit(Ok((request, fee, settled))),
				Err(refused) => TransactionOutcome::Rollback(Err(refused)),
			}
		})
	}

	/// Ends schedule `id` in block `now`: no more runs, what is left of its budget released, its
	/// template dropped, its removal filed `EndedRetention` blocks later.
	fn end(id: ScheduleId, mut schedule: ScheduleOf<T>, now: BlockNumberFor<T>, reason: EndReason) {
		let refunded = Self::release(&schedule.owner, schedule.budget);
		schedule.budget = Zero::zero();
		schedule.input = Default::default();
		schedule.state = ScheduleState::Ended { reason, at: now };
		Schedules::<T>::insert(id, schedule);
		ScheduleCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		let expires =
			now.saturating_add(T::EndedRetention::get()).max(now.saturating_add(One::one()));
		if Expiring::<T>::try_append(expires, id).is_err() {
			defensive!("fewer than `MaxSchedules` schedules end in one block");
		}
		Self::deposit_event(Event::Ended { id, reason, refunded });
	}

	/// Releases `amount` of `who`'s budget hold; what was released.
	fn release(who: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		if amount.is_zero() {
			return amount;
		}
		T::Currency::release(&HoldReason::Budget.into(), who, amount, Precision::BestEffort)
			.unwrap_or_else(|e| {
				log::error!(target: LOG_TARGET, "budget of {amount:?} not released: {e:?}");
				defensive!("a schedule's budget is held");
				Zero::zero()
			})
	}

	/// A schedule, with its input template as bytes.
	pub fn schedule_of(id: ScheduleId) -> Option<ScheduleInfoOf<T>> {
		Schedules::<T>::get(id).map(|s| Schedule {
			owner: s.owner,
			model: s.model,
			input: s.input.into_inner(),
			bindings: s.bindings,
			level: s.level,
			every: s.every,
			max_runs: s.max_runs,
			runs: s.runs,
			skipped: s.skipped,
			skipped_in_a_row: s.skipped_in_a_row,
			max_fee_per_run: s.max_fee_per_run,
			budget: s.budget,
			next: s.next,
			state: s.state,
		})
	}

	/// The latest runs of a schedule, oldest first.
	pub fn runs_of(id: ScheduleId) -> Vec<Run<BlockNumberFor<T>>> {
		Runs::<T>::get(id).into_inner()
	}

	/// The latest verified output of a schedule.
	pub fn latest_of(id: ScheduleId) -> Option<LatestOutput<BlockNumberFor<T>, Vec<u8>>> {
		Latest::<T>::get(id).map(|l| LatestOutput {
			run: l.run,
			request: l.request,
			settled: l.settled,
			output_hash: l.output_hash,
			output: l.output.map(|o| o.into_inner()),
		})
	}

	/// The schedules `who` owns, ascending.
	pub fn schedules_of(who: &T::AccountId) -> Vec<ScheduleId> {
		let mut ids: Vec<ScheduleId> = ByOwner::<T>::iter_key_prefix(who).collect();
		ids.sort();
		ids
	}
}

impl<T: Config> OnRequestSettled for Pallet<T> {
	fn on_settled(request: RequestId, outcome: &Outcome, output: impl FnOnce() -> Option<Vec<u8>>) {
		let Some((id, run)) = RunOf::<T>::take(request) else {
			// The request of the run being made settled at once: the run records it.
			if Making::<T>::get() == Some(None) {
				Making::<T>::put(Some(*outcome));
			}
			return;
		};
		// A removed schedule's runs still settle; nothing is recorded for them.
		if !Schedules::<T>::contains_key(id) {
			return;
		}
		Runs::<T>::mutate(id, |runs| {
			if let Some(entry) = runs.iter_mut().find(|r| r.request == request) {
				entry.outcome = Some(*outcome);
			}
		});
		if let Outcome::Verified { output_hash } = *outcome {
			// Runs may settle out of order: the latest output is the newest run's.
			if Latest::<T>::get(id).is_none_or(|latest| latest.run < run) {
				Latest::<T>::insert(
					id,
					LatestOutput {
						run,
						request,
						settled: frame_system::Pallet::<T>::block_number(),
						output_hash,
						output: output().and_then(|o| BoundedVec::try_from(o).ok()),
					},
				);
			}
		}
		Self::deposit_event(Event::RunSettled { id, run, request, outcome: *outcome });
	}

	fn weight() -> Weight {
		T::WeightInfo::on_settled()
	}
}
