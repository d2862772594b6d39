//! Unit tests of schedules: periods, feed windows, skipped runs, budgets, cancellation, bounds,
//! carried runs, history, and money conservation over random operations.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{
	mock::*, Carried, Due, Error, Event, Latest, Runs, ScheduleCount, Schedules as SchedulesMap,
};
use codec::Encode;
use frame_support::weights::Weight;
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sibyl_primitives::{
	oracle::{FeedBinding, FeedBindings},
	registry::VerificationLevel,
	schedule::{EndReason, ScheduleId, ScheduleState},
	tensor::Tensors,
	DType, Outcome, RefundReason, RequestId, Tensor,
};
use sp_core::H256;
use sp_runtime::DispatchError;

fn input() -> Tensors {
	let data = [0f32; 4].iter().flat_map(|v| v.to_le_bytes()).collect();
	vec![Tensor::new(DType::F32, vec![1, 4], data).unwrap()].try_into().unwrap()
}

/// A window of the feed's last `rounds` answers into tensor 0.
fn window(rounds: u32) -> FeedBindings {
	vec![FeedBinding { feed: 0, rounds, tensor: 0, offset: 0 }].try_into().unwrap()
}

fn schedule_with(
	who: AccountId,
	every: u64,
	max_runs: u32,
	max_fee: Balance,
) -> Result<ScheduleId, sp_runtime::DispatchError> {
	let id = crate::NextScheduleId::<Test>::get();
	crate::Pallet::<Test>::schedule(
		RuntimeOrigin::signed(who),
		MODEL,
		input(),
		window(2),
		Some(VerificationLevel::Committee(2)),
		every,
		max_runs,
		max_fee,
	)?;
	Ok(id)
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&crate::HoldReason::Budget.into(), &who)
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Schedules(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The blocks the stand-in made requests in.
fn made_at() -> Vec<u64> {
	with_state(|s| s.made.iter().map(|m| m.at).collect())
}

/// Sets the feed's answers for block `n`: two rounds, `n × 10` and `n × 10 + 1`.
fn feed_for(n: u64) {
	with_state(|s| s.feed = vec![n as i128 * 10, n as i128 * 10 + 1]);
}

#[test]
fn runs_are_made_every_period_on_that_blocks_feed_window_until_the_budget_is_spent() {
	new_test_ext().execute_with(|| {
		let id = schedule_with(ALICE, 5, 3, 50).unwrap();
		assert_eq!(held(ALICE), 150);
		assert!(events().contains(&Event::Scheduled {
			id,
			owner: ALICE,
			model: MODEL,
			every: 5,
			max_runs: 3,
			budget: 150,
		}));
		for _ in 0..20 {
			feed_for(System::block_number() + 1);
			next_block();
		}
		// The first run in the block after the schedule, then every 5 blocks.
		assert_eq!(made_at(), vec![2, 7, 12]);
		with_state(|s| {
			for made in &s.made {
				let n = made.at as i128;
				assert_eq!(made.values, vec![vec![n * 10, n * 10 + 1]], "the window of block {n}");
				assert_eq!(made.level, Some(VerificationLevel::Committee(2)));
				assert_eq!(made.fee, 30);
				assert_eq!(made.who, ALICE);
			}
		});
		// Three runs of 30 from a budget of 150: 60 released when the budget was spent.
		let schedule = SchedulesMap::<Test>::get(id).unwrap();
		assert_eq!(schedule.state, ScheduleState::Ended { reason: EndReason::BudgetSpent, at: 12 });
		assert!(schedule.input.is_empty(), "an ended schedule drops its template");
		assert_eq!((schedule.runs, schedule.budget), (3, 0));
		assert!(events().contains(&Event::Ended {
			id,
			reason: EndReason::BudgetSpent,
			refunded: 60
		}));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), 10_000 - 90);
		assert_eq!(Balances::balance(&ESCROW), 10 + 90);
		// Nothing is due any more.
		assert!(Due::<Test>::iter().all(|(_, due)| due.is_empty()));
	});
}

