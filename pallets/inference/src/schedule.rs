//! Scheduling: seats, deadlines, sample draws and reassignment.

use super::*;

/// The most items, up to `max`, that `fit` (monotone: if `n` fit, so do fewer).
fn most_within(max: u32, fit: impl Fn(u32) -> bool) -> u32 {
	let mut n = 0u32;
	while n < max && fit(n.saturating_add(1)) {
		n = n.saturating_add(1);
	}
	n
}

impl<T: Config> Pallet<T> {
	/// The seed of every draw in this block: its VRF randomness ([`BlockRandomness`]), fixed
	/// for the whole block and unknown to everyone but its author until it is published.
	pub(crate) fn block_seed() -> H256 {
		T::Randomness::block_randomness()
	}

	/// Start-of-block work: expired deadlines, queued requests' seats, then pruning, within
	/// `MaxHookWeight`; what does not fit is carried to the next block, in order.
	///
	/// Deadlines carried over ([`Overdue`]) come first, then this block's. Each costs what its
	/// request's state needs ([`Self::expiry_cost`]: one read for a request that moved on
	/// since); the first always runs, so the work drains by at least one a block and a block
	/// exceeds the budget by at most one request's worst case. Queued requests are seated while
	/// the budget allows (at most `MaxAssignPerBlock`); the rest wait in the queue. Pruning takes
	/// what is left, at most `MaxPrunePerBlock`.
	pub(crate) fn begin_block(now: BlockNumberFor<T>) -> Weight {
		let budget = T::MaxHookWeight::get();
		let mut weight = T::WeightInfo::on_initialize_base();
		let fits = |weight: &Weight, cost: Weight| weight.saturating_add(cost).all_lte(budget);
		let seed = Self::block_seed();
		let nodes = T::Nodes::active(Role::Inference);
		let node_count = nodes.len() as u32;

		let db = T::DbWeight::get();
		let (mut head, mut tail) = OverdueCursor::<T>::get();
		// The cursor read and written, this block's deadlines taken.
		weight.saturating_accrue(db.reads_writes(2, 2));
		let expired = Deadlines::<T>::take(now);
		// Carrying one of this block's deadlines costs its read and an `Overdue` write, whatever
		// the budget: kept in reserve for those not yet handled, so that the block stays within
		// its budget (beyond it only by the first item, which always runs, and by carrying
		// deadlines that did not fit the budget at all).
		let carry_one = db.reads_writes(1, 1);
		let mut reserve = carry_one.saturating_mul(expired.len() as u64);
		let mut handled = 0u32;
		// Carried over first, oldest first.
		while head < tail {
			weight.saturating_accrue(db.reads(1));
			let Some(id) = Overdue::<T>::get(head) else {
				head = head.saturating_add(1);
				continue;
			};
			let request = Requests::<T>::get(id);
			let cost = Self::expiry_cost(request.as_ref(), now, node_count);
			if handled > 0
				&& !fits(&weight, cost.saturating_add(db.writes(1)).saturating_add(reserve))
			{
				break;
			}
			Overdue::<T>::remove(head);
			head = head.saturating_add(1);
			handled = handled.saturating_add(1);
			weight.saturating_accrue(cost.saturating_add(db.writes(1)));
			Self::expire(id, request, now, &nodes, seed);
		}
		for id in expired {
			reserve = reserve.saturating_sub(carry_one);
			// Older ones still wait: this one waits behind them, unread.
			let carry = head < tail || {
				let request = Requests::<T>::get(id);
				let cost = Self::expiry_cost(request.as_ref(), now, node_count);
				if handled == 0 || fits(&weight, cost.saturating_add(reserve)) {
					handled = handled.saturating_add(1);
					weight.saturating_accrue(cost);
					Self::expire(id, request, now, &nodes, seed);
					false
				} else {
					// Read to cost it, then carried.
					weight.saturating_accrue(db.reads(1));
					true
				}
			};
			if carry {
				Overdue::<T>::insert(tail, id);
				tail = tail.saturating_add(1);
				weight.saturating_accrue(db.writes(1));
			}
		}
		OverdueCursor::<T>::put((head, tail));

		// The oldest queued requests get their seats while the budget allows; the rest wait,
		// in order.
		let per_seating =
			T::WeightInfo::assign_one(node_count).saturating_add(Pallet::<T>::settle_overhead());
		let affordable = most_within(T::MaxAssignPerBlock::get(), |n| {
			fits(&weight, per_seating.saturating_mul(u64::from(n)))
		});
		let mut queued = Queue::<T>::take().into_inner();
		let rest = queued.split_off(queued.len().min(affordable as usize));
		Queue::<T>::put(BoundedVec::truncate_from(rest));
		SeatedThisBlock::<T>::put(u32::try_from(queued.len()).unwrap_or(u32::MAX));
		weight.saturating_accrue(per_seating.saturating_mul(queued.len() as u64));
		for id in queued {
			if let Some(request) = Requests::<T>::get(id) {
				// New requests have no seats; a requeued one keeps those that sealed.
				Self::assign(id, request, now, &nodes, seed, |s| s.seal.is_none());
			}
		}

		let prunable =
			most_within(T::MaxPrunePerBlock::get(), |n| fits(&weight, T::WeightInfo::prune(n)));
		if prunable > 0 {
			weight.saturating_accrue(Self::prune(now, prunable));
		}
		weight
	}

