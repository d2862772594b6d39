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
			Due::<T>::mutate(schedule.next, |due| due.retain(|s| *s != id));
			Carried::<T>::mutate(|carried| carried.retain(|s| *s != id));
		}
		let refunded = Self::release(&schedule.owner, schedule.budget);
		Schedules::<T>::remove(id);
		Runs::<T>::remove(id);
		Latest::<T>::remove(id);
		ByOwner::<T>::remove(&who, id);
		OwnerCount::<T>::mutate_exists(&who, |n| {
			*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
		ScheduleCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::Cancelled { id, refunded });
		Ok(())
	}

	/// Makes the runs due at the start of block `now`: those carried first, then the block's
	/// own, at most `MaxRunsPerBlock`; carries the rest. The weight used.
	pub(crate) fn run_due(now: BlockNumberFor<T>) -> Weight {
		let mut ready = Carried::<T>::take().into_inner();
		ready.extend(Due::<T>::take(now));
		if ready.is_empty() {
			return T::WeightInfo::on_initialize_idle();
		}
		let rest = ready.split_off(ready.len().min(T::MaxRunsPerBlock::get() as usize));
		// Each running schedule is in one queue only, and there are at most `MaxSchedules`.
		Carried::<T>::put(BoundedVec::truncate_from(rest));
		let runs = ready.len() as u64;
		for id in ready {
			Self::run(id, now);
		}
		T::WeightInfo::on_initialize_idle().saturating_add(Self::run_weight().saturating_mul(runs))
	}

	/// The most one run weighs: this pallet's part and the request with the most bindings.
	pub(crate) fn run_weight() -> Weight {
		T::WeightInfo::run().saturating_add(T::Inference::request_weight(MAX_FEED_BINDINGS))
	}

	/// Makes the run of schedule `id` that is due in block `now`, skips it, or ends the
	/// schedule; files its next run.
	fn run(id: ScheduleId, now: BlockNumberFor<T>) {
		let Some(mut schedule) = Schedules::<T>::get(id) else { return };
		if schedule.state != ScheduleState::Active {
			defensive!("only running schedules are queued");
			return;
		}
		// The next run is due a period after this one was due, and never in the past.
		schedule.next =
			schedule.next.saturating_add(schedule.every).max(now.saturating_add(One::one()));
		match Self::make_run(&schedule) {
			Ok((request, fee)) => {
				let run = schedule.runs;
				schedule.runs = schedule.runs.saturating_add(1);
				schedule.budget = schedule.budget.saturating_sub(fee);
				RunOf::<T>::insert(request, (id, run));
				Runs::<T>::mutate(id, |runs| {
					if runs.is_full() {
						runs.remove(0);
					}
					let _ = runs.try_push(Run { index: run, request, at: now, outcome: None });
				});
				Self::deposit_event(Event::RunMade { id, run, request, fee });
			},
			Err(Refused { error, transient: true }) => {
				schedule.skipped = schedule.skipped.saturating_add(1);
				Self::deposit_event(Event::RunSkipped { id, error });
			},
			Err(Refused { error, transient: false }) => {
				return Self::end(id, schedule, EndReason::Unrunnable(error));
			},
		}
		if schedule.runs >= schedule.max_runs {
			return Self::end(id, schedule, EndReason::BudgetSpent);
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
	/// transaction: a refused request releases nothing. Its id and fee.
	fn make_run(schedule: &ScheduleOf<T>) -> Result<(RequestId, BalanceOf<T>), Refused> {
		let permanent = |error: DispatchError| Refused { error, transient: false };
		let input = Tensors::decode_all(&mut &schedule.input[..])
			.map_err(|_| permanent(DispatchError::Corruption))?;
		let fee = T::Inference::quote(&schedule.model, schedule.level).map_err(permanent)?;
		if fee > schedule.max_fee_per_run || fee > schedule.budget {
			return Err(Refused { error: Error::<T>::MaxFeeBelowQuote.into(), transient: true });
		}
		with_transaction(|| {
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
			match made {
				Ok(request) => TransactionOutcome::Commit(Ok((request, fee))),
				Err(refused) => TransactionOutcome::Rollback(Err(refused)),
			}
		})
	}

	/// Ends schedule `id`: no more runs, what is left of its budget released.
	fn end(id: ScheduleId, mut schedule: ScheduleOf<T>, reason: EndReason) {
		let refunded = Self::release(&schedule.owner, schedule.budget);
		schedule.budget = Zero::zero();
		schedule.state = ScheduleState::Ended(reason);
		Schedules::<T>::insert(id, schedule);
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
	fn on_settled(request: RequestId, outcome: &Outcome, output: Option<&[u8]>) {
		let Some((id, run)) = RunOf::<T>::take(request) else { return };
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
						output: output.and_then(|o| BoundedVec::try_from(o.to_vec()).ok()),
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