#[test]
fn a_stale_feed_skips_a_run_for_free_and_the_next_period_runs() {
	new_test_ext().execute_with(|| {
		let id = schedule_with(ALICE, 5, 2, 30).unwrap();
		with_state(|s| s.stale = true);
		next_block();
		assert!(events().contains(&Event::RunSkipped { id, error: FEED_STALE }));
		assert_eq!(held(ALICE), 60, "a skipped run costs nothing");
		assert_eq!(Balances::balance(&ALICE), 10_000 - 60);
		with_state(|s| s.stale = false);
		feed_for(7);
		for _ in 0..5 {
			next_block();
		}
		assert_eq!(made_at(), vec![7]);
		let schedule = SchedulesMap::<Test>::get(id).unwrap();
		assert_eq!((schedule.runs, schedule.skipped, schedule.budget), (1, 1, 30));
		// Too few nodes, and a quote above the maximum per run, skip too.
		with_state(|s| s.no_nodes = true);
		for _ in 0..5 {
			next_block();
		}
		with_state(|s| {
			s.no_nodes = false;
			s.quote = Some(31);
		});
		for _ in 0..5 {
			next_block();
		}
		let skipped: Vec<_> = events()
			.into_iter()
			.filter_map(|e| match e {
				Event::RunSkipped { error, .. } => Some(error),
				_ => None,
			})
			.collect();
		assert_eq!(skipped, vec![FEED_STALE, NO_NODES, Error::<Test>::MaxFeeBelowQuote.into(),]);
		assert_eq!(held(ALICE), 30);
		assert_eq!(Balances::balance(&ALICE), 10_000 - 60);
	});
}

#[test]
fn a_model_that_takes_no_more_requests_ends_the_schedule_and_releases_its_budget() {
	new_test_ext().execute_with(|| {
		let id = schedule_with(ALICE, 3, 4, 40).unwrap();
		feed_for(2);
		next_block();
		with_state(|s| s.quote = None);
		for _ in 0..3 {
			next_block();
		}
		let reason = EndReason::Unrunnable(RETIRED);
		assert!(events().contains(&Event::Ended { id, reason, refunded: 130 }));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), 10_000 - 30);
	});
}

#[test]
fn cancel_returns_exactly_the_unspent_budget_and_runs_in_flight_still_settle() {
	new_test_ext().execute_with(|| {
		let id = schedule_with(ALICE, 2, 5, 45).unwrap();
		feed_for(2);
		for _ in 0..3 {
			next_block();
		}
		assert_eq!(made_at(), vec![2, 4]);
		assert_eq!(held(ALICE), 225 - 60);
		assert_noop!(
			crate::Pallet::<Test>::cancel(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NotOwner
		);
		assert_ok!(crate::Pallet::<Test>::cancel(RuntimeOrigin::signed(ALICE), id));
		assert!(events().contains(&Event::Cancelled { id, refunded: 165 }));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), 10_000 - 60);
		assert!(SchedulesMap::<Test>::get(id).is_none());
		assert_eq!(ScheduleCount::<Test>::get(), 0);
		assert!(Due::<Test>::iter().all(|(_, due)| due.is_empty()));
		for _ in 0..6 {
			next_block();
		}
		assert_eq!(made_at(), vec![2, 4], "no run after cancel");
		// The runs already made settle as any request; nothing is recorded for the schedule.
		settle(RequestId(0), Outcome::Refunded(RefundReason::Timeout), 0, &[]);
		settle(RequestId(1), Outcome::Verified { output_hash: H256::repeat_byte(1) }, 30, &[1]);
		assert_eq!(Balances::balance(&ALICE), 10_000 - 30);
		assert!(Latest::<Test>::get(id).is_none());
		assert_noop!(
			crate::Pallet::<Test>::cancel(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::UnknownSchedule
		);
	});
}

#[test]
fn settled_runs_fill_a_bounded_history_and_the_newest_verified_output_is_the_latest() {
	new_test_ext().execute_with(|| {
		let id = schedule_with(ALICE, 2, 5, 30).unwrap();
		assert_eq!(crate::Pallet::<Test>::schedule_of(id).unwrap().input, input().encode());
		feed_for(2);
		for _ in 0..9 {
			next_block();
		}
		assert_eq!(made_at(), vec![2, 4, 6, 8, 10]);
		// MaxHistory is 3: the latest three runs.
		let runs: Vec<u32> = Runs::<Test>::get(id).iter().map(|r| r.index).collect();
		assert_eq!(runs, vec![2, 3, 4]);
		let verified = |n: u8| Outcome::Verified { output_hash: H256::repeat_byte(n) };
		settle(RequestId(3), verified(3), 30, &[3; 4]);
		settle(
			RequestId(4),
			Outcome::Failed(sibyl_primitives::InferenceError::NonFiniteOutput),
			20,
			&[],
		);
		// An older run settling later does not replace the latest output.
		settle(RequestId(2), verified(2), 30, &[2; 4]);
		let latest = Latest::<Test>::get(id).unwrap();
		assert_eq!((latest.run, latest.request), (3, RequestId(3)));
		assert_eq!(latest.output_hash, H256::repeat_byte(3));
		assert_eq!(latest.output.unwrap().into_inner(), vec![3; 4]);
		let outcomes: Vec<_> = Runs::<Test>::get(id).iter().map(|r| r.outcome).collect();
		assert_eq!(
			outcomes,
			vec![
				Some(verified(2)),
				Some(verified(3)),
				Some(Outcome::Failed(sibyl_primitives::InferenceError::NonFiniteOutput)),
			]
		);
		// A run evicted from the history still reports its settlement.
		settle(RequestId(0), verified(9), 30, &[9; 100]);
		assert!(events().contains(&Event::RunSettled {
			id,
			run: 0,
			request: RequestId(0),
			outcome: verified(9),
		}));
		assert_eq!(Latest::<Test>::get(id).unwrap().run, 3);
		// Read access for the runtime API.
		assert_eq!(crate::Pallet::<Test>::schedules_of(&ALICE), vec![id]);
		assert!(crate::Pallet::<Test>::schedule_of(id).unwrap().input.is_empty(), "ended");
	});
}