	/// What handling a deadline that passed may cost, given its request as read: the read, and
	/// for a request still waiting on that deadline, the worst case of its state's handling (for sealing,
	/// reassigning its seats or a refund; for revealing or opening, a judgement of its seats at
	/// the largest output), with the `OnSettled` hook.
	pub(crate) fn expiry_cost(
		request: Option<&RequestOf<T>>,
		now: BlockNumberFor<T>,
		nodes: u32,
	) -> Weight {
		let read = T::DbWeight::get().reads(1);
		let Some(request) = request else { return read };
		let handling = match request.state {
			RequestState::Committing { deadline } if deadline < now => {
				T::WeightInfo::expire_one(nodes)
			},
			RequestState::Revealing { deadline } | RequestState::Opening { deadline }
				if deadline < now =>
			{
				T::WeightInfo::expire_one(nodes)
					.saturating_add(T::WeightInfo::judge(request.slots.len() as u32))
			},
			_ => return read,
		};
		read.saturating_add(handling).saturating_add(Pallet::<T>::settle_overhead())
	}

	/// Handles a deadline that passed for `id`, given its request as read (if it is still
	/// waiting on that deadline). What it may cost is [`Self::expiry_cost`].
	pub(crate) fn expire(
		id: RequestId,
		request: Option<RequestOf<T>>,
		now: BlockNumberFor<T>,
		nodes: &[T::AccountId],
		seed: H256,
	) {
		let Some(request) = request else { return };
		match request.state {
			RequestState::Committing { deadline } if deadline < now => {
				// Silence costs a miss only when most peers sealed in time (Verification decides).
				let attendance: Vec<Attendance<T::AccountId>> = request
					.slots
					.iter()
					.map(|s| Attendance {
						who: s.node.clone(),
						seat: s.seat,
						answered: s.seal.is_some(),
					})
					.collect();
				T::Verifier::deadline_passed(id, &attendance);
				// Silent verifiers are replaced by fresh ones; silent executors are reassigned.
				let silent: Vec<Slot<T::AccountId>> = request
					.slots
					.iter()
					.filter(|s| s.seal.is_none() && s.seat == Seat::Verifier)
					.cloned()
					.collect();
				let Some(request) = Self::replace_verifiers(id, request, &silent, seed, now) else {
					return;
				};
				let late =
					request.slots.iter().any(|s| s.seal.is_none() && s.seat == Seat::Executor);
				if !late {
					// The only seats left unsealed are the verifiers that replaced silent ones.
					Self::advance_or_reopen(id, request, now);
				} else if request.attempts >= T::MaxAttempts::get() {
					Self::settle(id, request, Outcome::Refunded(RefundReason::Timeout), now, &[]);
				} else {
					Self::assign(id, request, now, nodes, seed, |slot| {
						slot.seat == Seat::Executor && slot.seal.is_none()
					});
				}
			},
			RequestState::Revealing { deadline } | RequestState::Opening { deadline }
				if deadline < now =>
			{
				Self::conclude(id, request, now);
			},
			_ => {}, // Moved on since: a later deadline governs.
		}
	}

	/// After seats were replaced: sealing reopens, for a full phase, while any seat (a newcomer)
	/// has not sealed; once every seat has sealed the request moves on as after a seal.
	pub(crate) fn advance_or_reopen(id: RequestId, request: RequestOf<T>, now: BlockNumberFor<T>) {
		if request.slots.iter().any(|s| s.seal.is_none()) {
			Self::reopen_sealing(id, request, now);
		} else {
			Self::advance(id, request, now);
		}
	}

