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
		assert_ok!(bond(ALICE, Role::Inference, 150, 1));
		assert_eq!(held(ALICE, HoldReason::Bond), 150);
		assert_eq!(Payments::active(Role::Inference), vec![ALICE]);
		assert_eq!(Payments::key_of(Role::Inference, &ALICE), Some(key(1)));
		assert_eq!(Payments::account_of(Role::Inference, &key(1)), Some(ALICE));
		// The same key may serve another role of the same account.
		assert_ok!(bond(ALICE, Role::Verifier, 50, 1));
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
		assert_ok!(bond(ALICE, Role::Inference, 100, 1));
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
		assert_ok!(bond(BOB, Role::Inference, 100, 1));
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
		assert_ok!(bond(ALICE, Role::Inference, 200, 1));
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

#[test]
fn a_bond_needs_the_keys_own_proof_for_this_account_role_and_chain() {
	new_test_ext().execute_with(|| {
		let bond_with = |who, role, k, proof| {
			Payments::bond(RuntimeOrigin::signed(who), role, 100, key(k), proof)
		};
		// Signed by another key.
		assert_noop!(
			bond_with(ALICE, Role::Inference, 1, proof(2, Role::Inference, ALICE)),
			Error::<Test>::BadKeyProof
		);
		// Made for another account: Bob cannot front-run Alice's key with her proof.
		assert_noop!(
			bond_with(BOB, Role::Inference, 1, proof(1, Role::Inference, ALICE)),
			Error::<Test>::BadKeyProof
		);
		// Made for another role.
		assert_noop!(
			bond_with(ALICE, Role::Inference, 1, proof(1, Role::Verifier, ALICE)),
			Error::<Test>::BadKeyProof
		);
		// Made for another chain (another genesis hash).
		let other_chain = {
			use sp_core::Pair;
			let payload = sibyl_primitives::key_proof_payload(
				&sp_core::H256::repeat_byte(7),
				Role::Inference,
				&ALICE,
			);
			pair(1).sign(&payload)
		};
		assert_noop!(bond_with(ALICE, Role::Inference, 1, other_chain), Error::<Test>::BadKeyProof);
		assert_eq!(held(ALICE, HoldReason::Bond), 0);
		assert_ok!(bond_with(ALICE, Role::Inference, 1, proof(1, Role::Inference, ALICE)));
		assert_eq!(Payments::account_of(Role::Inference, &key(1)), Some(ALICE));
	});
}

#[test]
fn rotation_binds_the_new_key_at_once_and_releases_the_old_one_after_the_unbonding_period() {
	new_test_ext().execute_with(|| {
		let rotate = |who, role, k, proof| {
			Payments::rotate_key(RuntimeOrigin::signed(who), role, key(k), proof)
		};
		assert_noop!(
			rotate(ALICE, Role::Inference, 2, proof(2, Role::Inference, ALICE)),
			Error::<Test>::NotBonded
		);
		assert_ok!(bond(ALICE, Role::Inference, 100, 1));
		assert_ok!(bond(BOB, Role::Inference, 100, 3));
		assert_noop!(
			rotate(ALICE, Role::Inference, 2, proof(3, Role::Inference, ALICE)),
			Error::<Test>::BadKeyProof
		);
		assert_noop!(
			rotate(ALICE, Role::Inference, 3, proof(3, Role::Inference, ALICE)),
			Error::<Test>::KeyInUse
		);
		assert_noop!(
			rotate(ALICE, Role::Inference, 1, proof(1, Role::Inference, ALICE)),
			Error::<Test>::KeyInUse
		);

		let period = <Test as crate::Config>::UnbondingPeriod::get();
		assert_ok!(rotate(ALICE, Role::Inference, 2, proof(2, Role::Inference, ALICE)));
		System::assert_last_event(
			Event::KeyRotated {
				who: ALICE,
				role: Role::Inference,
				old: key(1),
				new: key(2),
				old_released_at: 1 + period,
			}
			.into(),
		);
		// New work goes to the new key; the old one still answers for the seats it holds.
		assert_eq!(Payments::key_of(Role::Inference, &ALICE), Some(key(2)));
		assert_eq!(Payments::account_of(Role::Inference, &key(2)), Some(ALICE));
		assert_eq!(Payments::account_of(Role::Inference, &key(1)), Some(ALICE));
		// The bond, its hold and the active set are untouched.
		assert_eq!(held(ALICE, HoldReason::Bond), 100);
		assert_eq!(Payments::active(Role::Inference), vec![ALICE, BOB]);
		// Nobody else can take the retiring key meanwhile.
		assert_noop!(
			rotate(BOB, Role::Inference, 1, proof(1, Role::Inference, BOB)),
			Error::<Test>::KeyInUse
		);

		// Past the period, the next rotation releases it.
		System::set_block_number(1 + period);
		assert_ok!(rotate(ALICE, Role::Inference, 4, proof(4, Role::Inference, ALICE)));
		assert_eq!(Payments::account_of(Role::Inference, &key(1)), None);
		assert_eq!(Payments::account_of(Role::Inference, &key(2)), Some(ALICE));
		assert_eq!(crate::RetiringKeys::<Test>::get(Role::Inference, ALICE).len(), 1);

		// At most four keys retire at once.
		for k in 5..=7 {
			assert_ok!(rotate(ALICE, Role::Inference, k, proof(k, Role::Inference, ALICE)));
		}
		assert_noop!(
			rotate(ALICE, Role::Inference, 8, proof(8, Role::Inference, ALICE)),
			Error::<Test>::TooManyRotations
		);

		// Unbonding stops rotation; withdrawing frees every key the account held.
		assert_ok!(Payments::unbond(RuntimeOrigin::signed(ALICE), Role::Inference));
		assert_noop!(
			rotate(ALICE, Role::Inference, 8, proof(8, Role::Inference, ALICE)),
			Error::<Test>::Unbonding
		);
		System::set_block_number(1 + 2 * period);
		assert_ok!(Payments::withdraw_unbonded(RuntimeOrigin::signed(ALICE), Role::Inference));
		for k in [1, 2, 4, 5, 6, 7] {
			assert_eq!(Payments::account_of(Role::Inference, &key(k)), None, "key {k}");
		}
		assert_eq!(Payments::account_of(Role::Inference, &key(3)), Some(BOB));
		assert_eq!(crate::RetiringKeys::<Test>::get(Role::Inference, ALICE).len(), 0);
		assert_ok!(bond(CHARLIE, Role::Inference, 100, 2));
	});
}