#[test]
fn runs_beyond_max_runs_per_block_are_carried_to_the_next_block_oldest_first() {
	new_test_ext().execute_with(|| {
		feed_for(2);
		let ids: Vec<_> = [ALICE, ALICE, ALICE, BOB, BOB]
			.into_iter()
			.map(|who| schedule_with(who, 10, 1, 30).unwrap())
			.collect();
		next_block();
		assert_eq!(made_at(), vec![2, 2]);
		assert_eq!(Carried::<Test>::get().into_inner(), ids[2..].to_vec());
		next_block();
		next_block();
		assert_eq!(made_at(), vec![2, 2, 3, 3, 4]);
		let order: Vec<_> = events()
			.into_iter()
			.filter_map(|e| match e {
				Event::RunMade { id, .. } => Some(id),
				_ => None,
			})
			.collect();
		assert_eq!(order, ids);
		assert!(Carried::<Test>::get().is_empty());
	});
}

#[test]
fn bad_schedules_are_refused_with_named_errors_and_hold_nothing() {
	new_test_ext().execute_with(|| {
		let go = |who, every, runs, fee| schedule_with(who, every, runs, fee).map(|_| ());
		assert_noop!(go(ALICE, 1, 3, 30), Error::<Test>::PeriodTooShort);
		assert_noop!(go(ALICE, 2, 0, 30), Error::<Test>::BadRunCount);
		assert_noop!(go(ALICE, 2, 101, 30), Error::<Test>::BadRunCount);
		assert_noop!(go(ALICE, 2, 3, 29), Error::<Test>::MaxFeeBelowQuote);
		assert_noop!(go(ALICE, 2, 3, u64::MAX), Error::<Test>::BudgetOverflow);
		assert_noop!(go(POOR, 2, 3, 30), Error::<Test>::InsufficientBalance);
		// The inference pallet's errors for a malformed request pass through.
		let bad_binding: FeedBindings =
			vec![FeedBinding { feed: 0, rounds: 1, tensor: 1, offset: 0 }].try_into().unwrap();
		assert_noop!(
			crate::Pallet::<Test>::schedule(
				RuntimeOrigin::signed(ALICE),
				MODEL,
				input(),
				bad_binding,
				None,
				2,
				1,
				30
			),
			DispatchError::Other("BindingOutOfBounds")
		);
		assert_noop!(
			crate::Pallet::<Test>::schedule(
				RuntimeOrigin::signed(ALICE),
				sibyl_primitives::ModelId([1; 32]),
				input(),
				window(1),
				None,
				2,
				1,
				30
			),
			DispatchError::Other("UnknownModel")
		);
		// Three per account, five on chain.
		for _ in 0..3 {
			assert_ok!(go(ALICE, 2, 1, 30));
		}
		assert_noop!(go(ALICE, 2, 1, 30), Error::<Test>::TooManySchedules);
		assert_ok!(go(BOB, 2, 1, 30));
		assert_ok!(go(BOB, 2, 1, 30));
		assert_noop!(go(CHARLIE, 2, 1, 30), Error::<Test>::NoRoomForSchedules);
		assert_eq!(held(CHARLIE), 0);
		assert_noop!(
			crate::Pallet::<Test>::cancel(RuntimeOrigin::signed(ALICE), 99),
			Error::<Test>::UnknownSchedule
		);
		// An ended schedule keeps its slot until its owner removes it.
		next_block();
		next_block();
		next_block();
		assert_noop!(go(ALICE, 2, 1, 30), Error::<Test>::TooManySchedules);
		assert_ok!(crate::Pallet::<Test>::cancel(RuntimeOrigin::signed(ALICE), 0));
		assert_ok!(go(ALICE, 2, 1, 30));
	});
}

