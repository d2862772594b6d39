//! The pallet's invariants, checked by `try_state` (try-runtime) and by the unit tests of the
//! pallets that use it.

use super::*;
use alloc::collections::BTreeMap;
use frame_support::traits::fungible::InspectHold;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Holds, bonds, keys and the active sets agree:
	/// - each account's escrow hold is the sum of its open escrows, its bond hold the sum of its
	///   bonds;
	/// - each bond's key is owned by its account, and every owned key is a bond's key or one of
	///   its account's retiring keys;
	/// - the active nodes of a role are bonded for it and not unbonding.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut escrowed: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (_, record) in Escrows::<T>::iter() {
			let held = escrowed.entry(record.payer).or_default();
			*held = held.saturating_add(record.amount);
		}
		for (payer, amount) in escrowed {
			let held = T::Currency::balance_on_hold(&HoldReason::Escrow.into(), &payer);
			ensure!(held == amount, "an escrow hold differs from the open escrows");
		}
		let mut bonded: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (role, who, bond) in Bonds::<T>::iter() {
			ensure!(
				KeyOwners::<T>::get(role, bond.key).as_ref() == Some(&who),
				"a bond's key is not owned by its account"
			);
			let held = bonded.entry(who).or_default();
			*held = held.saturating_add(bond.amount);
		}
		for (who, amount) in bonded {
			let held = T::Currency::balance_on_hold(&HoldReason::Bond.into(), &who);
			ensure!(held == amount, "a bond hold differs from the bonds");
		}
		for (role, key, who) in KeyOwners::<T>::iter() {
			let current = Bonds::<T>::get(role, &who).map(|b| b.key) == Some(key);
			let retiring = RetiringKeys::<T>::get(role, &who).iter().any(|(k, _)| *k == key);
			ensure!(current || retiring, "an owned key is neither bonded nor retiring");
		}
		for role in Role::ALL {
			for who in Active::<T>::get(role) {
				let bond = Bonds::<T>::get(role, &who).ok_or("an active node is not bonded")?;
				ensure!(bond.unlocks_at.is_none(), "an active node is unbonding");
			}
		}
		Ok(())
	}
}