	/// Whether a new request can be seated in the block being executed: nothing waits in the
	/// queue ahead of it and the block has seats left (`MaxAssignPerBlock`).
	pub(crate) fn can_seat_now() -> bool {
		Queue::<T>::decode_len().unwrap_or(0) == 0
			&& SeatedThisBlock::<T>::get() < T::MaxAssignPerBlock::get()
	}

	/// Whether `who` can take one more seat.
	pub(crate) fn has_room(who: &T::AccountId) -> bool {
		SeatCounts::<T>::get(who) < T::MaxSeatsPerNode::get()
	}

	/// Seats `who` on request `id` (indexes it for its offchain worker and counts the seat).
	pub(crate) fn occupy(who: &T::AccountId, id: RequestId) {
		if !Assigned::<T>::contains_key(who, id) {
			Assigned::<T>::insert(who, id, ());
			SeatCounts::<T>::mutate(who, |n| *n = n.saturating_add(1));
		}
	}

	/// Frees the seat of `who` on request `id`, if it holds one.
	pub(crate) fn vacate(who: &T::AccountId, id: RequestId) {
		if Assigned::<T>::take(who, id).is_some() {
			SeatCounts::<T>::mutate_exists(who, |n| {
				*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
			});
		}
	}

	/// Removes the verifier seats in `leaving` and seats as many fresh verifiers (never one
	/// that held a seat of the request). The request back, or `None` if it could not keep the
	/// verifiers its checking needs and was refunded with [`RefundReason::NoVerifiers`].
	pub(crate) fn replace_verifiers(
		id: RequestId,
		mut request: RequestOf<T>,
		leaving: &[Slot<T::AccountId>],
		seed: H256,
		now: BlockNumberFor<T>,
	) -> Option<RequestOf<T>> {
		if leaving.is_empty() {
			return Some(request);
		}
		for slot in leaving {
			Self::vacate(&slot.node, id);
		}
		request.slots.retain(|s| !leaving.iter().any(|l| l.key == s.key));
		let left: Vec<T::AccountId> = leaving.iter().map(|s| s.node.clone()).collect();
		let before = request.slots.len();
		let added = Self::seat_verifiers(id, &mut request, seed, leaving.len() as u8, &left);
		let joined: Vec<T::AccountId> =
			request.slots.iter().skip(before).map(|s| s.node.clone()).collect();
		if added < leaving.len() {
			Self::settle(id, request, Outcome::Refunded(RefundReason::NoVerifiers), now, &[]);
			return None;
		}
		Self::deposit_event(Event::VerifiersReplaced { id, left, joined });
		Some(request)
	}