/// A small deterministic generator, so that failures replay.
struct Lcg(u64);
impl Lcg {
	fn next(&mut self, n: u64) -> u64 {
		self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
		(self.0 >> 33) % n.max(1)
	}
}

#[test]
fn money_is_conserved_over_random_schedules_runs_skips_settlements_and_cancels() {
	for seed in 0..24u64 {
		new_test_ext().execute_with(|| {
			let mut rng = Lcg(seed);
			let owners = [ALICE, BOB, CHARLIE];
			let accounts = [ALICE, BOB, CHARLIE, POOR, ESCROW, PAYEE];
			let issuance = Balances::total_issuance();
			let start: Vec<Balance> = accounts.iter().map(Balances::total_balance).collect();
			let mut paid_out: Balance = 0;
			for _ in 0..150 {
				match rng.next(10) {
					0 | 1 => {
						let who = owners[rng.next(3) as usize];
						let _ = schedule_with(
							who,
							2 + rng.next(4),
							1 + rng.next(5) as u32,
							30 + rng.next(20),
						);
					},
					2 => {
						let id = rng.next(crate::NextScheduleId::<Test>::get().max(1));
						let who = owners[rng.next(3) as usize];
						let _ = crate::Pallet::<Test>::cancel(RuntimeOrigin::signed(who), id);
					},
					3 => with_state(|s| {
						s.stale = rng.next(3) == 0;
						s.settle_at_once = rng.next(5) == 0;
					}),
					4 => with_state(|s| s.quote = Some(25 + rng.next(30))),
					5 | 6 => {
						let open: Vec<RequestId> = with_state(|s| {
							s.made.iter().filter(|m| !m.settled).map(|m| m.id).collect()
						});
						if let Some(id) = open.get(rng.next(open.len().max(1) as u64) as usize) {
							let paid = rng.next(60);
							let outcome = if rng.next(2) == 0 {
								Outcome::Verified { output_hash: H256::repeat_byte(1) }
							} else {
								Outcome::Refunded(RefundReason::Timeout)
							};
							let fee = with_state(|s| s.made[id.0 as usize].fee);
							paid_out += paid.min(fee);
							settle(*id, outcome, paid, &[1, 2]);
						}
					},
					_ => {
						feed_for(System::block_number() + 1);
						next_block();
					},
				}
				// Every owner's budget hold is exactly what its schedules still hold.
				for who in owners {
					let budgets: Balance = SchedulesMap::<Test>::iter_values()
						.filter(|s| s.owner == who)
						.map(|s| s.budget)
						.sum();
					assert_eq!(held(who), budgets, "seed {seed}: {who}'s hold");
				}
				// Ended schedules hold nothing; running ones are queued exactly once.
				for (id, s) in SchedulesMap::<Test>::iter() {
					let queued = Due::<Test>::iter_values()
						.map(|d| d.iter().filter(|x| **x == id).count())
						.sum::<usize>() + Carried::<Test>::get()
						.iter()
						.filter(|x| **x == id)
						.count();
					match s.state {
						ScheduleState::Active => assert_eq!(queued, 1, "seed {seed}: {id}"),
						ScheduleState::Ended { .. } => {
							assert_eq!((queued, s.budget), (0, 0), "seed {seed}: {id}")
						},
					}
					assert!(s.runs <= s.max_runs);
				}
				let running = SchedulesMap::<Test>::iter_values()
					.filter(|s| s.state == ScheduleState::Active)
					.count() as u32;
				assert_eq!(ScheduleCount::<Test>::get(), running, "seed {seed}");
				assert!(crate::Making::<Test>::get().is_none(), "seed {seed}");
			}
			assert_eq!(Balances::total_issuance(), issuance, "seed {seed}");
			let end: Vec<Balance> = accounts.iter().map(Balances::total_balance).collect();
			assert_eq!(start.iter().sum::<Balance>(), end.iter().sum::<Balance>(), "seed {seed}");
			// The owners lost exactly what was paid out and what is still in escrow.
			let escrowed: Balance =
				with_state(|s| s.made.iter().filter(|m| !m.settled).map(|m| m.fee).sum());
			let owners_lost: Balance =
				owners.iter().map(|w| 10_000 - Balances::total_balance(w)).sum();
			assert_eq!(owners_lost, paid_out + escrowed, "seed {seed}");
			assert_eq!(Balances::total_balance(&PAYEE), 10 + paid_out, "seed {seed}");
		});
	}
}

