//! Unit tests of bonds and escrow.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{mock::*, Active, Bonds, Error, Event, HoldReason, KeyOwners};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sibyl_primitives::{
	roles::{Escrow, NodeRegistry, Settlement, Treasury},
	RequestId, Role,
};
use sp_runtime::Perbill;

fn held(who: AccountId, reason: HoldReason) -> Balance {
	Balances::balance_on_hold(&reason.into(), &who)
}

#[test]
fn bond_binds_key_and_holds() {
	new_test_ext().execute_with(|| {
		assert_ok!(Payments::bond(RuntimeOrigin::signed(ALICE), Role::Inference, 150, key(1)));
		assert_eq!(held(ALICE, HoldReason::Bond), 150);
		assert_eq!(Payments::active(Role::Inference), vec![ALICE]);
		assert_eq!(Payments::key_of(Role::Inference, &ALICE), Some(key(1)));
		assert_eq!(Payments::account_of(Role::Inference, &key(1)), Some(ALICE));
		// The same key may serve another role of the same account.
		assert_ok!(Payments::bond(RuntimeOrigin::signed(ALICE), Role::Verifier, 50, key(1)));
		System::assert_last_event(
			Event::Bonded { who: ALICE, role: Role::Verifier, amount: 50, key: key(1) }.into(),
		);
		assert_ok!(Payments::bond_extra(RuntimeOrigin::signed(ALICE), Role::Inference, 10));
		assert_eq!(Bonds::<Test>::get(Role::Inference, ALICE).unwrap().amount, 160);
		assert_eq!(held(ALICE, HoldReason::Bond), 210);
	});
}

