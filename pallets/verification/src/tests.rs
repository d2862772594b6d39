//! Unit tests: premiums, draws, judgements with their slashes and rewards, missed deadlines.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{mock::*, Event, NodeRecord, Offence, Records, Verdict};
use codec::Encode;
use frame_support::{assert_ok, traits::fungible::InspectHold};
use sibyl_primitives::{
	registry::{Tolerance, VerificationPolicy},
	verify::{Ballot, Decision, Seat, Verifier},
	DType, RequestId, Role, Tensor,
};
use sp_core::H256;

type V = crate::Pallet<Test>;
const ID: RequestId = RequestId(5);

fn output(values: &[f32]) -> Vec<u8> {
	let data = values.iter().flat_map(|v| v.to_le_bytes()).collect();
	vec![Tensor::new(DType::F32, vec![values.len() as u32], data).unwrap()].encode()
}

fn ballot(who: AccountId, seat: Seat, values: Option<&[f32]>) -> Ballot<AccountId> {
	let output = values.map(output);
	let output_hash = output.as_ref().map(|o| H256(sp_io::hashing::blake2_256(o)));
	Ballot { who, seat, output_hash, output }
}

fn bond(role: Role, who: AccountId) -> Balance {
	pallet_payments::Bonds::<Test>::get(role, who).map(|b| b.amount).unwrap_or(0)
}

/// Moves past the miss window, so that the next miss counts.
fn later() {
	System::set_block_number(System::block_number() + MissWindow::get());
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Verification(e) => Some(e),
			_ => None,
		})
		.collect()
}

#[test]
fn the_premium_is_the_expected_verifier_pay() {
	new_test_ext().execute_with(|| {
		let policy = |verifiers, sample_ppm| VerificationPolicy {
			verifiers,
			sample_ppm,
			..Default::default()
		};
		assert_eq!(V::premium(&policy(2, 1_000_000), 0), Some(14));
		// 3 verifiers × 7 × 10 % = 2.1, rounded up.
		assert_eq!(V::premium(&policy(3, 100_000), 0), Some(3));
		assert_eq!(V::premium(&policy(0, 0), 0), Some(0));
		assert_eq!(V::premium(&policy(2, 0), 0), Some(0));
	});
}

#[test]
fn draws_take_distinct_bonded_verifiers_never_the_excluded() {
	new_test_ext().execute_with(|| {
		let drawn = V::draw(ID, &H256([1; 32]), &[11, 12], 2);
		assert_eq!(drawn.len(), 2);
		assert!(drawn.iter().all(|(n, k)| [13, 14, 15].contains(n) && *k == key(*n)));
		assert_ne!(drawn[0].0, drawn[1].0);
		// Asking for more than there are gives all there are.
		let all = V::draw(ID, &H256([2; 32]), &[11], 9);
		let mut nodes: Vec<_> = all.iter().map(|(n, _)| *n).collect();
		nodes.sort();
		assert_eq!(nodes, vec![12, 13, 14, 15]);
		// Executors are not verifiers; an unbonding verifier is not drawn.
		pallet_payments::Pallet::<Test>::unbond(RuntimeOrigin::signed(13), Role::Verifier).unwrap();
		let rest = V::draw(ID, &H256([3; 32]), &[11, 12, 14, 15], 3);
		assert!(rest.is_empty());
		// Different seeds spread the draw.
		let firsts: std::collections::BTreeSet<_> =
			(0..40u8).map(|s| V::draw(ID, &H256([s; 32]), &[], 1)[0].0).collect();
		assert!(firsts.len() >= 3, "{firsts:?}");
	});
}