#[test]
fn a_run_whose_request_settles_as_it_is_made_is_recorded_and_leaves_nothing_behind() {
	new_test_ext().execute_with(|| {
		let id = schedule_with(ALICE, 2, 3, 30).unwrap();
		feed_for(2);
		with_state(|s| s.settle_at_once = true);
		next_block();
		let outcome = Outcome::Refunded(RefundReason::NoExecutors);
		assert!(events().contains(&Event::RunSettled {
			id,
			run: 0,
			request: RequestId(0),
			outcome
		}));
		assert_eq!(Runs::<Test>::get(id)[0].outcome, Some(outcome));
		assert!(crate::RunOf::<Test>::iter().next().is_none(), "no run left waiting");
		assert!(crate::Making::<Test>::get().is_none());
		// Refunded at once: the owner paid nothing for it.
		assert_eq!(Balances::balance(&ALICE) + held(ALICE), 10_000);
	});
}

#[test]
fn a_schedule_skipped_too_many_times_in_a_row_ends_and_releases_its_budget() {
	new_test_ext().execute_with(|| {
		let id = schedule_with(ALICE, 2, 3, 30).unwrap();
		feed_for(2);
		next_block();
		with_state(|s| s.no_nodes = true);
		// MaxConsecutiveSkips is 4: periods at 4, 6, 8 and 10.
		for _ in 0..9 {
			next_block();
		}
		let reason = EndReason::Skipped(NO_NODES);
		assert!(events().contains(&Event::Ended { id, reason, refunded: 60 }));
		let schedule = SchedulesMap::<Test>::get(id).unwrap();
		assert_eq!((schedule.runs, schedule.skipped, schedule.skipped_in_a_row), (1, 4, 4));
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn ended_schedules_are_removed_after_their_retention_and_free_their_slots() {
	new_test_ext().execute_with(|| {
		feed_for(2);
		let ids: Vec<_> = (0..3).map(|_| schedule_with(ALICE, 2, 1, 30).unwrap()).collect();
		assert_eq!(ScheduleCount::<Test>::get(), 3);
		next_block();
		next_block();
		// Ended at blocks 2 and 3 (MaxRunsPerBlock 2): no longer running, still readable.
		assert_eq!(ScheduleCount::<Test>::get(), 0);
		assert!(ids.iter().all(|id| SchedulesMap::<Test>::get(id).is_some()));
		settle(RequestId(0), Outcome::Verified { output_hash: H256::repeat_byte(5) }, 30, &[5]);
		assert!(Latest::<Test>::get(ids[0]).is_some());
		// EndedRetention is 10: removed at blocks 12 and 13, with their history and output.
		while System::block_number() < 12 {
			next_block();
		}
		assert!(SchedulesMap::<Test>::get(ids[0]).is_none());
		assert!(SchedulesMap::<Test>::get(ids[1]).is_none());
		assert!(SchedulesMap::<Test>::get(ids[2]).is_some());
		assert!(Latest::<Test>::get(ids[0]).is_none() && Runs::<Test>::get(ids[0]).is_empty());
		next_block();
		assert!(SchedulesMap::<Test>::get(ids[2]).is_none());
		assert_eq!(crate::Pallet::<Test>::schedules_of(&ALICE), Vec::<ScheduleId>::new());
		assert_eq!(crate::OwnerCount::<Test>::get(ALICE), 0);
		// A late settlement of a removed schedule's run changes nothing.
		settle(RequestId(1), Outcome::Refunded(RefundReason::Timeout), 0, &[]);
		assert_eq!(Balances::balance(&ALICE), 10_000 - 60, "run 2 is still in escrow");
	});
}

#[test]
fn runs_that_would_exceed_max_run_weight_are_carried_but_one_always_runs() {
	new_test_ext().execute_with(|| {
		feed_for(2);
		let ids: Vec<_> = (0..3).map(|_| schedule_with(BOB, 10, 1, 30).unwrap()).collect();
		// Room for the idle hook and little more: one run a block.
		MaxRunWeight::set(Weight::from_parts(1, u64::MAX));
		next_block();
		assert_eq!(made_at(), vec![2]);
		assert_eq!(Carried::<Test>::get().into_inner(), ids[1..].to_vec());
		next_block();
		next_block();
		assert_eq!(made_at(), vec![2, 3, 4]);
		MaxRunWeight::set(Weight::from_parts(u64::MAX, u64::MAX));
	});
}