#[test]
fn bond_errors_change_nothing() {
	new_test_ext().execute_with(|| {
		let bond =
			|who, role, amount, k| Payments::bond(RuntimeOrigin::signed(who), role, amount, key(k));
		assert_noop!(bond(ALICE, Role::Inference, 99, 1), Error::<Test>::BondTooSmall);
		assert_noop!(bond(POOR, Role::Data, 26, 9), Error::<Test>::InsufficientBalance);
		assert_ok!(bond(ALICE, Role::Inference, 100, 1));
		assert_noop!(bond(ALICE, Role::Inference, 100, 2), Error::<Test>::AlreadyBonded);
		assert_noop!(bond(BOB, Role::Inference, 100, 1), Error::<Test>::KeyInUse);
		assert_ok!(bond(BOB, Role::Inference, 100, 2));
		assert_ok!(bond(CHARLIE, Role::Inference, 100, 3));
		assert_noop!(bond(DAVE, Role::Inference, 100, 4), Error::<Test>::TooManyNodes);
		assert_noop!(
			Payments::bond_extra(RuntimeOrigin::signed(DAVE), Role::Inference, 1),
			Error::<Test>::NotBonded
		);
		assert_noop!(
			Payments::bond_extra(RuntimeOrigin::signed(ALICE), Role::Inference, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Payments::bond_extra(RuntimeOrigin::signed(ALICE), Role::Inference, 1_000_000),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn unbond_then_withdraw_after_the_period() {
	new_test_ext().execute_with(|| {
		let before = Balances::total_balance(&ALICE);
		assert_ok!(Payments::bond(RuntimeOrigin::signed(ALICE), Role::Inference, 100, key(1)));
		assert_ok!(Payments::unbond(RuntimeOrigin::signed(ALICE), Role::Inference));
		// No new work, but still bound and held.
		assert!(Active::<Test>::get(Role::Inference).is_empty());
		assert_eq!(Payments::account_of(Role::Inference, &key(1)), Some(ALICE));
		assert_eq!(held(ALICE, HoldReason::Bond), 100);
		assert_noop!(
			Payments::unbond(RuntimeOrigin::signed(ALICE), Role::Inference),
			Error::<Test>::Unbonding
		);
		assert_noop!(
			Payments::bond_extra(RuntimeOrigin::signed(ALICE), Role::Inference, 5),
			Error::<Test>::Unbonding
		);
		assert_noop!(
			Payments::withdraw_unbonded(RuntimeOrigin::signed(ALICE), Role::Inference),
			Error::<Test>::StillLocked
		);
		System::set_block_number(11);
		assert_ok!(Payments::withdraw_unbonded(RuntimeOrigin::signed(ALICE), Role::Inference));
		assert_eq!(held(ALICE, HoldReason::Bond), 0);
		assert!(KeyOwners::<Test>::get(Role::Inference, key(1)).is_none());
		assert_eq!(Balances::total_balance(&ALICE), before);
		assert_noop!(
			Payments::withdraw_unbonded(RuntimeOrigin::signed(BOB), Role::Inference),
			Error::<Test>::NotBonded
		);
		// The key is free again.
		assert_ok!(Payments::bond(RuntimeOrigin::signed(BOB), Role::Inference, 100, key(1)));
	});
}

#[test]
fn escrow_settles_once_and_never_loses_funds() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		let id = RequestId(7);
		assert_ok!(<Payments as Escrow<_, _>>::escrow(id, &ALICE, 100));
		assert_eq!(held(ALICE, HoldReason::Escrow), 100);
		assert_eq!(Payments::escrowed(id), Some(100));
		assert_noop!(<Payments as Escrow<_, _>>::escrow(id, &BOB, 1), Error::<Test>::EscrowExists);
		assert_noop!(
			<Payments as Escrow<_, _>>::escrow(RequestId(8), &POOR, 100),
			Error::<Test>::InsufficientBalance
		);
		// 40 to Bob, 3 to a new account (below the existential deposit: stays with Alice),
		// 50 to Charlie; the 7 left and the 3 go back to Alice.
		let s = Payments::settle(id, &[(BOB, 40), (77, 3), (CHARLIE, 50)]).unwrap();
		assert_eq!(s, Settlement { paid: 90, refunded: 10 });
		assert_eq!(Balances::balance(&BOB), 10_040);
		assert_eq!(Balances::balance(&CHARLIE), 10_050);
		assert_eq!(Balances::balance(&ALICE), 9_910);
		// Shares above the escrow are capped at what is left.
		assert_ok!(<Payments as Escrow<_, _>>::escrow(RequestId(10), &ALICE, 30));
		let s = Payments::settle(RequestId(10), &[(BOB, 20), (CHARLIE, 20)]).unwrap();
		assert_eq!(s, Settlement { paid: 30, refunded: 0 });
		assert_eq!(Balances::balance(&CHARLIE), 10_060);
		assert_eq!(Balances::balance(&ALICE), 9_880);
		assert_eq!(held(ALICE, HoldReason::Escrow), 0);
		assert_noop!(Payments::settle(id, &[]), Error::<Test>::NoEscrow);
		assert_noop!(Payments::refund(id), Error::<Test>::NoEscrow);
		assert_eq!(Balances::total_issuance(), issuance);

		assert_ok!(<Payments as Escrow<_, _>>::escrow(RequestId(9), &BOB, 60));
		assert_eq!(Payments::refund(RequestId(9)), Ok(60));
		assert_eq!(Balances::balance(&BOB), 10_060);
		assert_eq!(Payments::total_escrowed(), 0);
	});
}

#[test]
fn slashes_move_bonds_to_the_treasury_and_can_force_unbonding() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		assert_ok!(Payments::bond(RuntimeOrigin::signed(ALICE), Role::Inference, 200, key(1)));
		// 10 % of 200.
		assert_eq!(
			<Payments as Treasury<_, _>>::slash(Role::Inference, &ALICE, Perbill::from_percent(10)),
			20
		);
		System::assert_last_event(
			Event::Slashed { who: ALICE, role: Role::Inference, amount: 20 }.into(),
		);
		assert_eq!(held(ALICE, HoldReason::Bond), 180);
		assert_eq!(Bonds::<Test>::get(Role::Inference, ALICE).unwrap().amount, 180);
		assert_eq!(Balances::free_balance(TREASURY), 1_020);
		assert_eq!(Payments::active(Role::Inference), vec![ALICE]);
		// Half of 180 leaves 90, below the minimum of 100: the node stops taking work, and the
		// rest stays slashable while it unbonds.
		assert_eq!(
			<Payments as Treasury<_, _>>::slash(Role::Inference, &ALICE, Perbill::from_percent(50)),
			90
		);
		assert!(Payments::active(Role::Inference).is_empty());
		let bond = Bonds::<Test>::get(Role::Inference, ALICE).unwrap();
		assert_eq!((bond.amount, bond.unlocks_at), (90, Some(1 + UnbondingPeriod::get())));
		assert_eq!(
			<Payments as Treasury<_, _>>::slash(Role::Inference, &ALICE, Perbill::one()),
			90
		);
		assert_eq!(held(ALICE, HoldReason::Bond), 0);
		// Nobody bonded: nothing to slash.
		assert_eq!(<Payments as Treasury<_, _>>::slash(Role::Verifier, &BOB, Perbill::one()), 0);
		assert_eq!(Balances::total_issuance(), issuance);
		assert_eq!(Balances::free_balance(TREASURY), 1_200);
	});
}

#[test]
fn rewards_are_paid_from_the_treasury_as_far_as_it_can() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		assert_eq!(<Payments as Treasury<_, _>>::reward(&BOB, 300), 300);
		System::assert_last_event(Event::Rewarded { who: BOB, amount: 300 }.into());
		assert_eq!(Balances::free_balance(BOB), 10_300);
		// The treasury keeps its existential deposit (5): 700 - 5 can still go.
		assert_eq!(<Payments as Treasury<_, _>>::reward(&CHARLIE, 10_000), 695);
		assert_eq!(Balances::free_balance(TREASURY), 5);
		assert_eq!(<Payments as Treasury<_, _>>::reward(&CHARLIE, 1), 0);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}