#[test]
fn an_agreeing_majority_pays_verifiers_and_slashes_nobody() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		let right: &[f32] = &[1.0, 2.0];
		let ballots = [
			ballot(1, Seat::Executor, Some(right)),
			ballot(11, Seat::Verifier, Some(right)),
			ballot(12, Seat::Verifier, Some(right)),
		];
		let judgement = V::judge(ID, 0, &Tolerance::Exact, &ballots, false);
		assert_eq!(judgement.decision, Decision::Accepted { executor: 0 });
		assert_eq!(Balances::free_balance(11), 10_007 - 1_000);
		assert_eq!(Balances::free_balance(TREASURY), 1_000 - 14);
		assert_eq!(bond(Role::Inference, 1), 1_000);
		assert_eq!(
			Records::<Test>::get(Role::Verifier, 12),
			NodeRecord { in_line: 1, ..Default::default() }
		);
		assert!(events().contains(&Event::Judged {
			id: ID,
			verdict: Verdict::Accepted,
			seats: 3,
			in_line: 3
		}));
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn a_wrong_executor_and_a_wrong_verifier_are_slashed() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		let right: &[f32] = &[1.0, 2.0];
		let wrong: &[f32] = &[1.0, 2.5];
		// The executor is outvoted by two of three verifiers; the third voted with it.
		let ballots = [
			ballot(1, Seat::Executor, Some(wrong)),
			ballot(11, Seat::Verifier, Some(right)),
			ballot(12, Seat::Verifier, Some(wrong)),
			ballot(13, Seat::Verifier, Some(right)),
			ballot(14, Seat::Verifier, Some(right)),
		];
		let judgement = V::judge(ID, 0, &Tolerance::Exact, &ballots, false);
		assert_eq!(judgement.decision, Decision::ExecutorsWrong);
		assert_eq!(judgement.in_line, vec![false, true, false, true, true]);
		assert_eq!(bond(Role::Inference, 1), 500);
		assert_eq!(bond(Role::Verifier, 12), 800);
		assert_eq!(Balances::balance_on_hold(&pallet_payments::HoldReason::Bond.into(), &1), 500);
		// 500 + 200 slashed in, 3 × 7 paid out.
		assert_eq!(Balances::free_balance(TREASURY), 1_000 + 700 - 21);
		assert!(events().contains(&Event::Slashed {
			id: ID,
			who: 1,
			seat: Seat::Executor,
			offence: Offence::WrongResult,
			slashed: 500
		}));
		assert_eq!(Records::<Test>::get(Role::Inference, 1).out_of_line, 1);
		// Half the bond left is below the minimum? 500 ≥ 100: still active.
		assert!(pallet_payments::Active::<Test>::get(Role::Inference).contains(&1));
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn a_withheld_reveal_is_a_miss_when_a_majority_decides_not_a_slash() {
	new_test_ext().execute_with(|| {
		let right: &[f32] = &[1.0, 2.0];
		let ballots = [
			ballot(1, Seat::Executor, None),
			ballot(11, Seat::Verifier, Some(right)),
			ballot(12, Seat::Verifier, Some(right)),
		];
		let judgement = V::judge(ID, 0, &Tolerance::Exact, &ballots, false);
		assert_eq!(judgement.decision, Decision::ExecutorsWrong);
		// Late is not wrong: the silent executor keeps its bond and gets a miss.
		assert_eq!(bond(Role::Inference, 1), 1_000);
		assert_eq!(Records::<Test>::get(Role::Inference, 1).misses, 1);
	});
}

