//! Benchmarks of the payments pallet: each call at its most expensive (a nearly full or full
//! active set, the most retiring keys).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::crypto::KeyTypeId;

/// Where the benchmarks keep their node keys (any key type signs).
const BENCH_KEYS: KeyTypeId = KeyTypeId(*b"bnch");

/// The role benchmarked: all roles take the same path, Inference has the largest minimum.
const ROLE: Role = Role::Inference;

/// A fresh node key in the keystore and its proof of possession for `who` bonding `ROLE`.
fn proven_key<T: Config>(who: &T::AccountId) -> (NodeKey, NodeSignature) {
	let key = sp_io::crypto::sr25519_generate(BENCH_KEYS, None);
	let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
	let proof =
		sp_io::crypto::sr25519_sign(BENCH_KEYS, &key, &key_proof_payload(&genesis, ROLE, who))
			.unwrap();
	(key, proof)
}

/// Account `i`, funded with ten minimum bonds.
fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	let amount = Pallet::<T>::min_bond(ROLE).saturating_mul(10u32.into());
	T::Currency::set_balance(&who, amount);
	who
}

/// Account `i`, bonded for `ROLE` with the minimum.
fn bonded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who = funded::<T>(name, i);
	let (key, _) = proven_key::<T>(&who);
	Pallet::<T>::do_bond(&who, ROLE, Pallet::<T>::min_bond(ROLE), key).unwrap();
	who
}

/// Other nodes bonded for `ROLE` until one place is left in its active set (the set the call
/// walks; genesis may have bonded some already).
fn all_but_one<T: Config>() {
	let present = Active::<T>::get(ROLE).len() as u32;
	for i in present..T::MaxNodes::get().saturating_sub(1) {
		bonded::<T>("other", i);
	}
}

/// `who` rotates its key `MAX_RETIRING_KEYS` times, each rotation released at
/// `now + UnbondingPeriod`.
fn rotate_fully<T: Config>(who: &T::AccountId) {
	for _ in 0..MAX_RETIRING_KEYS {
		let (key, proof) = proven_key::<T>(who);
		Pallet::<T>::rotate_key(RawOrigin::Signed(who.clone()).into(), ROLE, key, proof).unwrap();
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The last place of the active set taken, with the key's proof checked.
	#[benchmark]
	fn bond() {
		all_but_one::<T>();
		let who = funded::<T>("caller", 0);
		let (key, proof) = proven_key::<T>(&who);
		let amount = Pallet::<T>::min_bond(ROLE);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), ROLE, amount, key, proof);
		assert_eq!(Active::<T>::get(ROLE).last(), Some(&who));
		assert_eq!(KeyOwners::<T>::get(ROLE, key), Some(who));
	}

	#[benchmark]
	fn bond_extra() {
		let who = bonded::<T>("caller", 0);
		let amount = Pallet::<T>::min_bond(ROLE);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), ROLE, amount);
		let held = Bonds::<T>::get(ROLE, &who).unwrap();
		assert_eq!(held.amount, amount.saturating_mul(2u32.into()));
	}

	/// The last of a full active set leaves (the whole set is walked).
	#[benchmark]
	fn unbond() {
		all_but_one::<T>();
		let who = bonded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), ROLE);
		assert!(!Active::<T>::get(ROLE).contains(&who));
		assert!(Bonds::<T>::get(ROLE, &who).unwrap().unlocks_at.is_some());
	}

	/// With the most retiring keys, all released with the bond.
	#[benchmark]
	fn withdraw_unbonded() {
		let who = bonded::<T>("caller", 0);
		rotate_fully::<T>(&who);
		Pallet::<T>::unbond(RawOrigin::Signed(who.clone()).into(), ROLE).unwrap();
		let unlocks = Bonds::<T>::get(ROLE, &who).unwrap().unlocks_at.unwrap();
		frame_system::Pallet::<T>::set_block_number(unlocks);
		let keys: Vec<NodeKey> = RetiringKeys::<T>::get(ROLE, &who).iter().map(|k| k.0).collect();
		assert_eq!(keys.len() as u32, MAX_RETIRING_KEYS);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), ROLE);
		assert!(!Bonds::<T>::contains_key(ROLE, &who));
		assert!(keys.iter().all(|k| !KeyOwners::<T>::contains_key(ROLE, k)));
	}

	/// With the most retiring keys, all due: each is released, the current one retires.
	#[benchmark]
	fn rotate_key() {
		let who = bonded::<T>("caller", 0);
		rotate_fully::<T>(&who);
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(T::UnbondingPeriod::get()));
		let released: Vec<NodeKey> =
			RetiringKeys::<T>::get(ROLE, &who).iter().map(|k| k.0).collect();
		let (key, proof) = proven_key::<T>(&who);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), ROLE, key, proof);
		assert_eq!(Bonds::<T>::get(ROLE, &who).unwrap().key, key);
		assert_eq!(RetiringKeys::<T>::get(ROLE, &who).len(), 1);
		assert!(released.iter().all(|k| !KeyOwners::<T>::contains_key(ROLE, k)));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