	/// Puts a request that found no node with room back at the end of the queue; refunds it as
	/// `Overloaded` if the queue is full or it has waited `MaxQueueWait` blocks since it was made.
	fn requeue(id: RequestId, mut request: RequestOf<T>, now: BlockNumberFor<T>) {
		let waited = now.saturating_sub(request.created);
		if waited >= T::MaxQueueWait::get() || Queue::<T>::try_append(id).is_err() {
			Self::settle(id, request, Outcome::Refunded(RefundReason::Overloaded), now, &[]);
			return;
		}
		request.state = RequestState::Queued;
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::Requeued { id });
	}

	/// (Re)draws executors for the slots `replace` selects, draws the verifiers of a request
	/// every one of which is checked, and opens sealing until a new deadline. Only nodes with
	/// room (`MaxSeatsPerNode`) are drawn: when bonded nodes exist but none has room, the request
	/// waits in the queue. Refunds if there are not enough nodes or no room for the deadline.
	pub(crate) fn assign(
		id: RequestId,
		mut request: RequestOf<T>,
		now: BlockNumberFor<T>,
		nodes: &[T::AccountId],
		seed: H256,
		replace: impl Fn(&Slot<T::AccountId>) -> bool,
	) {
		if T::Models::model(&request.model).is_none() {
			// Purged while the request waited: no node can run it, nobody is to blame.
			Self::settle(id, request, Outcome::Refunded(RefundReason::ModelPurged), now, &[]);
			return;
		}
		let (replaced, kept): (Vec<_>, Vec<_>) =
			request.slots.iter().cloned().partition(|s| s.seat == Seat::Executor && replace(s));
		let executors_kept = kept.iter().filter(|s| s.seat == Seat::Executor).count();
		let needed = usize::from(request.policy.replicas).saturating_sub(executors_kept);
		let taken = |who: &T::AccountId| kept.iter().any(|s| &s.node == who);
		let eligible: Vec<T::AccountId> = nodes.iter().filter(|n| !taken(n)).cloned().collect();
		for slot in &replaced {
			Self::vacate(&slot.node, id);
		}
		request.slots = kept.try_into().unwrap_or_default();
		if eligible.len() < needed {
			Self::settle(id, request, Outcome::Refunded(RefundReason::NoExecutors), now, &[]);
			return;
		}
		// Prefer nodes that did not just leave this request; fall back to them if needed.
		let with_room: Vec<T::AccountId> =
			eligible.into_iter().filter(|n| Self::has_room(n)).collect();
		let (mut fresh, mut retry): (Vec<_>, Vec<_>) =
			with_room.into_iter().partition(|n| !replaced.iter().any(|s| &s.node == n));
		let first = request.attempts == 0;
		let policy = request.policy;
		let always_checked = policy.verifiers > 0 && policy.sample_ppm >= SAMPLE_RATE_ALWAYS;
		if fresh.len().saturating_add(retry.len()) < needed
			|| (first && always_checked && !Self::verifiers_have_room(&request, policy.verifiers))
		{
			return Self::requeue(id, request, now);
		}

		let attempt = request.attempts.saturating_add(1);
		let mut chosen: Vec<Slot<T::AccountId>> = Vec::with_capacity(needed);
		let mut draw = 0u32;
		while chosen.len() < needed {
			let pool = if fresh.is_empty() { &mut retry } else { &mut fresh };
			if pool.is_empty() {
				break;
			}
			let pick = (seed, id, attempt, draw).using_encoded(sp_io::hashing::blake2_256);
			draw = draw.saturating_add(1);
			let executor = pool.swap_remove(verify::draw_index(&pick, pool.len()));
			if let Some(key) = T::Nodes::key_of(Role::Inference, &executor) {
				chosen.push(Slot {
					node: executor,
					key,
					seat: Seat::Executor,
					seal: None,
					output: None,
				});
			}
		}

		request.attempts = attempt;
		if chosen.len() < needed {
			Self::settle(id, request, Outcome::Refunded(RefundReason::NoExecutors), now, &[]);
			return;
		}
		let executors: Vec<T::AccountId> = chosen.iter().map(|s| s.node.clone()).collect();
		for slot in chosen {
			Self::occupy(&slot.node, id);
			if request.slots.try_push(slot).is_err() {
				defensive!("replicas never exceed MAX_REPLICAS");
			}
		}
		if attempt == 1 {
			request.checking = if policy.verifiers == 0 || policy.sample_ppm == 0 {
				Checking::Skipped
			} else if always_checked {
				// Every request is checked: nothing to hide, so verifiers start at once, and all
				// of them: a checked request is never verified by fewer than its policy says.
				let seated = Self::seat_verifiers(id, &mut request, seed, policy.verifiers, &[]);
				if seated < usize::from(policy.verifiers) {
					let outcome = Outcome::Refunded(RefundReason::NoVerifiers);
					Self::settle(id, request, outcome, now, &[]);
					return;
				}
				Checking::Drawn
			} else {
				Checking::Pending
			};
		}
		let Some(deadline) = Self::track_deadline(id, now) else {
			Self::settle(id, request, Outcome::Refunded(RefundReason::Overloaded), now, &[]);
			return;
		};
		request.state = RequestState::Committing { deadline };
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::Assigned { id, attempt, executors, deadline });
	}

	/// Whether `count` bonded verifiers not seated on `request` have room for a seat.
	fn verifiers_have_room(request: &RequestOf<T>, count: u8) -> bool {
		T::Nodes::active(Role::Verifier)
			.iter()
			.filter(|n| !request.slots.iter().any(|s| &s.node == *n) && Self::has_room(n))
			.count() >= usize::from(count)
	}

	/// Draws up to `count` verifiers for `request` (none already seated, none in `exclude`,
	/// none without room) and seats them; how many were seated.
	pub(crate) fn seat_verifiers(
		id: RequestId,
		request: &mut RequestOf<T>,
		seed: H256,
		count: u8,
		exclude: &[T::AccountId],
	) -> usize {
		let mut excluded: Vec<T::AccountId> =
			request.slots.iter().map(|s| s.node.clone()).chain(exclude.iter().cloned()).collect();
		excluded
			.extend(T::Nodes::active(Role::Verifier).into_iter().filter(|n| !Self::has_room(n)));
		let drawn = T::Verifier::draw(id, &seed, &excluded, count);
		let mut added = 0usize;
		for (node, key) in drawn {
			let slot =
				Slot { node: node.clone(), key, seat: Seat::Verifier, seal: None, output: None };
			if request.slots.try_push(slot).is_ok() {
				Self::occupy(&node, id);
				added = added.saturating_add(1);
			}
		}
		added
	}

	/// Registers `id` to expire after a phase of `ResultTimeout` blocks from `now`; the last
	/// block of the phase, or `None` if no block near the deadline has room left.
	pub(crate) fn track_deadline(
		id: RequestId,
		now: BlockNumberFor<T>,
	) -> Option<BlockNumberFor<T>> {
		let deadline = now.saturating_add(T::ResultTimeout::get()).saturating_sub(One::one());
		// Messages are accepted through `deadline`; the request expires at the start of the
		// next block. If that block's list is full, the deadline moves a few blocks on.
		let mut expiry = deadline.saturating_add(One::one());
		for _ in 0..8 {
			if Deadlines::<T>::try_append(expiry, id).is_ok() {
				return Some(expiry.saturating_sub(One::one()));
			}
			expiry = expiry.saturating_add(One::one());
		}
		None
	}

	/// After a seal, a failure report or a sealing deadline: opens the sample draw or the
	/// reveals once every seat has sealed; otherwise keeps waiting.
	pub(crate) fn advance(id: RequestId, mut request: RequestOf<T>, now: BlockNumberFor<T>) {
		if request.slots.iter().any(|s| s.seal.is_none()) {
			Requests::<T>::insert(id, request);
			return;
		}
		if request.checking == Checking::Pending {
			// Drawn now, in the block of the last executor seal, from its VRF randomness: no
			// executor knew it when it signed its seal.
			return Self::sample(id, request, now, Self::block_seed());
		}
		let Some(deadline) = Self::track_deadline(id, now) else {
			Self::settle(id, request, Outcome::Refunded(RefundReason::Overloaded), now, &[]);
			return;
		};
		request.state = RequestState::Revealing { deadline };
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::RevealsOpen { id, deadline });
	}

	/// Opens sealing again for newly seated verifiers.
	pub(crate) fn reopen_sealing(id: RequestId, mut request: RequestOf<T>, now: BlockNumberFor<T>) {
		let Some(deadline) = Self::track_deadline(id, now) else {
			Self::settle(id, request, Outcome::Refunded(RefundReason::Overloaded), now, &[]);
			return;
		};
		request.state = RequestState::Committing { deadline };
		Requests::<T>::insert(id, request);
	}

	/// The sample draw of a request whose executors have all sealed: seats verifiers, or opens
	/// the reveals.
	pub(crate) fn sample(id: RequestId, request: RequestOf<T>, now: BlockNumberFor<T>, seed: H256) {
		let sampled = T::Verifier::sampled(id, &request.policy, &seed);
		Self::check_or_skip(id, request, now, seed, sampled);
	}

	/// Seats the policy's verifiers when `check` (and reopens sealing for them); otherwise the
	/// request goes on unchecked. A sampled request that cannot seat all its verifiers is
	/// refunded ([`RefundReason::NoVerifiers`]) rather than verified by fewer.
	pub(crate) fn check_or_skip(
		id: RequestId,
		mut request: RequestOf<T>,
		now: BlockNumberFor<T>,
		seed: H256,
		check: bool,
	) {
		let verifiers = request.policy.verifiers;
		if !check {
			request.checking = Checking::Skipped;
			return Self::advance(id, request, now);
		}
		let seated = Self::seat_verifiers(id, &mut request, seed, verifiers, &[]);
		if seated < usize::from(verifiers) {
			Self::settle(id, request, Outcome::Refunded(RefundReason::NoVerifiers), now, &[]);
			return;
		}
		request.checking = Checking::Drawn;
		Self::reopen_sealing(id, request, now);
	}
}