#[test]
fn without_a_majority_nobody_is_slashed_and_silence_is_a_miss() {
	new_test_ext().execute_with(|| {
		let a: &[f32] = &[1.0];
		let b: &[f32] = &[2.0];
		let ballots = [
			ballot(1, Seat::Executor, Some(a)),
			ballot(11, Seat::Verifier, Some(b)),
			ballot(12, Seat::Verifier, None),
		];
		let treasury = Balances::free_balance(TREASURY);
		let judgement = V::judge(ID, 0, &Tolerance::Exact, &ballots, false);
		assert_eq!(judgement.decision, Decision::NoMajority);
		assert_eq!(bond(Role::Inference, 1), 1_000);
		assert_eq!(bond(Role::Verifier, 11), 1_000);
		assert_eq!(Balances::free_balance(TREASURY), treasury);
		assert_eq!(Records::<Test>::get(Role::Verifier, 12).misses, 1);
		// Under a tolerance the same outputs can agree.
		let near: &[f32] = &[1.000_000_1];
		let ballots = [ballot(1, Seat::Executor, Some(a)), ballot(11, Seat::Verifier, Some(near))];
		let within = Tolerance::Within { abs_ppb: 1_000, rel_ppb: 0 };
		assert_eq!(
			V::judge(ID, 0, &within, &ballots, false).decision,
			Decision::Accepted { executor: 0 }
		);
		assert_eq!(
			V::judge(ID, 0, &Tolerance::Exact, &ballots, false).decision,
			Decision::NoMajority
		);
	});
}

#[test]
fn missed_deadlines_in_a_row_are_slashed_and_a_good_seat_resets_them() {
	new_test_ext().execute_with(|| {
		later();
		V::missed(ID, &13, Seat::Verifier);
		later();
		V::missed(ID, &13, Seat::Verifier);
		assert_eq!(Records::<Test>::get(Role::Verifier, 13).misses, 2);
		// A seat in line forgives.
		let right: &[f32] = &[1.0];
		V::judge(
			ID,
			0,
			&Tolerance::Exact,
			&[ballot(2, Seat::Executor, Some(right)), ballot(13, Seat::Verifier, Some(right))],
			false,
		);
		assert_eq!(Records::<Test>::get(Role::Verifier, 13).misses, 0);
		for _ in 0..3 {
			later();
			V::missed(ID, &13, Seat::Verifier);
		}
		assert_eq!(bond(Role::Verifier, 13), 900);
		assert_eq!(Records::<Test>::get(Role::Verifier, 13).misses, 0);
		assert!(events().contains(&Event::Slashed {
			id: ID,
			who: 13,
			seat: Seat::Verifier,
			offence: Offence::MissedDeadlines,
			slashed: 100
		}));
		// Executors' misses count in their own role.
		later();
		V::missed(ID, &2, Seat::Executor);
		assert_eq!(Records::<Test>::get(Role::Inference, 2).misses, 1);
		assert_eq!(Records::<Test>::get(Role::Verifier, 2).misses, 0);
	});
}

#[test]
fn silence_is_a_miss_only_when_most_peers_answered_and_never_a_slash() {
	new_test_ext().execute_with(|| {
		use sibyl_primitives::verify::Attendance;
		let at = |who: u64, seat: Seat, answered: bool| Attendance { who, seat, answered };
		// Two of three peers sealed: the silent one gets a miss.
		V::deadline_passed(
			ID,
			&[
				at(2, Seat::Executor, true),
				at(12, Seat::Verifier, true),
				at(13, Seat::Verifier, false),
			],
		);
		assert_eq!(Records::<Test>::get(Role::Verifier, 13).misses, 1);
		// Only one of two peers answered: not a majority, nobody is blamed.
		later();
		V::deadline_passed(
			ID,
			&[
				at(2, Seat::Executor, false),
				at(12, Seat::Verifier, true),
				at(13, Seat::Verifier, false),
			],
		);
		assert_eq!(Records::<Test>::get(Role::Verifier, 13).misses, 1);
		assert_eq!(Records::<Test>::get(Role::Inference, 2).misses, 0);
		// A lone seat has no peer to show the deadline could be met.
		V::deadline_passed(ID, &[at(2, Seat::Executor, false)]);
		assert_eq!(Records::<Test>::get(Role::Inference, 2).misses, 0);
		// Sealed but not revealed while the others agree: late, so a miss, never a slash.
		later();
		let right: &[f32] = &[1.0];
		let judgement = V::judge(
			ID,
			0,
			&Tolerance::Exact,
			&[
				ballot(2, Seat::Executor, Some(right)),
				ballot(12, Seat::Verifier, Some(right)),
				ballot(13, Seat::Verifier, None),
			],
			false,
		);
		assert_eq!(judgement.decision, Decision::Accepted { executor: 0 });
		assert_eq!(bond(Role::Verifier, 13), 1_000);
		assert_eq!(Records::<Test>::get(Role::Verifier, 13).misses, 2);
		assert!(!events().iter().any(|e| matches!(e, Event::Slashed { .. })));
	});
}

#[test]
fn a_node_down_misses_once_per_window_however_many_seats_it_held() {
	new_test_ext().execute_with(|| {
		// Every seat of a node that went down passes its deadline within a few blocks.
		for _ in 0..10 {
			V::missed(ID, &13, Seat::Verifier);
		}
		assert_eq!(Records::<Test>::get(Role::Verifier, 13).misses, 1);
		System::set_block_number(System::block_number() + MissWindow::get() - 1);
		V::missed(ID, &13, Seat::Verifier);
		assert_eq!(Records::<Test>::get(Role::Verifier, 13).misses, 1);
		later();
		V::missed(ID, &13, Seat::Verifier);
		assert_eq!(Records::<Test>::get(Role::Verifier, 13).misses, 2);
		assert_eq!(bond(Role::Verifier, 13), 1_000);
	});
}

#[test]
fn a_round_without_majority_escalates_once_to_one_more_verifier_than_the_policy() {
	let policy = VerificationPolicy { verifiers: 2, ..Default::default() };
	assert_eq!(V::escalation(&policy, 0), Some(3));
	assert_eq!(V::escalation(&policy, 1), None);
	// The escalated round is the verifiers' alone: never fewer than three of them.
	let replicas_only = VerificationPolicy { verifiers: 0, ..Default::default() };
	assert_eq!(V::escalation(&replicas_only, 0), Some(3));
	let one = VerificationPolicy { verifiers: 1, ..Default::default() };
	assert_eq!(V::escalation(&one, 0), Some(2));
}

#[test]
fn sampling_announces_skipped_requests() {
	new_test_ext().execute_with(|| {
		let policy = VerificationPolicy { verifiers: 1, sample_ppm: 0, ..Default::default() };
		assert!(!V::sampled(ID, &policy, &H256::zero()));
		assert_eq!(events(), vec![Event::NotSampled { id: ID }]);
		let always =
			VerificationPolicy { verifiers: 1, sample_ppm: 1_000_000, ..Default::default() };
		assert!(V::sampled(ID, &always, &H256::zero()));
	});
}

#[test]
fn a_withdrawn_node_leaves_no_record_behind() {
	new_test_ext().execute_with(|| {
		later();
		V::missed(ID, &13, Seat::Verifier);
		later();
		V::missed(ID, &2, Seat::Executor);
		assert_eq!(Records::<Test>::get(Role::Verifier, 13).misses, 1);
		assert!(crate::LastMisses::<Test>::contains_key(Role::Verifier, 13));
		// Unbonding keeps the record: the node may still hold seats and be judged.
		assert_ok!(Payments::unbond(RuntimeOrigin::signed(13), Role::Verifier));
		assert_eq!(Records::<Test>::get(Role::Verifier, 13).misses, 1);
		System::set_block_number(System::block_number() + UnbondingPeriod::get());
		assert_ok!(Payments::withdraw_unbonded(RuntimeOrigin::signed(13), Role::Verifier));
		assert!(!Records::<Test>::contains_key(Role::Verifier, 13));
		assert!(!crate::LastMisses::<Test>::contains_key(Role::Verifier, 13));
		// Other nodes' records, and the node's records in other roles, are untouched.
		assert_eq!(Records::<Test>::get(Role::Inference, 2).misses, 1);
	});
}
